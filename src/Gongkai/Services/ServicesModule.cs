using Gongkai.Platform.Web;
using Gongkai.Services.Catalogues;

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
        services.AddConsoleMenuEntry(122, "标准目录", "/admin/catalogue-templates", ServicesPermissions.Catalogues,
            "26 个领域和公共企事业单位的基层政务公开标准目录：一键生成本单位主动公开基本目录，查看缺项和逾期。");
        services.AddConsoleMenuEntry(123, "公共企事业单位", "/admin/public-units", ServicesPermissions.Catalogues,
            "主管部门查看所属学校、医院、供水供电等单位的公开缺项、逾期和更新情况，开展考核，处理群众反映。");
        services.AddScoped<Catalogues.StandardCatalogues>();
        services.AddScoped<Gongkai.Platform.Inspection.IServiceGuideCensus, GuideInspectionCensus>();
        services.AddScoped<Catalogues.StandardCatalogueDesk>();
        services.AddScoped<Catalogues.PublicUnitDesk>();
        services.AddScoped<ListDesk>();
        services.AddScoped<GuideDesk>();
        services.AddScoped<LawLinks>();
        services.AddScoped<Platform.Data.IStartupSeeder, Demo.DemoServicesSeeder>();
        services.AddScoped<Platform.Data.IStartupSeeder, Demo.DemoCatalogueSeeder>();
        return builder;
    }

    public static WebApplication MapServices(this WebApplication app)
    {
        app.MapServicesApi();
        app.MapCatalogueTemplatesApi();
        Print.GuideNoticeEndpoint.MapGuideNotice(app);
        return app;
    }
}
