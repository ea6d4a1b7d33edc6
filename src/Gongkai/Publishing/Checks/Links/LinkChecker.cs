using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Publishing.Checks;
using Gongkai.Publishing.Rules;
using Gongkai.Publishing;
using Gongkai.Safeguards.Links;
using Gongkai.Safeguards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Publishing.Checks.Links;

/// <summary>A link of a document that does not work, and why.</summary>
public sealed record BrokenLink(DocumentLink Link, string Problem);

/// <summary>
/// Checks the links and images of documents: internal ones against what the site serves (documents by 索引号, body
/// pages, the application's pages, static files), external ones with the <see cref="ExternalLinkProber"/>. Results are
/// kept per document and URL (<see cref="LinkCheck"/>) with the last status, when it was checked and since when it
/// has been broken; links no longer in a document are forgotten.
/// </summary>
public sealed class LinkChecker(
    GongkaiDbContext db,
    BodyDirectory directory,
    IHttpClientFactory httpClients,
    IOptions<SafeguardsOptions> options,
    EndpointDataSource endpoints,
    IWebHostEnvironment environment,
    TimeProvider clock)
{
    public const int MaxUrlLength = 1000;
    public const string HttpClientName = LinkProbeHttp.ClientName;

    /// <summary>Internal links of <paramref name="document"/> that do not resolve, checked now (no network).</summary>
    public async Task<IReadOnlyList<BrokenLink>> InternalProblemsAsync(Document document, CancellationToken cancellationToken)
    {
        var links = LinksOf(document).Where(l => !IsProbed(l.Url)).ToList();
        if (links.Count == 0)
        {
            return [];
        }

        var resolver = await ResolverAsync(links.Select(l => l.Url), cancellationToken);
        return links.Select(l => Problem(resolver, l.Url) is { } problem ? new BrokenLink(l, problem) : null).OfType<BrokenLink>().ToList();
    }

    /// <summary>Checks every link of <paramref name="documents"/> (probing external ones) and stores the results.</summary>
    public async Task<IReadOnlyList<LinkCheck>> CheckAndStoreAsync(IReadOnlyList<Document> documents, CancellationToken cancellationToken)
    {
        var links = documents.ToDictionary(d => d.Id, d => LinksOf(d).DistinctBy(l => l.Url).ToList());
        var all = links.Values.SelectMany(l => l).ToList();
        var resolver = await ResolverAsync(all.Select(l => l.Url), cancellationToken);
        var settings = options.Value.ProbeSettings();
        var prober = new ExternalLinkProber(httpClients.CreateClient(HttpClientName), settings);
        var probes = (await prober.ProbeAsync(all.Where(l => IsProbed(l.Url)).Select(l => l.Url), cancellationToken)).ToDictionary(p => p.Url, StringComparer.Ordinal);

        var ids = documents.Select(d => d.Id).ToList();
        var existing = await db.Set<LinkCheck>().Where(l => ids.Contains(l.DocumentId)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var kept = new List<LinkCheck>();
        foreach (var document in documents)
        {
            foreach (var link in links[document.Id])
            {
                var row = existing.FirstOrDefault(e => e.DocumentId == document.Id && e.Url == link.Url);
                if (row is null)
                {
                    row = new LinkCheck { DocumentId = document.Id, Url = link.Url };
                    db.Add(row);
                }

                row.BodyId = document.BodyId;
                row.IsExternal = IsProbed(link.Url);
                row.IsImage = link.Kind == LinkKind.Image;
                if (probes.TryGetValue(link.Url, out var probe))
                {
                    (row.Ok, row.StatusCode, row.Problem) = (probe.Ok, probe.StatusCode, probe.Problem);
                }
                else
                {
                    var problem = Problem(resolver, link.Url);
                    (row.Ok, row.StatusCode, row.Problem) = (problem is null, null, problem ?? "");
                }

                row.CheckedAt = now;
                row.BrokenSince = row.Ok ? null : row.BrokenSince ?? now;
                kept.Add(row);
            }
        }

        db.RemoveRange(existing.Except(kept));
        await db.SaveChangesAsync(cancellationToken);
        return kept;
    }

    /// <summary>The links of a document's body, without over-long addresses (which are not stored).</summary>
    public static IEnumerable<DocumentLink> LinksOf(Document document) =>
        LinkExtractor.Extract(document.BodyHtml).Where(l => l.Url.Length <= MaxUrlLength);

    /// <summary>External links are probed; absolute links to one of the site's own hosts are resolved like relative ones.</summary>
    public bool IsProbed(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && !options.Value.SiteHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);

    private static string? Problem(InternalLinkResolver resolver, string url) =>
        resolver.Problem(url, Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null);

    private async Task<InternalLinkResolver> ResolverAsync(IEnumerable<string> urls, CancellationToken cancellationToken)
    {
        var indexNumbers = urls.Select(DocumentIndexNo).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var documents = indexNumbers.Count == 0
            ? []
            : await db.Set<Document>().AsNoTracking().Where(d => d.IndexNo != null && indexNumbers.Contains(d.IndexNo))
                .Select(d => new { IndexNo = d.IndexNo!, d.Status }).ToListAsync(cancellationToken);
        var states = documents.ToDictionary(d => d.IndexNo, d => d.Status switch
        {
            DocumentStatus.Published => DocumentState.Published,
            DocumentStatus.Withdrawn => DocumentState.Withdrawn,
            _ => DocumentState.Missing,
        }, StringComparer.Ordinal);
        var codes = (await directory.LoadAsync(cancellationToken)).All.Select(b => b.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var (pages, prefixes) = SitePages();
        var webRoot = environment.WebRootFileProvider;
        return new InternalLinkResolver(
            index => states.TryGetValue(index, out var state) ? state : DocumentState.Missing,
            codes.Contains,
            pages,
            prefixes,
            path => path.Contains('.', StringComparison.Ordinal) && webRoot.GetFileInfo(path).Exists);
    }

    private static string? DocumentIndexNo(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url.Split('?', '#')[0];
        path = Uri.UnescapeDataString(path).TrimEnd('/');
        return path.StartsWith("/documents/", StringComparison.OrdinalIgnoreCase) ? path["/documents/".Length..] : null;
    }

    /// <summary>The application's public pages: routes without parameters exactly, and the literal start of routes with
    /// parameters (other than documents and bodies, which are looked up) as prefixes accepted unverified.</summary>
    private (List<string> Pages, List<string> Prefixes) SitePages()
    {
        var pages = new List<string> { "/" };
        var prefixes = new List<string>();
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var raw = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (raw.StartsWith("/admin", StringComparison.Ordinal) || raw.StartsWith("/api/", StringComparison.Ordinal))
            {
                continue;
            }

            var brace = raw.IndexOf('{', StringComparison.Ordinal);
            if (brace < 0)
            {
                pages.Add(raw.TrimEnd('/'));
            }
            else if (brace > 1 && !raw.StartsWith("/documents/", StringComparison.Ordinal) && !raw.StartsWith("/bodies/", StringComparison.Ordinal))
            {
                prefixes.Add(raw[..brace]);
            }
        }

        return (pages, prefixes);
    }
}

/// <summary>Broken links as findings of a document: internal ones resolved now, external ones from the last stored
/// probe (the probe runs after submission and daily, not while a page waits). They are listed, never marked in the
/// text (a link's address is not text), and never block publication.</summary>
public sealed class LinkFindingSource(LinkChecker checker, GongkaiDbContext db) : IDocumentFindingSource
{
    public const string Source = "links";

    public async Task<IReadOnlyList<DocumentFinding>> FindAsync(Document document, CancellationToken ct)
    {
        var findings = (await checker.InternalProblemsAsync(document, ct)).Select(b => Finding(b.Link, b.Problem)).ToList();
        var external = LinkChecker.LinksOf(document).Where(l => checker.IsProbed(l.Url)).ToList();
        if (external.Count > 0 && document.Id > 0)
        {
            var urls = external.Select(l => l.Url).ToList();
            var broken = await db.Set<LinkCheck>().AsNoTracking().Where(c => c.DocumentId == document.Id && !c.Ok && urls.Contains(c.Url))
                .Select(c => new { c.Url, c.Problem }).ToListAsync(ct);
            findings.AddRange(broken.SelectMany(b => external.Where(l => l.Url == b.Url).Take(1).Select(l => Finding(l, "外部链接无法访问：" + b.Problem))));
        }

        return findings;
    }

    private static DocumentFinding Finding(DocumentLink link, string problem) =>
        new(Source, link.Kind == LinkKind.Image ? "正文图片" : "正文链接", FindingKind.BrokenLink, link.Start, link.Length, link.Url, "", problem, -1, CanApplyInPlace: false);
}
