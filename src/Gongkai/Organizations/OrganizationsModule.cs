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
        services.Configure<OrganizationsOptions>(builder.Configuration.GetSection(OrganizationsOptions.Section));
        services.AddScoped<BodyDirectory>();
        services.AddScoped<BodyEditor>();
        services.AddScoped<IStartupSeeder, DemoOrganizationSeeder>();
        return builder;
    }

    public static WebApplication MapOrganizations(this WebApplication app)
    {
        app.MapOrganizationsApi();
        return app;
    }
}
