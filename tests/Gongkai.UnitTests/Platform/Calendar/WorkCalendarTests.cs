using Gongkai.Calendar;

namespace Gongkai.UnitTests.Platform.Calendar;

/// <summary>The counting rules, on the official schedules shipped with the application and on small made-up calendars.</summary>
public sealed class WorkCalendarTests
{
    private static readonly WorkCalendar Official = HolidayYearFile.BuildCalendar(HolidayYearFile.LoadEmbedded());

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Iso(IEnumerable<CountStep> steps) =>
        steps.Select(s => s.Day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();

    // --- The worked examples of regulations.md §1 -------------------------------------------------------------

    [Fact]
    public void Twenty_working_days_from_2019_09_27_end_on_2019_10_30()
    {
        var count = Official.AddWorkingDays(D("2019-09-27"), 20);

        Assert.Equal(D("2019-10-30"), count.Date);
        Assert.Equal(20, count.Steps.Count(s => s.Counted));
        Assert.Contains(count.Steps, s => s.Day.Date == D("2019-09-29") && s.WorkingDayNumber == 1);
        Assert.Contains(count.Steps, s => s.Day.Date == D("2019-10-12") && s.Counted);
    }

    [Fact]
    public void Fifteen_working_days_from_2018_09_28_end_on_2018_10_24()
    {
        var count = Official.AddWorkingDays(D("2018-09-28"), 15);

        Assert.Equal(D("2018-10-24"), count.Date);
        // The weekend before National Day was worked in 2018, so both days count.
        Assert.Equal(1, count.Steps.Single(s => s.Day.Date == D("2018-09-29")).WorkingDayNumber);
        Assert.Equal(2, count.Steps.Single(s => s.Day.Date == D("2018-09-30")).WorkingDayNumber);
    }

    [Fact]
    public void Adding_three_working_days_skips_the_national_day_holiday_but_counts_the_make_up_sunday()
    {
        var count = Official.AddWorkingDays(D("2024-09-27"), 3);

        Assert.Equal(D("2024-10-08"), count.Date);
        Assert.Equal(
            ["2024-09-28", "2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-05", "2024-10-06", "2024-10-07"],
            Iso(count.Skipped));
        var sunday = count.Steps.Single(s => s.Day.Date == D("2024-09-29"));
        Assert.Equal(1, sunday.WorkingDayNumber);
        Assert.Equal(DayKind.AdjustedWorkday, sunday.Day.Kind);
        Assert.Equal("国庆节", sunday.Day.HolidayName);
        Assert.Equal(2, count.Steps.Single(s => s.Day.Date == D("2024-09-30")).WorkingDayNumber);
        Assert.Equal(3, count.Steps.Single(s => s.Day.Date == D("2024-10-08")).WorkingDayNumber);
    }

    [Fact]
    public void Every_skipped_day_says_why_it_was_not_counted()
    {
        var count = Official.AddWorkingDays(D("2024-09-27"), 3);

        Assert.Equal("星期六，休息日，不计入", count.Skipped[0].Reason);
        Assert.Equal("星期二，国庆节放假，不计入", count.Skipped[1].Reason);
        Assert.Equal(DayKind.Weekend, count.Skipped[0].Day.Kind);
        Assert.All(count.Skipped.Skip(1), s => Assert.Equal(DayKind.Holiday, s.Day.Kind));
        Assert.Equal("星期日，国庆节调休上班，计为第1个工作日", count.Steps.Single(s => s.Day.Date == D("2024-09-29")).Reason);
        Assert.Equal("星期二，工作日，计为第3个工作日", count.Steps[^1].Reason);
    }

    // --- Describe ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2024-09-29", DayKind.AdjustedWorkday, true, "国庆节")]   // Sunday worked
    [InlineData("2024-10-12", DayKind.AdjustedWorkday, true, "国庆节")]   // Saturday worked
    [InlineData("2024-10-01", DayKind.Holiday, false, "国庆节")]
    [InlineData("2024-10-05", DayKind.Holiday, false, "国庆节")]          // a Saturday inside the holiday is a holiday
    [InlineData("2024-02-10", DayKind.Holiday, false, "春节")]
    [InlineData("2024-10-16", DayKind.Workday, true, null)]               // plain Wednesday
    [InlineData("2024-10-19", DayKind.Weekend, false, null)]              // plain Saturday
    [InlineData("2024-10-20", DayKind.Weekend, false, null)]              // plain Sunday
    [InlineData("2020-02-03", DayKind.Workday, true, "春节")]             // listed as worked on a Monday: still a workday
    public void Describes_each_kind_of_day(string date, DayKind kind, bool workingDay, string? name)
    {
        var day = Official.Describe(D(date));

        Assert.Equal(new DayInfo(D(date), kind, workingDay, name), day);
        Assert.Equal(workingDay, Official.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData(DayKind.Workday, "workday", "工作日")]
    [InlineData(DayKind.Weekend, "weekend", "休息日")]
    [InlineData(DayKind.Holiday, "holiday", "放假")]
    [InlineData(DayKind.AdjustedWorkday, "adjusted-workday", "调休上班")]
    public void Day_kinds_have_api_codes_and_chinese_names(DayKind kind, string code, string chinese)
    {
        Assert.Equal(code, DayKinds.Code(kind));
        Assert.Equal(chinese, DayKinds.ChineseName(kind));
    }

    // --- Spring Festival and other long holidays ------------------------------------------------------------

    [Fact]
    public void Spring_festival_2024_is_skipped_and_the_make_up_sunday_after_it_counts()
    {
        var count = Official.AddWorkingDays(D("2024-02-08"), 2);

        Assert.Equal(D("2024-02-18"), count.Date);
        Assert.Equal(DayKind.AdjustedWorkday, count.Steps[^1].Day.Kind);
        Assert.Equal(
            ["2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15", "2024-02-16", "2024-02-17"],
            Iso(count.Skipped));
    }

    [Fact]
    public void Spring_festival_2025_counts_the_make_up_sunday_before_it()
    {
        // Fri 01-24 → Sat off, Sun 01-26 worked (1), Mon 01-27 (2), 01-28..02-04 off, Wed 02-05 (3).
        var count = Official.AddWorkingDays(D("2025-01-24"), 3);

        Assert.Equal(D("2025-02-05"), count.Date);
        Assert.Equal(1, count.Steps.Single(s => s.Day.Date == D("2025-01-26")).WorkingDayNumber);
        Assert.Equal(9, count.Skipped.Count);
    }

    [Fact]
    public void A_count_starting_inside_a_holiday_begins_after_it()
    {
        var count = Official.AddWorkingDays(D("2024-10-03"), 1);

        Assert.Equal(D("2024-10-08"), count.Date);
        Assert.Equal(["2024-10-04", "2024-10-05", "2024-10-06", "2024-10-07"], Iso(count.Skipped));
    }

    [Fact]
    public void A_make_up_saturday_is_the_next_working_day_after_a_friday()
    {
        Assert.Equal(D("2024-10-12"), Official.AddWorkingDays(D("2024-10-11"), 1).Date);
        Assert.Equal(D("2024-10-12"), Official.NextWorkingDay(D("2024-10-11")));
    }

    [Fact]
    public void Make_up_weekend_after_mid_autumn_and_national_day_2023_both_count()
    {
        // 2023-09-29..10-06 off; Sat 10-07 and Sun 10-08 worked.
        var count = Official.AddWorkingDays(D("2023-09-28"), 2);

        Assert.Equal(D("2023-10-08"), count.Date);
        Assert.Equal(8, count.Skipped.Count);
    }

    // --- The starting day and zero days ---------------------------------------------------------------------

    [Fact]
    public void The_starting_day_is_never_counted_even_when_it_is_a_working_day()
    {
        var count = Official.AddWorkingDays(D("2024-10-08"), 1);

        Assert.Equal(D("2024-10-09"), count.Date);
        Assert.DoesNotContain(count.Steps, s => s.Day.Date == D("2024-10-08"));
    }

    [Theory]
    [InlineData("2024-10-01")] // a holiday
    [InlineData("2024-10-09")] // a working day
    public void Zero_working_days_end_on_the_starting_day_itself(string from)
    {
        var count = Official.AddWorkingDays(D(from), 0);

        Assert.Equal(D(from), count.Date);
        Assert.Empty(count.Steps);
        Assert.Empty(count.Skipped);
    }

    [Fact]
    public void A_negative_number_of_days_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.AddWorkingDays(D("2024-10-09"), -1));
    }

