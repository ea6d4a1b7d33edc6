using System.Globalization;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Calendar;

/// <summary>What an import changed.</summary>
public sealed record YearImportResult(int Year, int Added, int Changed, int Unchanged);

/// <summary>
/// The calendar as stored: reads build a <see cref="WorkCalendar"/> (cached across requests); edits are audited, record
/// <c>calendar.changed</c> in the change log for every year they touch (so deadlines of open matters are recomputed)
/// and drop the cache.
/// </summary>
public sealed class CalendarService(GongkaiDbContext db, CalendarCache cache, AuditLog audit, TimeProvider clock, IHttpContextAccessor httpContextAccessor)
{
    public async Task<WorkCalendar> GetCalendarAsync(CancellationToken cancellationToken = default)
    {
        if (cache.TryGet(out var cached))
        {
            return cached;
        }

        var generation = cache.Generation;
        var days = await db.Set<CalendarDay>().AsNoTracking()
            .Select(d => new SpecialDay(d.Date, d.IsOffDay, d.Name))
            .ToListAsync(cancellationToken);
        var years = await db.Set<CalendarYear>().AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken);
        var calendar = new WorkCalendar(days, years);
        cache.Store(calendar, generation);
        return calendar;
    }

    public async Task<DayInfo> DescribeAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        (await GetCalendarAsync(cancellationToken)).Describe(date);

    public async Task<WorkingDayCount> AddWorkingDaysAsync(DateOnly from, int days, CancellationToken cancellationToken = default) =>
        (await GetCalendarAsync(cancellationToken)).AddWorkingDays(from, days);

    public async Task<IReadOnlyList<CalendarYear>> ListYearsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<CalendarYear>().AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);

    /// <summary>The stored rows dated within <paramref name="year"/>, in date order.</summary>
    public async Task<IReadOnlyList<CalendarDay>> ListDaysAsync(int year, CancellationToken cancellationToken = default)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return await db.Set<CalendarDay>().AsNoTracking()
            .Where(d => d.Date >= first && d.Date <= last)
            .OrderBy(d => d.Date)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Why a mark request cannot be accepted, in Chinese; null when it can.</summary>
    public static string? ValidateMark(DateOnly date, bool isOffDay, string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "请填写名称，例如“国庆节”或“台风停工”";
        }

        if (trimmed.Length > HolidayYearFile.MaxNameLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"名称不能超过{HolidayYearFile.MaxNameLength}个字");
        }

        if (!isOffDay && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            return $"{date:yyyy-MM-dd}是{DayKinds.WeekdayName(date.DayOfWeek)}，本来就是工作日，只有周末才能标记为调休上班；要取消该日的放假安排，请选择“恢复常规”";
        }

        return null;
    }

    /// <summary>Marks a day as off or as a make-up working day, replacing any earlier arrangement of that date.
    /// Throws <see cref="CalendarYearMissingException"/> when the year has not been imported: one marked day does not
    /// make a year's count trustworthy.</summary>
    public async Task<DayInfo> MarkDayAsync(DateOnly date, bool isOffDay, string name, string? actorName = null, CancellationToken cancellationToken = default)
    {
        var problem = ValidateMark(date, isOffDay, name);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        if (!await db.Set<CalendarYear>().AnyAsync(y => y.Year == date.Year, cancellationToken))
        {
            throw new CalendarYearMissingException(date.Year);
        }

        name = name.Trim();
        var now = clock.GetUtcNow();
        var by = ActorName(actorName);
        var day = await db.Set<CalendarDay>().SingleOrDefaultAsync(d => d.Date == date, cancellationToken);
        var before = day is null ? "常规" : Describe(day.IsOffDay, day.Name) + $"（{day.Source}）";
        if (day is null)
        {
            day = new CalendarDay { Date = date, Name = name, Source = CalendarSources.Admin, UpdatedBy = by };
            db.Add(day);
        }

        day.IsOffDay = isOffDay;
        day.Name = name;
        day.Source = CalendarSources.Admin;
        day.UpdatedAt = now;
        day.UpdatedBy = by;
        audit.Record("calendar.day-marked", Target(date), $"{date:yyyy-MM-dd}：{before} → {Describe(isOffDay, name)}", actorName: actorName);
        RecordChange(date.Year, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return await DescribeAsync(date, cancellationToken);
    }

    /// <summary>Removes any arrangement of the date, so the plain weekday/weekend rule applies. False when there was none.</summary>
    public async Task<bool> RevertDayAsync(DateOnly date, string? actorName = null, CancellationToken cancellationToken = default)
    {
        var day = await db.Set<CalendarDay>().SingleOrDefaultAsync(d => d.Date == date, cancellationToken);
        if (day is null)
        {
            return false;
        }

        db.Remove(day);
        audit.Record("calendar.day-reverted", Target(date),
            $"{date:yyyy-MM-dd}：{Describe(day.IsOffDay, day.Name)}（{day.Source}） → 常规", actorName: actorName);
        RecordChange(date.Year, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return true;
    }

    /// <summary>Loads a year's schedule: every listed day replaces what is stored for that date (days not listed are
    /// kept; revert them one by one), and the year becomes counted.</summary>
    public async Task<YearImportResult> ImportYearAsync(HolidayYearFile file, string? actorName = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var by = ActorName(actorName);
        var first = new DateOnly(file.Year - 1, 12, 1);
        var last = new DateOnly(file.Year + 1, 1, 31);
        var stored = await db.Set<CalendarDay>().Where(d => d.Date >= first && d.Date <= last).ToDictionaryAsync(d => d.Date, cancellationToken);
        int added = 0, changed = 0, unchanged = 0;
        var touchedYears = new SortedSet<int> { file.Year };
        foreach (var day in file.Days)
        {
            if (!stored.TryGetValue(day.Date, out var row))
            {
                db.Add(new CalendarDay
                {
                    Date = day.Date, IsOffDay = day.IsOffDay, Name = day.Name, Source = CalendarSources.Admin, UpdatedAt = now, UpdatedBy = by,
                });
                added++;
                touchedYears.Add(day.Date.Year);
            }
            else if (row.IsOffDay != day.IsOffDay || row.Name != day.Name)
            {
                row.IsOffDay = day.IsOffDay;
                row.Name = day.Name;
                row.Source = CalendarSources.Admin;
                row.UpdatedAt = now;
                row.UpdatedBy = by;
                changed++;
                touchedYears.Add(day.Date.Year);
            }
            else
            {
                unchanged++;
            }
        }

        var year = await db.Set<CalendarYear>().SingleOrDefaultAsync(y => y.Year == file.Year, cancellationToken);
        var replacing = year is not null;
        if (year is null)
        {
            year = new CalendarYear { Year = file.Year, Source = CalendarSources.Admin };
            db.Add(year);
        }

        year.Source = CalendarSources.Admin;
        year.ImportedAt = now;
        audit.Record("calendar.year-imported", TargetYear(file.Year), string.Create(CultureInfo.InvariantCulture,
            $"{(replacing ? "重新导入" : "导入")}{file.Year}年节假日安排：共{file.Days.Count}天，新增{added}，修改{changed}，未变{unchanged}"), actorName: actorName);
        foreach (var touched in touchedYears)
        {
            RecordChange(touched, null);
        }

        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return new YearImportResult(file.Year, added, changed, unchanged);
    }

    internal static string Describe(bool isOffDay, string name) => isOffDay ? $"{name}放假" : $"{name}调休上班";

    internal static string Target(DateOnly date) => "calendar:" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string TargetYear(int year) => "calendar-year:" + year.ToString(CultureInfo.InvariantCulture);

    private void RecordChange(int year, string? detail) =>
        db.RecordChange(CalendarChanges.Changed, year.ToString(CultureInfo.InvariantCulture), detail: detail);

    private string ActorName(string? actorName) =>
        actorName ?? httpContextAccessor.HttpContext?.User.Identity?.Name ?? "anonymous";
}
