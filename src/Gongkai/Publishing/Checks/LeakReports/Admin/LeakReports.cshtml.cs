using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Checks.LeakReports.Admin;

public sealed record LeakReportRow(LeakReport Report, string DocumentTitle, string? IndexNo, string BodyName);

/// <summary>/admin/safeguards/leak-reports: citizens' reports of personal data in published documents, for the bodies
/// the user may act for, open ones first; each links to the document's 更正 path and can be answered.</summary>
[Authorize(Policy = Permissions.Staff)]
public sealed class LeakReportsModel(GongkaiDbContext db, BodyScope scope, BodyDirectory directory, LeakReportDesk desk) : PageModel
{
    public IReadOnlyList<LeakReportRow> Rows { get; private set; } = [];

    [BindProperty]
    public string? Answer { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAnswerAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await desk.AnswerAsync(User, id, Answer, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            await LoadAsync(cancellationToken);
            return this.Refused(refusal);
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var inScope = await scope.BodiesInScopeAsync(User, cancellationToken);
        var reports = db.Set<LeakReport>().AsNoTracking();
        if (inScope is not null)
        {
            reports = reports.Where(r => inScope.Contains(r.BodyId));
        }

        var rows = await reports
            .Join(db.Set<Document>(), r => r.DocumentId, d => d.Id, (r, d) => new { Report = r, d.Title, d.IndexNo })
            .OrderBy(x => x.Report.AnsweredAt != null).ThenByDescending(x => x.Report.Id)
            .Take(500).ToListAsync(cancellationToken);
        var names = (await directory.LoadAsync(cancellationToken)).All.ToDictionary(b => b.Id, b => b.Name);
        Rows = rows.Select(x => new LeakReportRow(x.Report, x.Title, x.IndexNo, names.GetValueOrDefault(x.Report.BodyId, "?"))).ToList();
    }
}
