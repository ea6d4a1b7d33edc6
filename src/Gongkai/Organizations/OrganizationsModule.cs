using Gongkai.Platform.Web;
using Gongkai.Organizations.Demo;
using Gongkai.Platform.Data;

namespace Gongkai.Organizations;

/// <summary>Where the bodies of this deployment sit: the provincial government above the city government answers
/// administrative-reconsideration applications against it (configurable for another province's city).</summary>
public sealed class OrganizationsOptions
{
    public const string Section = "Gongkai:Organizations";

    public string ProvincialGovernment { get; set; } = "四川省人民政府";
}

/// <summary>Bodies (机关), their hierarchy, public profile pages and the 政府信息公开指南 per body.</summary>
internal static class OrganizationsModule
{
    public static WebApplicationBuilder AddOrganizations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOrganizationsPermissions();
        services.AddConsoleMenuEntry(10, "单位管理", "/admin/bodies", OrganizationsPermissions.ManageBody, "维护单位信息、机构设置和政府信息公开指南。");
        services.Configure<OrganizationsOptions>(builder.Configuration.GetSection(OrganizationsOptions.Section));
        services.AddScoped<BodyDirectory>();
        services.AddScoped<BodyEditor>();
        services.AddScoped<Staff.IStaffBodies, StaffBodiesProvider>();
        services.AddScoped<IStartupSeeder, DemoOrganizationSeeder>();
        services.AddScoped<IStartupSeeder, DemoStaffSeeder>();
        return builder;
    }

    public static WebApplication MapOrganizations(this WebApplication app)
    {
        app.MapOrganizationsApi();
        return app;
    }
}
