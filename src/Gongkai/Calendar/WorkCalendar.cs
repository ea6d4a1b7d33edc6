using System.Globalization;

namespace Gongkai.Calendar;

/// <summary>What kind of day a date is. A weekend day can be a working day (调休上班) and a weekday can be off.</summary>
public enum DayKind
{
    /// <summary>A plain Monday–Friday.</summary>
    Workday,

    /// <summary>A plain Saturday or Sunday.</summary>
    Weekend,

    /// <summary>A day off under the State Council's schedule (法定节假日 or the days moved next to it).</summary>
    Holiday,

    /// <summary>A weekend day declared a make-up working day (调休上班).</summary>
    AdjustedWorkday,
}

/// <summary>One day the official schedule (or an administrator) sets apart from the weekday/weekend rule.</summary>
/// <param name="IsOffDay">True for a day off, false for a make-up working day.</param>
/// <param name="Name">The holiday the arrangement belongs to, e.g. 国庆节.</param>
public sealed record SpecialDay(DateOnly Date, bool IsOffDay, string Name);

/// <summary>How the calendar classifies one date.</summary>
/// <param name="HolidayName">The holiday a day off or a make-up working day belongs to; null for plain days.</param>
public sealed record DayInfo(DateOnly Date, DayKind Kind, bool WorkingDay, string? HolidayName)
{
    /// <summary>The code used by the public API: workday, weekend, holiday or adjusted-workday.</summary>
    public string KindCode => DayKinds.Code(Kind);

    /// <summary>星期一 … 星期日.</summary>
    public string WeekdayName => DayKinds.WeekdayName(Date.DayOfWeek);
}

/// <summary>One date looked at while counting, and whether it was counted.</summary>
/// <param name="WorkingDayNumber">The ordinal of this working day in the count (1-based); null when not counted.</param>
public sealed record CountStep(DayInfo Day, int? WorkingDayNumber)
{
    public bool Counted => WorkingDayNumber is not null;

    /// <summary>Why the day was or was not counted, in words a citizen can check against a wall calendar.</summary>
    public string Reason => DayKinds.Reason(Day, WorkingDayNumber);
}

/// <summary>The result of counting working days forward: the date reached and every day in between with its reason.</summary>
/// <param name="Steps">Every date after <paramref name="From"/> up to and including <paramref name="Date"/>, in order.</param>
public sealed record WorkingDayCount(DateOnly From, int Days, DateOnly Date, IReadOnlyList<CountStep> Steps)
{
    /// <summary>The non-working days that were passed over, each with the reason it was not counted.</summary>
    public IReadOnlyList<CountStep> Skipped => Steps.Where(s => !s.Counted).ToList();

    /// <summary>Why the starting day itself is not counted.</summary>
    public static string StartDayReason => "起算日当天不计入，自次日开始计算（《民法典》第二百零一条）";
}

/// <summary>A date was asked about whose year has no holiday schedule loaded. Guessing "Saturdays and Sundays off"
/// would silently produce wrong deadlines around the Spring Festival, so the calendar refuses instead.</summary>
public sealed class CalendarYearMissingException : Exception
{
    public CalendarYearMissingException(int year)
        : base(string.Create(CultureInfo.InvariantCulture, $"尚未导入{year}年的节假日安排，无法计算工作日"))
    {
        Year = year;
    }

    public CalendarYearMissingException()
        : this(0)
    {
    }

    public CalendarYearMissingException(string message)
        : base(message)
    {
    }

    public CalendarYearMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The year whose schedule is missing.</summary>
    public int Year { get; }
}

/// <summary>
/// The working-day calendar: a pure rule over a set of special days and the years they cover. A working day is a
/// Monday–Friday that is not a day off, or a weekend day declared a make-up working day. Periods "within N working
/// days" start counting the day after the starting day (《民法典》第二百零一条), so the day reached is always a
/// working day and never needs moving (第二百零三条).
/// </summary>
public sealed class WorkCalendar
{
    private readonly Dictionary<DateOnly, SpecialDay> _specialDays;
    private readonly HashSet<int> _coveredYears;

    /// <param name="specialDays">Days that differ from the weekday/weekend rule; a date may appear once only.</param>
    /// <param name="coveredYears">The years whose schedule is known. Dates in other years throw
    /// <see cref="CalendarYearMissingException"/>.</param>
    public WorkCalendar(IEnumerable<SpecialDay> specialDays, IEnumerable<int> coveredYears)
    {
        _specialDays = [];
        foreach (var day in specialDays)
        {
            if (!_specialDays.TryAdd(day.Date, day))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{day.Date:yyyy-MM-dd} appears twice in the calendar."), nameof(specialDays));
            }
        }

