using Gongkai.Calendar;

namespace Gongkai.OpenData.Rules;

/// <summary>Where a record stands against its publication deadline.</summary>
public enum PublishState
{
    /// <summary>The type sets no deadline, or the record has no decision date.</summary>
    None,

    /// <summary>Not yet online; the deadline has not passed.</summary>
    Due,

    /// <summary>Not yet online and the deadline has passed: listed on the overdue dashboard.</summary>
    Overdue,

    PublishedOnTime,

    /// <summary>Online, but after the deadline: stays on the dashboard's list of late publications.</summary>
    PublishedLate,
}

/// <summary>
/// 双公示: 行政许可 and 行政处罚 decisions go online within 7 working days of the decision date (national credit
/// rules). The count starts the day after the decision (《民法典》第二百零一条), as <see cref="WorkCalendar.AddWorkingDays"/>
/// counts. Pure: the calendar is given.
/// </summary>
public sealed class PublishDeadline(WorkCalendar calendar)
{
    public DateOnly? PublishBy(RecordSchema schema, DateOnly? decisionDate)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.PublishWithinWorkingDays is not { } days || decisionDate is not { } decided || !calendar.Covers(decided.Year))
        {
            return null;
        }

        try
        {
            return calendar.AddWorkingDays(decided, days).Date;
        }
        catch (CalendarYearMissingException)
        {
            // A decision late in the last covered year counts into a year not yet published: no date can be promised.
            return null;
        }
    }

    public static PublishState StateOf(DateOnly? publishBy, DateOnly? publishedOn, DateOnly today) => (publishBy, publishedOn) switch
    {
        (null, _) => PublishState.None,
        ({ } by, { } on) => on <= by ? PublishState.PublishedOnTime : PublishState.PublishedLate,
        ({ } by, null) => today > by ? PublishState.Overdue : PublishState.Due,
    };

    public static string DisplayName(PublishState state) => state switch
    {
        PublishState.None => "无公示时限",
        PublishState.Due => "待公示",
        PublishState.Overdue => "已逾期未公示",
        PublishState.PublishedOnTime => "按时公示",
        PublishState.PublishedLate => "逾期公示",
        _ => state.ToString(),
    };
}
