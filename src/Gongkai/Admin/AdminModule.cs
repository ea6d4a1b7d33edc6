using Gongkai.Platform.Audit;

namespace Gongkai.Admin;

/// <summary>The staff console shell: sign-in, dashboard, bodies, staff and roles, calendar, audit log.
/// Identity itself registers from the platform; here are the console's own services and the staff-facing APIs.</summary>
internal static class AdminModule
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditQuery>();
        return builder;
    }

    public static WebApplication MapAdmin(this WebApplication app)
    {
        app.MapAuditApi();
        return app;
    }
}
