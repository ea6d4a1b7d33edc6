using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Publishing.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Admin;

public sealed record QueueItem(int Id, string Title, string DocumentType, DocumentStatus Status, DateTimeOffset UpdatedAt);

/// <summary>A correction waiting for review, and whether the user holds the stage it waits for.</summary>
public sealed record CorrectionQueueItem(int DocumentId, int CorrectionId, string Title, CorrectionState State, string Reason, string SubmittedBy, DateTimeOffset SubmittedAt, bool Mine);

/// <summary>The documents of the bodies in the user's scope that are not yet public: drafts, returned ones, and
/// the review queue by stage; and corrections of published documents waiting for review.</summary>
[Authorize(Policy = Permissions.Staff)]
public sealed class DocumentQueueModel(GongkaiDbContext db, BodyScope scope, RolePermissions permissions) : PageModel
{
    public static readonly DocumentStatus[] Sections =
    [
        DocumentStatus.Returned, DocumentStatus.Draft, DocumentStatus.AwaitingFirstReview, DocumentStatus.AwaitingSecondReview,
        DocumentStatus.AwaitingFinalReview, DocumentStatus.Scheduled,
    ];

    public ILookup<DocumentStatus, QueueItem> Items { get; private set; } = Array.Empty<QueueItem>().ToLookup(i => i.Status);

    public bool MayEdit { get; private set; }

    /// <summary>Corrections (更正) of published documents waiting for review; the user's own stage first.</summary>
    public IReadOnlyList<CorrectionQueueItem> Corrections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        MayEdit = permissions.Grants(User, PublishingPermissions.EditDocuments);
        var bodies = await scope.BodiesInScopeAsync(User, cancellationToken);
        var query = db.Set<Document>().AsNoTracking().Where(d => Sections.Contains(d.Status));
        if (bodies is not null)
        {
            query = query.Where(d => bodies.Contains(d.BodyId));
        }

        var rows = await query.OrderByDescending(d => d.UpdatedAt).Take(500)
            .Select(d => new QueueItem(d.Id, d.Title, d.DocumentType, d.Status, d.UpdatedAt)).ToListAsync(cancellationToken);
        Items = rows.ToLookup(r => r.Status);

        var corrections = db.Set<DocumentCorrection>().AsNoTracking().Where(c => DocumentDesk.PendingStates.Contains(c.State))
            .Join(db.Set<Document>(), c => c.DocumentId, d => d.Id, (c, d) => new { Correction = c, d.BodyId, d.Title });
        if (bodies is not null)
        {
            corrections = corrections.Where(x => bodies.Contains(x.BodyId));
        }

        var stages = DocumentDesk.StagesOf(User, permissions);
        Corrections = (await corrections.OrderBy(x => x.Correction.Id).Take(500).ToListAsync(cancellationToken))
            .Select(x => new CorrectionQueueItem(x.Correction.DocumentId, x.Correction.Id, x.Title, x.Correction.State, x.Correction.Reason,
                x.Correction.SubmittedByName, x.Correction.SubmittedAt, CorrectionReview.StageAwaited(x.Correction.State) is { } stage && stages.Contains(stage)))
            .OrderByDescending(c => c.Mine).ToList();
    }
}
