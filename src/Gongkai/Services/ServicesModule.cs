using Gongkai.Platform.Web;

namespace Gongkai.Services;

/// <summary>Lists and service guides (issue 17): 权责清单, 收费目录清单 and the other 放管服 lists as typed tables owned
/// by a body, every adjustment a dated version with its reason and a public field-by-field difference; 办事指南 whose
/// changes carry an approval and an effective date and must be public within 1 working day of approval.</summary>
internal static class ServicesModule
{
    public static WebApplicationBuilder AddServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddServicesPermissions();
        services.AddConsoleMenuEntry(120, "清单管理", "/admin/lists", ServicesPermissions.View,
            "权责清单、收费目录清单等：按版本调整，注明生效日期和调整原因，可导入导出。");
        services.AddConsoleMenuEntry(121, "办事指南", "/admin/guides", ServicesPermissions.View,
            "办事指南的变更：批准后 1 个工作日内公开；逾期未公开的标红。");
        services.AddScoped<ListDesk>();
        services.AddScoped<GuideDesk>();
        services.AddScoped<Platform.Data.IStartupSeeder, Demo.DemoServicesSeeder>();
        return builder;
    }

    public static WebApplication MapServices(this WebApplication app)
    {
        app.MapServicesApi();
        return app;
    }
}
