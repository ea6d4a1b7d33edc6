using BenchmarkDotNet.Attributes;
using Gongkai.Calendar;

namespace Gongkai.Bench;

/// <summary>The deadline arithmetic every request and publication page runs: 20 working days, with and without a
/// long holiday inside, and a year-long count (the explain page's worst case).</summary>
[MemoryDiagnoser]
public class CalendarBenchmarks
{
    private WorkCalendar _calendar = null!;

    [GlobalSetup]
    public void Setup() => _calendar = HolidayYearFile.BuildCalendar(HolidayYearFile.LoadEmbedded());

    [Benchmark(Baseline = true)]
    public DateOnly Twenty_working_days_in_spring() => _calendar.AddWorkingDays(new DateOnly(2024, 3, 1), 20).Date;

    [Benchmark]
    public DateOnly Twenty_working_days_across_national_day() => _calendar.AddWorkingDays(new DateOnly(2024, 9, 27), 20).Date;

    [Benchmark]
    public int Working_days_in_a_year() => _calendar.CountWorkingDaysBetween(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
}
