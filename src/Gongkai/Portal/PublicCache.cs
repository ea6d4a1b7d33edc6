using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Gongkai.Portal;

/// <summary>
/// Output caching for public pages. A page is cached under a tag naming the data it shows; the code that saves a
/// body or publishes a document evicts that tag in the same code path (<see cref="IOutputCacheStore.EvictByTagAsync"/>).
/// </summary>
public static class PublicCache
{
    /// <summary>Tag of every cached response that shows body data.</summary>
    public const string BodiesTag = "bodies";

    /// <summary>Tag of every cached response that shows document data.</summary>
    public const string DocumentsTag = "documents";

    /// <summary>Policy for pages built from bodies only (directory, guide).</summary>
    public const string BodyPages = "public-bodies";

    /// <summary>Policy for pages that show documents, and therefore also the names of their bodies.</summary>
    public const string DocumentPages = "public-documents";

    internal static void AddPublicCachePolicies(this IServiceCollection services) =>
        services.Configure<OutputCacheOptions>(cache =>
        {
            cache.AddPolicy(BodyPages, page => page.VaryByValue(VisitorVariant).Tag(BodiesTag).Expire(TimeSpan.FromMinutes(10)));
            cache.AddPolicy(DocumentPages, page => page.VaryByValue(VisitorVariant).Tag(BodiesTag, DocumentsTag).Expire(TimeSpan.FromMinutes(10)));
        });

    /// <summary>
    /// What makes one visitor's copy of a page differ from another's: the display preferences (the layout puts
    /// <c>elderly</c>/<c>contrast</c> on &lt;body&gt;), and the antiforgery cookie, because the layout's
    /// preference form carries a token bound to it. A first visit sets that cookie, and responses that set
    /// cookies are never stored, so no visitor is ever served another visitor's token.
    /// </summary>
    private static KeyValuePair<string, string> VisitorVariant(HttpContext context)
    {
        var cookies = context.Request.Cookies;
        var antiforgeryCookie = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        var variant = string.Join('|',
            cookies[Platform.Web.SiteContext.ElderlyModeCookie] ?? "",
            cookies[Platform.Web.SiteContext.ContrastCookie] ?? "",
            antiforgeryCookie is null ? "" : cookies[antiforgeryCookie] ?? "");
        return new("visitor", variant);
    }
}
