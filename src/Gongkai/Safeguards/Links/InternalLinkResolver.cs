namespace Gongkai.Safeguards.Links;

/// <summary>Resolves a site-internal link against what the site publishes: a document page by its 索引号, a body's
/// page by its code, and a few fixed pages. A link to a withdrawn or missing document, an unknown body or an
/// unknown page is a finding.</summary>
public sealed class InternalLinkResolver(Func<string, DocumentState> documentState, Func<string, bool> bodyExists, IEnumerable<string> fixedPages)
{
    private readonly HashSet<string> _fixedPages = new(fixedPages, StringComparer.OrdinalIgnoreCase);

    /// <summary>Null when the link resolves; otherwise why not, in Chinese.</summary>
    public string? Problem(string url, string? siteHost = null)
    {
        string path;
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            if (siteHost is null || !absolute.Host.Equals(siteHost, StringComparison.OrdinalIgnoreCase))
            {
                return null; // external: probed, not resolved
            }

            path = absolute.AbsolutePath;
        }
        else
        {
            path = url.Split('?', '#')[0];
        }

        path = Uri.UnescapeDataString(path).TrimEnd('/');
        if (path.Length == 0 || _fixedPages.Contains(path))
        {
            return null;
        }

        if (path.StartsWith("/documents/", StringComparison.OrdinalIgnoreCase))
        {
            return documentState(path["/documents/".Length..]) switch
            {
                DocumentState.Published => null,
                DocumentState.Withdrawn => "链接指向已撤回的文件",
                _ => "链接指向不存在的文件",
            };
        }

        if (path.StartsWith("/bodies/", StringComparison.OrdinalIgnoreCase))
        {
            var code = path["/bodies/".Length..].Split('/')[0];
            return bodyExists(code) ? null : "链接指向不存在的单位页面";
        }

        return "站内页面不存在";
    }
}

public enum DocumentState
{
    Missing,
    Published,
    Withdrawn,
}