        _coveredYears = [.. coveredYears];
    }

    /// <summary>The years whose schedule is loaded, in ascending order.</summary>
    public IReadOnlyList<int> CoveredYears => _coveredYears.Order().ToList();

    /// <summary>The special days of one year, in date order.</summary>
    public IReadOnlyList<SpecialDay> SpecialDaysIn(int year) =>
        _specialDays.Values.Where(d => d.Date.Year == year).OrderBy(d => d.Date).ToList();

    public bool Covers(int year) => _coveredYears.Contains(year);

    public DayInfo Describe(DateOnly date)
    {
        if (!_coveredYears.Contains(date.Year))
        {
            throw new CalendarYearMissingException(date.Year);
        }

        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (_specialDays.TryGetValue(date, out var special))
        {
            if (special.IsOffDay)
            {
                return new DayInfo(date, DayKind.Holiday, WorkingDay: false, special.Name);
            }

            // A make-up working day on a weekday changes nothing about the day itself, but the name still says why
            // the schedule mentions it.
            return new DayInfo(date, weekend ? DayKind.AdjustedWorkday : DayKind.Workday, WorkingDay: true, special.Name);
        }

        return weekend
            ? new DayInfo(date, DayKind.Weekend, WorkingDay: false, null)
            : new DayInfo(date, DayKind.Workday, WorkingDay: true, null);
    }

    public bool IsWorkingDay(DateOnly date) => Describe(date).WorkingDay;

    /// <summary>Counts <paramref name="days"/> working days after <paramref name="from"/>. The starting day is never
    /// counted; with zero days the result is the starting day itself.</summary>
    public WorkingDayCount AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var steps = new List<CountStep>();
        var date = from;
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            var info = Describe(date);
            if (info.WorkingDay)
            {
                counted++;
                steps.Add(new CountStep(info, counted));
            }
            else
            {
                steps.Add(new CountStep(info, null));
            }
        }

        return new WorkingDayCount(from, days, date, steps);
    }

    /// <summary>The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>
    /// (the same convention as <see cref="AddWorkingDays"/>: <c>Count(from, AddWorkingDays(from, n).Date) == n</c>).</summary>
    public int CountWorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "The end date must not be before the start date.");
        }

        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (Describe(date).WorkingDay)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1).Date;

    /// <summary><paramref name="date"/> itself when it is a working day, otherwise the next working day — how a
    /// period counted in calendar days ends when its last day falls on a day off (《民法典》第二百零三条).</summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly date) => IsWorkingDay(date) ? date : NextWorkingDay(date);
}

/// <summary>Codes and Chinese wording for day kinds, shared by the API, the pages and the command line.</summary>
public static class DayKinds
{
    public static string Code(DayKind kind) => kind switch
    {
        DayKind.Workday => "workday",
        DayKind.Weekend => "weekend",
        DayKind.Holiday => "holiday",
        DayKind.AdjustedWorkday => "adjusted-workday",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string ChineseName(DayKind kind) => kind switch
    {
        DayKind.Workday => "工作日",
        DayKind.Weekend => "休息日",
        DayKind.Holiday => "放假",
        DayKind.AdjustedWorkday => "调休上班",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string WeekdayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "星期一",
        DayOfWeek.Tuesday => "星期二",
        DayOfWeek.Wednesday => "星期三",
        DayOfWeek.Thursday => "星期四",
        DayOfWeek.Friday => "星期五",
        DayOfWeek.Saturday => "星期六",
        DayOfWeek.Sunday => "星期日",
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, null),
    };

    /// <summary>Why a day was (not) counted, e.g. "星期六，国庆节放假，不计入".</summary>
    public static string Reason(DayInfo day, int? workingDayNumber)
    {
        var weekday = WeekdayName(day.Date.DayOfWeek);
        var counted = workingDayNumber is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"计为第{n}个工作日")
            : "不计入";
        return day.Kind switch
        {
            DayKind.Holiday => $"{weekday}，{day.HolidayName}放假，{counted}",
            DayKind.Weekend => $"{weekday}，休息日，{counted}",
            DayKind.AdjustedWorkday => $"{weekday}，{day.HolidayName}调休上班，{counted}",
            _ => $"{weekday}，工作日，{counted}",
        };
    }
}
