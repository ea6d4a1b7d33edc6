namespace Gongkai.Organizations;

/// <summary>Bodies (机关), their hierarchy, public profile pages and the 政府信息公开指南 per body.</summary>
internal static class OrganizationsModule
{
    public static WebApplicationBuilder AddOrganizations(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapOrganizations(this WebApplication app)
    {
        return app;
    }
}
