using Gongkai.Platform.Data;
using Gongkai.Portal.Kiosk;

namespace Gongkai.Portal;

/// <summary>The public site's shell: layout, home page, 政府信息公开 column, elderly/accessible mode, site map, and the
/// lobby kiosk (查阅点, <see cref="KioskMode"/>).</summary>
internal static class PortalModule
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        builder.Services.AddChangeLogFollower<PublicCacheFollower>();
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        // 查阅点: a browser that opened /kiosk stays in it (the fence runs before any endpoint, the console's included).
        app.UseKioskFence();
        app.MapPrintStyles();
        return app;
    }
}
