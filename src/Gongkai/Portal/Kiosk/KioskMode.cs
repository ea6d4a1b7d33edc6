using AngleSharp.Html.Parser;

namespace Gongkai.Portal.Kiosk;

/// <summary>
/// 查阅点 (issue 20, work plan 十一): the public site on a touch screen in a service hall. Kiosk pages render no link that
/// leaves the kiosk. The hall's browser starts full-screen at <see cref="StartUrl"/>, which locks it for its session (a
/// session cookie): from then on every address outside the kiosk — the rest of the portal, the staff console, the API —
/// answers with a redirect to the kiosk's start. Closing the browser ends the lock; a visitor who merely opens /kiosk
/// elsewhere is not locked in.
/// </summary>
internal static class KioskMode
{
    public const string Home = "/kiosk";

    public const string Cookie = "gongkai-kiosk";

    /// <summary>The address the hall's browser is set to open: the kiosk's start, locking the browser in.</summary>
    public const string StartUrl = Home + "?lock=1";

    /// <summary>After this long untouched the screen returns to the start (the next visitor gets a clean kiosk).</summary>
    public static readonly TimeSpan IdleReset = TimeSpan.FromMinutes(2);

    /// <summary>What a kiosk page may load besides kiosk pages: its style sheet, script and icon.</summary>
    private static readonly string[] Assets = ["/css/", "/js/", "/favicon.ico"];

    public static bool IsInside(PathString path) =>
        path.StartsWithSegments(Home, StringComparison.OrdinalIgnoreCase) || Assets.Any(asset => path.StartsWithSegments(asset.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));

    /// <summary>Marks the browser at <see cref="StartUrl"/> and fences a marked browser in everywhere else. Runs first in
    /// the pipeline (<see cref="KioskFenceStartupFilter"/>): after the output cache it would let cached portal pages through.</summary>
    public static async Task FenceAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments(Home, StringComparison.OrdinalIgnoreCase))
        {
            if (context.Request.Query["lock"] == "1" && !context.Request.Cookies.ContainsKey(Cookie))
            {
                context.Response.Cookies.Append(Cookie, "1", new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, Path = "/" });
            }
        }
        else if (context.Request.Cookies.ContainsKey(Cookie) && !IsInside(path))
        {
            context.Response.Redirect(Home);
            return;
        }

        await next(context);
    }

    /// <summary>A document body for the kiosk: links that lead inside the kiosk stay, every other link becomes its text
    /// (an attachment, another site or a portal page would leave the kiosk).</summary>
    public static string KeepInside(string html)
    {
        var document = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        foreach (var link in document.QuerySelectorAll("a").ToList())
        {
            var href = link.GetAttribute("href") ?? "";
            if (href.StartsWith(Home + "/", StringComparison.Ordinal) && !href.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var text = document.CreateElement("span");
            text.InnerHtml = link.InnerHtml;
            link.Replace(text);
        }

        foreach (var form in document.QuerySelectorAll("form, iframe, object, embed").ToList())
        {
            form.Remove();
        }

        return document.Body?.InnerHtml ?? "";
    }

    /// <summary>The kiosk address of a public document.</summary>
    public static string DocumentUrl(string indexNo) => Home + "/documents/" + indexNo;
}

/// <summary>Puts the kiosk fence at the very start of the pipeline, ahead of the output cache and everything else.</summary>
internal sealed class KioskFenceStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(KioskMode.FenceAsync);
        next(app);
    };
}