    // --- The turn of the year: December dates live in the next year's file ----------------------------------

    [Fact]
    public void December_make_up_days_published_in_the_next_years_file_are_used()
    {
        // 2018-12-29 (Sat) worked and 12-30..2019-01-01 off come from the 2019 file.
        var count = Official.AddWorkingDays(D("2018-12-27"), 3);

        Assert.Equal(D("2019-01-02"), count.Date);
        Assert.Equal(2, count.Steps.Single(s => s.Day.Date == D("2018-12-29")).WorkingDayNumber);
        Assert.Equal(["2018-12-30", "2018-12-31", "2019-01-01"], Iso(count.Skipped));
        Assert.Equal("元旦", Official.Describe(D("2018-12-31")).HolidayName);
    }

    [Fact]
    public void New_years_eve_2022_is_a_holiday_from_the_2023_file()
    {
        Assert.Equal(DayKind.Holiday, Official.Describe(D("2022-12-31")).Kind);
        Assert.Equal(D("2023-01-03"), Official.AddWorkingDays(D("2022-12-30"), 1).Date);
    }

    [Fact]
    public void New_year_2026_holiday_and_its_make_up_sunday()
    {
        var count = Official.AddWorkingDays(D("2025-12-31"), 1);

        Assert.Equal(D("2026-01-04"), count.Date);
        Assert.Equal(DayKind.AdjustedWorkday, count.Steps[^1].Day.Kind);
    }

