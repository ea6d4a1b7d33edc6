namespace Gongkai.Calendar;

/// <summary>The Calendar module's permission. Calendar sits below Staff, so Staff grants it (to system admins).</summary>
public static class CalendarPermissions
{
    /// <summary>Maintain official holidays and make-up working days.</summary>
    public const string Manage = "manage-calendar";
}
