namespace Gongkai.Admin;

/// <summary>The staff console shell: sign-in, dashboard, bodies, staff and roles, calendar, audit log.</summary>
internal static class AdminModule
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapAdmin(this WebApplication app)
    {
        return app;
    }
}