    // --- Missing years: never a silent guess --------------------------------------------------------------

    [Fact]
    public void A_date_in_a_year_without_a_schedule_throws_naming_the_year()
    {
        var calendar = new WorkCalendar([], [2024]);

        var missing = Assert.Throws<CalendarYearMissingException>(() => calendar.Describe(D("2031-05-01")));

        Assert.Equal(2031, missing.Year);
        Assert.Equal("尚未导入2031年的节假日安排，无法计算工作日", missing.Message);
    }

    [Fact]
    public void A_count_running_into_a_year_without_a_schedule_throws_instead_of_guessing()
    {
        // The 2027 schedule is not yet published (its file is empty), so the last days of 2026 cannot be passed.
        var missing = Assert.Throws<CalendarYearMissingException>(() => Official.AddWorkingDays(D("2026-12-28"), 5));

        Assert.Equal(2027, missing.Year);
    }

    [Fact]
    public void A_count_that_stays_inside_the_loaded_year_needs_nothing_more()
    {
        Assert.Equal(D("2026-12-31"), Official.AddWorkingDays(D("2026-12-28"), 3).Date);
    }

    [Fact]
    public void Years_before_the_data_starts_are_missing_too()
    {
        Assert.Equal(2016, Assert.Throws<CalendarYearMissingException>(() => Official.IsWorkingDay(D("2016-12-30"))).Year);
    }

    [Fact]
    public void The_shipped_schedules_cover_2017_to_2026_and_not_the_unpublished_2027()
    {
        Assert.Equal(Enumerable.Range(2017, 10), Official.CoveredYears);
        Assert.False(Official.Covers(2027));
    }

    // --- Counting between dates and the next working day ----------------------------------------------------

