using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Publishing.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Admin;

public sealed record QueueItem(int Id, string Title, string DocumentType, DocumentStatus Status, DateTimeOffset UpdatedAt);

/// <summary>The documents of the bodies in the user's scope that are not yet public: drafts, returned ones, and
/// the review queue by stage.</summary>
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
    }
}
