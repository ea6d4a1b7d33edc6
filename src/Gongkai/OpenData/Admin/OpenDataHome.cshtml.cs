using Gongkai.OpenData.Data;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.OpenData.Admin;

/// <summary>One row of the console's overview: a record type and how many of its records in the user's bodies are
/// drafts, waiting for review, public.</summary>
public sealed record TypeSummary(RecordType Type, int Drafts, int Waiting, int Published);

/// <summary>The console's 数据开放 overview: the record types, counts in the user's bodies, the way to each type's
/// records, the overdue dashboard and (system admins) the type editor.</summary>
[Authorize(Policy = OpenDataPermissions.WorkOnRecords)]
public sealed class OpenDataHomeModel(GongkaiDbContext db, BodyScope scope, RolePermissions permissions, OpenDataCatalog catalog, TimeProvider clock) : PageModel
{
    /// <summary>Datasets of the user's bodies whose promised update frequency has lapsed (<see cref="Rules.UpdateFrequency"/>).</summary>
    public IReadOnlyList<DatasetView> Lapsed { get; private set; } = [];

    public IReadOnlyList<TypeSummary> Types { get; private set; } = [];

    public bool MayManageTypes { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var bodies = await scope.BodiesInScopeAsync(User, cancellationToken);
        var records = db.Set<DataRecord>().AsNoTracking();
        if (bodies is not null)
        {
            records = records.Where(r => bodies.Contains(r.BodyId));
        }

        var counts = await records.GroupBy(r => new { r.RecordTypeId, r.Status, Pending = r.PendingValuesJson != null })
            .Select(g => new { g.Key.RecordTypeId, g.Key.Status, g.Key.Pending, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var types = await db.Set<RecordType>().AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
        Types = types.Select(t => new TypeSummary(t,
            counts.Where(c => c.RecordTypeId == t.Id && c.Status == RecordStatus.Draft).Sum(c => c.Count),
            counts.Where(c => c.RecordTypeId == t.Id && (c.Status == RecordStatus.AwaitingReview || (c.Status == RecordStatus.Published && c.Pending))).Sum(c => c.Count),
            counts.Where(c => c.RecordTypeId == t.Id && c.Status == RecordStatus.Published).Sum(c => c.Count))).ToList();
        MayManageTypes = permissions.Grants(User, OpenDataPermissions.ManageRecordTypes);
        var now = clock.GetUtcNow();
        Lapsed = (await catalog.ListDatasetsAsync(cancellationToken))
            .Where(d => (bodies is null || bodies.Contains(d.Body.Id)) && d.Lapsed(now))
            .OrderBy(d => d.Dataset.ModifiedAt).ToList();
    }
}