    [Fact]
    public void Counting_between_two_dates_excludes_the_first_and_includes_the_last()
    {
        Assert.Equal(3, Official.CountWorkingDaysBetween(D("2024-09-27"), D("2024-10-08")));
        Assert.Equal(2, Official.CountWorkingDaysBetween(D("2024-09-27"), D("2024-10-07")));
        Assert.Equal(0, Official.CountWorkingDaysBetween(D("2024-10-08"), D("2024-10-08")));
    }

    [Fact]
    public void Counting_backwards_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Official.CountWorkingDaysBetween(D("2024-10-08"), D("2024-10-07")));
    }

    [Theory]
    [InlineData(2017, 249)]
    [InlineData(2018, 250)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void A_whole_year_has_the_published_number_of_working_days(int year, int workingDays)
    {
        Assert.Equal(workingDays, Official.CountWorkingDaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31)));
    }

    [Theory]
    [InlineData("2019-09-27")]
    [InlineData("2024-01-31")]
    [InlineData("2025-09-26")]
    [InlineData("2018-12-20")]
    public void Counting_between_undoes_adding(string from)
    {
        foreach (var days in new[] { 0, 1, 2, 5, 10, 20, 60 })
        {
            var end = Official.AddWorkingDays(D(from), days).Date;
            Assert.Equal(days, Official.CountWorkingDaysBetween(D(from), end));
            if (days > 0)
            {
                Assert.True(Official.IsWorkingDay(end));
            }
        }
    }

    [Fact]
    public void The_next_working_day_after_the_last_day_before_a_holiday_is_after_the_holiday()
    {
        Assert.Equal(D("2024-10-08"), Official.NextWorkingDay(D("2024-09-30")));
        Assert.Equal(D("2024-09-29"), Official.NextWorkingDay(D("2024-09-28")));
    }

    [Fact]
    public void A_calendar_day_period_ending_on_a_holiday_moves_to_the_next_working_day()
    {
        Assert.Equal(D("2024-10-08"), Official.WorkingDayOnOrAfter(D("2024-10-05")));
        Assert.Equal(D("2024-10-09"), Official.WorkingDayOnOrAfter(D("2024-10-09")));
        Assert.Equal(D("2024-09-29"), Official.WorkingDayOnOrAfter(D("2024-09-29")));
    }

    // --- Made-up calendars ------------------------------------------------------------------------------

    [Fact]
    public void Without_special_days_a_covered_year_follows_monday_to_friday()
    {
        var calendar = new WorkCalendar([], [2031]);

        // Fri 2031-01-03 + 1 → Mon 2031-01-06, skipping the weekend.
        var count = calendar.AddWorkingDays(new DateOnly(2031, 1, 3), 1);

        Assert.Equal(new DateOnly(2031, 1, 6), count.Date);
        Assert.Equal(2, count.Skipped.Count);
    }

    [Fact]
    public void An_administrators_one_off_closure_is_skipped()
    {
        var calendar = new WorkCalendar([new SpecialDay(new DateOnly(2031, 7, 9), true, "台风停工")], [2031]);

        var count = calendar.AddWorkingDays(new DateOnly(2031, 7, 8), 1);

        Assert.Equal(new DateOnly(2031, 7, 10), count.Date);
        Assert.Equal("星期三，台风停工放假，不计入", count.Skipped.Single().Reason);
    }

    [Fact]
    public void A_calendar_cannot_list_the_same_date_twice()
    {
        var day = new DateOnly(2031, 1, 1);
        Assert.Throws<ArgumentException>(() => new WorkCalendar([new SpecialDay(day, true, "元旦"), new SpecialDay(day, false, "元旦")], [2031]));
    }

    [Fact]
    public void Special_days_of_a_year_are_listed_in_date_order()
    {
        var days = Official.SpecialDaysIn(2018);

        Assert.Equal(D("2018-01-01"), days[0].Date);
        Assert.Equal(D("2018-12-31"), days[^1].Date);
        Assert.True(days.Zip(days.Skip(1)).All(pair => pair.First.Date < pair.Second.Date));
    }
}
