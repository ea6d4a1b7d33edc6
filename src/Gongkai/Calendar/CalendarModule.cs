using Gongkai.Platform.Web;
using Gongkai.Platform.Cli;

namespace Gongkai.Calendar;

/// <summary>The working-day calendar: official holidays and make-up working days as data, the rule that counts
/// working days, the admin pages, the public explanation page, the API and the <c>calendar</c> verb.</summary>
internal static class CalendarModule
{
    /// <summary><c>calendar import|show</c>.</summary>
    public static IEnumerable<AdminVerb> AdminVerbs { get; } = [new("calendar", CalendarCommands.Create)];

    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddConsoleMenuEntry(30, "工作日历", "/admin/calendar", CalendarPermissions.Manage, "维护法定节假日和调休工作日，用于计算办理期限。");
        builder.Services.AddGongkaiCalendar();
        return builder;
    }

    public static WebApplication MapCalendar(this WebApplication app)
    {
        app.MapCalendarApi();
        return app;
    }
}
