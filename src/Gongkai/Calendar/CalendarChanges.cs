using Gongkai.Platform.Data;

namespace Gongkai.Calendar;

/// <summary>Change-log kinds written by the calendar.</summary>
[ChangeKinds]
public static class CalendarChanges
{
    /// <summary>A year's holidays or working days changed (entity id: the year): open deadlines are recomputed.</summary>
    public static readonly ChangeKind Changed = new("calendar.changed", "calendar");
}
