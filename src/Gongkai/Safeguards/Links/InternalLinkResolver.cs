namespace Gongkai.Safeguards.Links;

/// <summary>Resolves a site-internal link against what the site publishes: a document page by its 索引号, a body's
/// page by its code, and a few fixed pages. A link to a withdrawn or missing document, an unknown body or an
/// unknown page is a finding. Paths under <paramref name="unverifiedPrefixes"/> (pages with parameters the resolver
/// cannot look up, e.g. /interpretations/) and paths <paramref name="fileExists"/> confirms (static files) pass.</summary>
public sealed class InternalLinkResolver(
    Func<string, DocumentState> documentState,
    Func<string, bool> bodyExists,
    IEnumerable<string> fixedPages,
    IEnumerable<string>? unverifiedPrefixes = null,
    Func<string, bool>? fileExists = null)
{
    private readonly HashSet<string> _fixedPages = new(fixedPages, StringComparer.OrdinalIgnoreCase);
    private readonly string[] _unverifiedPrefixes = (unverifiedPrefixes ?? []).ToArray();

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

        if (_unverifiedPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)) || fileExists?.Invoke(path) == true)
        {
            return null;
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
