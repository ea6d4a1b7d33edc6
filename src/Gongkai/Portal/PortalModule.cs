using Gongkai.Platform.Data;

namespace Gongkai.Portal;

/// <summary>The public site's shell: layout, home page, 政府信息公开 column, elderly/accessible mode, site map.</summary>
internal static class PortalModule
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        builder.Services.AddChangeLogFollower<PublicCacheFollower>();
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        return app;
    }
}
