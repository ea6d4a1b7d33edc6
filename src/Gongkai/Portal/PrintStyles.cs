using System.Text;

namespace Gongkai.Portal;

/// <summary>
/// The print style sheet of every public page (issue 20; GOV.UK prints the same way): no navigation, search or footer
/// links, the address of every link written out in full after it (a sheet of paper cannot be clicked), and the page
/// number at the foot of every page. Served rather than static because the full address needs the site's own origin,
/// which a static file cannot know and the content security policy keeps out of inline styles.
/// </summary>
internal static class PrintStyles
{
    public const string Path = "/css/print.css";

    public static string Css(Uri origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var site = origin.GetLeftPart(UriPartial.Authority);
        var css = new StringBuilder();
        css.Append("@page { size: A4; margin: 18mm 16mm 20mm; @bottom-center { content: \"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\"; font-size: 9pt; } }\n");
        css.Append("html, body { background: #fff; color: #000; font-size: 11pt; }\n");
        css.Append(".site-header, .site-nav, .site-footer, .skip-link, .breadcrumb, .header-search, .display-modes, .pager, .no-print, form, button, nav { display: none !important; }\n");
        css.Append("main, .wrap { max-width: none; margin: 0; padding: 0; }\n");
        css.Append("a { color: #000; text-decoration: underline; }\n");
        css.Append("h1, h2, h3 { break-after: avoid; }\n");
        css.Append("table, figure, li { break-inside: avoid; }\n");
        // Site links as full addresses; other sites' links as they are; in-page anchors and scripts not at all.
        css.Append("a[href^=\"/\"]:not([href^=\"//\"])::after { content: \" （" + Escape(site) + "\" attr(href) \"）\"; font-size: 9pt; word-break: break-all; }\n");
        css.Append("a[href^=\"http://\"]::after, a[href^=\"https://\"]::after { content: \" （\" attr(href) \"）\"; font-size: 9pt; word-break: break-all; }\n");
        return css.ToString();
    }

    /// <summary>The origin inside a CSS string: quotes and backslashes escaped (a host name has neither, but a proxy's
    /// Host header is not ours to trust).</summary>
    private static string Escape(string text) =>
        new(text.Where(c => c is not ('"' or '\\' or '\n' or '\r' or '<' or '>')).ToArray());

    public static WebApplication MapPrintStyles(this WebApplication app)
    {
        app.MapGet(Path, (HttpContext http) =>
                TypedResults.Text(Css(new Uri($"{http.Request.Scheme}://{http.Request.Host}/")), "text/css; charset=utf-8"))
            .WithSummary("公开页面的打印样式表（不打印导航、链接后印出完整网址、每页印页码）").WithTags("门户").AllowAnonymous();
        return app;
    }
}
