namespace Gongkai.Portal;

/// <summary>The public site's shell: layout, home page, elderly/accessible mode, site map.</summary>
internal static class PortalModule
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        return app;
    }
}
