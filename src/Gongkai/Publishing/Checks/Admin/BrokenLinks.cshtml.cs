using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Publishing.Checks.Links;
using Gongkai.Publishing;
using Gongkai.Safeguards.Links;
using Gongkai.Safeguards;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Checks.Admin;

/// <summary>Link counts of one body: documents and links checked, and how many links are broken (the website checks
/// count broken links per site).</summary>
public sealed record BodyLinkCounts(int BodyId, string BodyName, int Documents, int Links, int Broken, int BrokenInternal, int BrokenExternal);

public sealed record BrokenLinkRow(int DocumentId, string DocumentTitle, string BodyName, string Url, bool IsExternal, bool IsImage, string Problem, DateTimeOffset CheckedAt, DateTimeOffset? BrokenSince);

/// <summary>/admin/safeguards/links: broken links of documents, per body, from the link checks run after submission
/// and daily over published documents. Staff see the bodies they may act for.</summary>
[Authorize(Policy = Permissions.Staff)]
public sealed class BrokenLinksModel(GongkaiDbContext db, BodyScope scope, BodyDirectory directory) : PageModel
{
    public const int MaxRows = 500;

    public IReadOnlyList<BodyLinkCounts> Counts { get; private set; } = [];

    public IReadOnlyList<BrokenLinkRow> Broken { get; private set; } = [];

    public int BrokenTotal { get; private set; }

    /// <summary>Links to internal network addresses, which the probe refuses to visit: neither working nor broken, so
    /// listed apart for an editor to judge (an intranet address rarely belongs in a public document).</summary>
    public IReadOnlyList<BrokenLinkRow> NotChecked { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var inScope = await scope.BodiesInScopeAsync(User, cancellationToken);
        var checks = db.Set<LinkCheck>().AsNoTracking();
        if (inScope is not null)
        {
            checks = checks.Where(l => inScope.Contains(l.BodyId));
        }

        var grouped = await checks.GroupBy(l => l.BodyId).Select(g => new
        {
            BodyId = g.Key,
            Documents = g.Select(l => l.DocumentId).Distinct().Count(),
            Links = g.Count(),
            BrokenInternal = g.Count(l => !l.Ok && !l.IsExternal),
            BrokenExternal = g.Count(l => !l.Ok && l.IsExternal),
        }).ToListAsync(cancellationToken);
        var names = (await directory.LoadAsync(cancellationToken)).All.ToDictionary(b => b.Id, b => b.Name);
        Counts = grouped
            .Select(g => new BodyLinkCounts(g.BodyId, names.GetValueOrDefault(g.BodyId, "?"), g.Documents, g.Links, g.BrokenInternal + g.BrokenExternal, g.BrokenInternal, g.BrokenExternal))
            .OrderByDescending(c => c.Broken).ThenBy(c => c.BodyName, StringComparer.Ordinal).ToList();
        BrokenTotal = Counts.Sum(c => c.Broken);

        var broken = await checks.Where(l => !l.Ok)
            .Join(db.Set<Document>(), l => l.DocumentId, d => d.Id, (l, d) => new { Check = l, d.Title })
            .OrderBy(x => x.Check.BodyId).ThenBy(x => x.Check.DocumentId).ThenBy(x => x.Check.Id)
            .Take(MaxRows).ToListAsync(cancellationToken);
        var refused = await checks.Where(l => l.Ok && l.Problem == ExternalLinkProber.RefusedProblem)
            .Join(db.Set<Document>(), l => l.DocumentId, d => d.Id, (l, d) => new { Check = l, d.Title })
            .OrderBy(x => x.Check.BodyId).ThenBy(x => x.Check.DocumentId).ThenBy(x => x.Check.Id)
            .Take(MaxRows).ToListAsync(cancellationToken);
        NotChecked = refused.Select(x => new BrokenLinkRow(x.Check.DocumentId, x.Title, names.GetValueOrDefault(x.Check.BodyId, "?"), x.Check.Url, x.Check.IsExternal,
            x.Check.IsImage, x.Check.Problem, x.Check.CheckedAt, null)).ToList();
        Broken = broken.Select(x => new BrokenLinkRow(x.Check.DocumentId, x.Title, names.GetValueOrDefault(x.Check.BodyId, "?"), x.Check.Url, x.Check.IsExternal,
            x.Check.IsImage, x.Check.Problem, x.Check.CheckedAt, x.Check.BrokenSince)).ToList();
    }
}
