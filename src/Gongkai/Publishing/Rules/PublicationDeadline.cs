using Gongkai.Calendar;

namespace Gongkai.Publishing.Rules;

/// <summary>Where a document stands against its publication deadline.</summary>
public enum DeadlineState
{
    /// <summary>Not yet published, due later than two working days from today.</summary>
    OnTrack,

    /// <summary>Not yet published, due within the next one or two working days.</summary>
    DueSoon,

    /// <summary>Not yet published, due today.</summary>
    DueToday,

    /// <summary>Not yet published, the due date has passed.</summary>
    Overdue,

    /// <summary>Published on or before the due date.</summary>
    PublishedOnTime,

    /// <summary>Published after the due date.</summary>
    PublishedLate,
}

/// <summary>A deadline and the document's position against it; <see cref="WorkingDays"/> is how many working days
/// remain (due soon, on track), are overdue, or the publication was late by; 0 otherwise.</summary>
public sealed record DeadlineStatus(DateOnly DueOn, DeadlineState State, int WorkingDays)
{
    public string ChineseDescription => State switch
    {
        DeadlineState.OnTrack => $"还有 {WorkingDays} 个工作日",
        DeadlineState.DueSoon => $"{WorkingDays} 个工作日内到期",
        DeadlineState.DueToday => "今日到期",
        DeadlineState.Overdue => $"已逾期 {WorkingDays} 个工作日",
        DeadlineState.PublishedOnTime => "按时公开",
        DeadlineState.PublishedLate => $"逾期 {WorkingDays} 个工作日公开",
        _ => throw new InvalidOperationException(),
    };
}

/// <summary>
/// Publication time limits (Art. 26 of the Regulations; 行政规范性文件 within 3 working days of signing by the State
/// Council's rule on normative documents). The limit in working days is a setting per document type; types without
/// their own setting use <see cref="DefaultWorkingDays"/>. The starting day is not counted.
/// </summary>
public sealed class PublicationDeadline(WorkCalendar calendar, IReadOnlyDictionary<string, int> limitsByType, int defaultWorkingDays = PublicationDeadline.DefaultWorkingDays)
{
    public const int DefaultWorkingDays = 20;
    public const int NormativeWorkingDays = 3;

    /// <summary>How many working days before a due date a document counts as "due soon".</summary>
    public const int DueSoonWorkingDays = 2;

    public static IReadOnlyDictionary<string, int> StandardLimits { get; } =
        new Dictionary<string, int>(StringComparer.Ordinal) { [DocumentCatalog.NormativeDocument] = NormativeWorkingDays };

    public int LimitFor(string documentType) => limitsByType.TryGetValue(documentType, out var days) ? days : defaultWorkingDays;

    /// <summary>The due date: the limit counted from the day a normative document was signed or other information was formed or changed.</summary>
    public DateOnly DueOn(string documentType, DateOnly formedOn) => calendar.AddWorkingDays(formedOn, LimitFor(documentType)).Date;

    /// <summary>The status on <paramref name="today"/> (China date); <paramref name="publishedOn"/> is null while unpublished.</summary>
    public DeadlineStatus StatusOf(string documentType, DateOnly formedOn, DateOnly today, DateOnly? publishedOn)
    {
        var due = DueOn(documentType, formedOn);
        if (publishedOn is { } published)
        {
            return published <= due
                ? new(due, DeadlineState.PublishedOnTime, 0)
                : new(due, DeadlineState.PublishedLate, Math.Max(1, calendar.CountWorkingDaysBetween(due, published)));
        }

        if (today > due)
        {
            // Past the due date is overdue even on a weekend that follows it, hence at least one day.
            return new(due, DeadlineState.Overdue, Math.Max(1, calendar.CountWorkingDaysBetween(due, today)));
        }

        if (today == due)
        {
            return new(due, DeadlineState.DueToday, 0);
        }

        var remaining = calendar.CountWorkingDaysBetween(today, due);
        return new(due, remaining <= DueSoonWorkingDays ? DeadlineState.DueSoon : DeadlineState.OnTrack, remaining);
    }
}
