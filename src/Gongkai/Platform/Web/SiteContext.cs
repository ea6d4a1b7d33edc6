using Microsoft.Extensions.Options;

namespace Gongkai.Platform.Web;

/// <summary>What the layout needs on every page: site identity and the visitor's display preferences.</summary>
public sealed class SiteContext(IOptions<GongkaiOptions> options, IHttpContextAccessor accessor)
{
    public const string ElderlyModeCookie = "gongkai.elderly";
    public const string ContrastCookie = "gongkai.contrast";

    public SiteIdentity Site => options.Value.Site;

    /// <summary>长者模式: larger text and a simpler single-column layout, remembered in a cookie.</summary>
    public bool ElderlyMode => accessor.HttpContext?.Request.Cookies[ElderlyModeCookie] == "on";

    /// <summary>高对比度: black background, yellow and white text.</summary>
    public bool HighContrast => accessor.HttpContext?.Request.Cookies[ContrastCookie] == "on";

    public string BodyClasses => string.Join(' ', new[] { ElderlyMode ? "elderly" : null, HighContrast ? "contrast" : null }.Where(c => c is not null));
}
