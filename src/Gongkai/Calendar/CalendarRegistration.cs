using Gongkai.Platform.Data;

namespace Gongkai.Calendar;

internal static class CalendarRegistration
{
    /// <summary>The working-day calendar: the stored schedule, its cache and the startup loading of official years.</summary>
    public static IServiceCollection AddGongkaiCalendar(this IServiceCollection services)
    {
        services.AddSingleton<CalendarCache>();
        services.AddScoped<CalendarService>();
        services.AddScoped<IStartupSeeder, CalendarSeeder>();
        return services;
    }
}
