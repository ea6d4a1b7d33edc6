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
        // 查阅点: a browser started at /kiosk?lock=1 stays in the kiosk (first in the pipeline, ahead of the output cache).
        builder.Services.AddTransient<IStartupFilter, KioskFenceStartupFilter>();
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.MapPrintStyles();
        return app;
    }
}
