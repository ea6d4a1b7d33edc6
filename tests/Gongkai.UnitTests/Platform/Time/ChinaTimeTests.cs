using Gongkai.Platform.Time;

namespace Gongkai.UnitTests.Platform.Time;

public sealed class ChinaTimeTests
{
    [Fact]
    public void Year_one_begins_at_the_first_instant_instead_of_failing()
    {
        // GET /api/v1/documents?year=1 (a year the API accepts) answered 500: the China midnight of 0001-01-01 is before UTC's first instant.
        Assert.Equal(DateTimeOffset.MinValue, ChinaTime.StartOfYear(1));
        Assert.Equal(new DateTimeOffset(1, 1, 1, 16, 0, 0, TimeSpan.Zero), ChinaTime.StartOfDay(new DateOnly(1, 1, 2)));
    }

    [Fact]
    public void A_day_in_China_begins_eight_hours_before_UTC_midnight()
    {
        Assert.Equal(new DateTimeOffset(2023, 12, 31, 16, 0, 0, TimeSpan.Zero), ChinaTime.StartOfYear(2024));
    }
}
