using Gongkai.Oversight.Rules;

namespace Gongkai.UnitTests.Oversight;

public sealed class CalendarReadinessRuleTests
{
    private static readonly int[] ThroughThisYear = [2024, 2025, 2026];
    private static readonly int[] ThroughNextYear = [2025, 2026, 2027];

    [Theory]
    [InlineData(2026, 9, 30, null)]   // the last day before the season: nothing asked yet
    [InlineData(2026, 10, 1, 2027)]   // from 1 October next year is wanted
    [InlineData(2026, 12, 31, 2027)]
    [InlineData(2027, 1, 4, 2027)]    // a new year without its schedule: wanted at once, whatever the month
    [InlineData(2027, 6, 1, 2027)]
    public void Next_year_is_wanted_from_1_October_and_a_missing_current_year_at_once(int year, int month, int day, int? wanted)
    {
        Assert.Equal(wanted, CalendarReadinessRule.MissingYear(new DateOnly(year, month, day), ThroughThisYear));
    }

    [Fact]
    public void Nothing_is_wanted_once_next_year_is_imported()
    {
        Assert.Null(CalendarReadinessRule.MissingYear(new DateOnly(2026, 11, 15), ThroughNextYear));
        Assert.False(CalendarReadinessRule.WarningDue(new DateOnly(2026, 11, 15), ThroughNextYear, lastWarnedOn: null));
    }

    [Theory]
    [InlineData(null, true)]          // never warned: warn today
    [InlineData("2026-10-01", false)] // warned yesterday
    [InlineData("2026-09-26", false)] // six days ago (a warning is not from the season, but it counts for the week)
    [InlineData("2026-09-25", true)]  // seven days ago: this week's warning is due
    [InlineData("2026-08-01", true)]
    public void Warnings_come_once_a_week(string? lastWarned, bool due)
    {
        DateOnly? last = lastWarned is null ? null : DateOnly.Parse(lastWarned, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(due, CalendarReadinessRule.WarningDue(new DateOnly(2026, 10, 2), ThroughThisYear, last));
    }

    [Fact]
    public void Before_the_season_no_warning_is_due_even_if_none_was_ever_sent()
    {
        Assert.False(CalendarReadinessRule.WarningDue(new DateOnly(2026, 9, 30), ThroughThisYear, lastWarnedOn: null));
    }
}
