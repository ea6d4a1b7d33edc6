using Gongkai.Calendar;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.UnitTests.Platform.Calendar;

public sealed class CalendarCacheTests
{
    private static readonly WorkCalendar Calendar = new([], [2031]);

    [Fact]
    public void A_stored_calendar_is_served_until_it_expires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-27T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var cache = new CalendarCache(clock);

        cache.Store(Calendar, cache.Generation);
        Assert.True(cache.TryGet(out var served));
        Assert.Same(Calendar, served);

        clock.Advance(CalendarCache.Lifetime);
        Assert.False(cache.TryGet(out _));
    }

    [Fact]
    public void Invalidating_drops_the_calendar_at_once()
    {
        var cache = new CalendarCache(new FakeTimeProvider());
        cache.Store(Calendar, cache.Generation);

        cache.Invalidate();

        Assert.False(cache.TryGet(out _));
    }

    [Fact]
    public void A_load_that_began_before_an_edit_is_not_kept()
    {
        var cache = new CalendarCache(new FakeTimeProvider());
        var generationAtLoadStart = cache.Generation;

        cache.Invalidate();
        cache.Store(Calendar, generationAtLoadStart);

        Assert.False(cache.TryGet(out _));
    }
}
