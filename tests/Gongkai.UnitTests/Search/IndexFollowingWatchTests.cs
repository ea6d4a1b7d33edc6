using Gongkai.Search.Indexing;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.UnitTests.Search;

public sealed class IndexFollowingWatchTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Rows_waiting_on_a_position_that_does_not_move_for_longer_than_the_allowance_is_a_stall()
    {
        var watch = new IndexFollowingWatch(_time);
        Assert.False(watch.IsStalled(10, 3));
        _time.Advance(IndexFollowingWatch.Allowance);
        Assert.False(watch.IsStalled(10, 3));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(watch.IsStalled(10, 3));
    }

    [Fact]
    public void A_moving_position_or_nothing_waiting_is_never_a_stall()
    {
        var watch = new IndexFollowingWatch(_time);
        Assert.False(watch.IsStalled(10, 3));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.False(watch.IsStalled(11, 3));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(watch.IsStalled(11, 3));

        // A quiet site: nothing to apply for hours, then a burst that is applied at once.
        _time.Advance(TimeSpan.FromHours(3));
        Assert.False(watch.IsStalled(11, 0));
        _time.Advance(TimeSpan.FromHours(3));
        Assert.False(watch.IsStalled(11, 0));
        Assert.False(watch.IsStalled(11, 2));
        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.True(watch.IsStalled(11, 2));
    }
}
