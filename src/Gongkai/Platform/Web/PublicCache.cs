using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Platform.Web;

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
    /// What makes one visitor's copy of a page differ from another's: only the display preferences (the layout
    /// puts <c>elderly</c>/<c>contrast</c> on &lt;body&gt;), so at most four copies of a page are kept. Public pages
    /// carry no per-visitor antiforgery token (the preference switches are links), so sharing a copy is safe;
    /// responses that set a cookie are never stored.
    /// </summary>
    private static KeyValuePair<string, string> VisitorVariant(HttpContext context)
    {
        var cookies = context.Request.Cookies;
        var variant = string.Join('|',
            cookies[SiteContext.ElderlyModeCookie] ?? "",
            cookies[SiteContext.ContrastCookie] ?? "");
        return new("visitor", variant);
    }
}
