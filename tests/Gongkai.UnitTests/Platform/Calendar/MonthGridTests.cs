using Gongkai.Calendar;

namespace Gongkai.UnitTests.Platform.Calendar;

public sealed class MonthGridTests
{
    [Fact]
    public void October_2024_starts_on_a_tuesday_and_spans_five_weeks()
    {
        var weeks = MonthGrid.Weeks(2024, 10);

        Assert.Equal(5, weeks.Count);
        Assert.Null(weeks[0][0]);
        Assert.Equal(new DateOnly(2024, 10, 1), weeks[0][1]);
        Assert.Equal(new DateOnly(2024, 10, 31), weeks[4][3]);
        Assert.Null(weeks[4][4]);
        Assert.Equal(31, weeks.SelectMany(w => w).Count(d => d is not null));
    }

    [Fact]
    public void A_month_ending_on_sunday_has_no_empty_trailing_week()
    {
        // February 2021: Monday the 1st to Sunday the 28th, exactly four weeks.
        var weeks = MonthGrid.Weeks(2021, 2);

        Assert.Equal(4, weeks.Count);
        Assert.All(weeks, w => Assert.All(w, d => Assert.NotNull(d)));
    }
}
