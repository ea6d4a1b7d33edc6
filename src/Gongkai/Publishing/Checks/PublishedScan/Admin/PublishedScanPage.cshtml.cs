using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Publishing.Rules;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Checks.PublishedScan.Admin;

public sealed record PublishedScanRow(int DocumentId, string Title, string? IndexNo, string BodyName, IReadOnlyList<PublishedScanResult> Results);

/// <summary>/admin/safeguards/published-scan: personal data found in already published documents, per body the user
/// may act for, with links to the public page and the document, and "遮盖并更正" in one step; and the progress of the
/// latest scan (documents scanned of the total).</summary>
[Authorize(Policy = Permissions.Staff)]
public sealed class PublishedScanPageModel(GongkaiDbContext db, BodyScope scope, BodyDirectory directory, RolePermissions permissions, PublishedScanDesk desk) : PageModel
{
    public PublishedScanRun? LatestRun { get; private set; }

    public IReadOnlyList<PublishedScanRow> Rows { get; private set; } = [];

    public bool MayCorrect { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCorrectAsync(int documentId, CancellationToken cancellationToken)
    {
        var outcome = await desk.MaskAndCorrectAsync(User, documentId, cancellationToken);
        if (outcome.Succeeded)
        {
            Message = outcome.Value;
            return RedirectToPage();
        }

        return await this.RefusedAsync(outcome.Refusal, async () =>
        {
            await LoadAsync(cancellationToken);
            return Page();
        });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        MayCorrect = permissions.Grants(User, PublishingPermissions.EditDocuments);
        LatestRun = await db.Set<PublishedScanRun>().AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var inScope = await scope.BodiesInScopeAsync(User, cancellationToken);
        var results = db.Set<PublishedScanResult>().AsNoTracking().Where(r => r.PersonalCount > 0);
        if (inScope is not null)
        {
            results = results.Where(r => inScope.Contains(r.BodyId));
        }

        var found = await results
            .Join(db.Set<Document>().Where(d => d.Status == DocumentStatus.Published), r => r.DocumentId, d => d.Id, (r, d) => new { Result = r, d.Title, d.IndexNo })
            .OrderBy(x => x.Result.BodyId).ThenByDescending(x => x.Result.DocumentId).ThenBy(x => x.Result.Id)
            .Take(1000).ToListAsync(cancellationToken);
        var names = (await directory.LoadAsync(cancellationToken)).All.ToDictionary(b => b.Id, b => b.Name);
        Rows = found.GroupBy(x => x.Result.DocumentId)
            .Select(g => new PublishedScanRow(g.Key, g.First().Title, g.First().IndexNo, names.GetValueOrDefault(g.First().Result.BodyId, "?"), g.Select(x => x.Result).ToList()))
            .ToList();
    }
}
