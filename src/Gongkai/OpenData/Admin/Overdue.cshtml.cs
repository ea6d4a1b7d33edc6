using Gongkai.OpenData.Data;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Platform.Time;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.OpenData.Admin;

/// <summary>One late record on the dashboard.</summary>
public sealed record LateRecord(DataRecord Record, RecordType Type, string BodyName, DateOnly PublishBy, DateOnly? PublishedOn, int DaysLate);

/// <summary>
/// 逾期未公示: records whose 公示时限 (双公示: 7 working days from the decision) has passed while they are not public,
/// and those that went online after it — in the user's bodies, most overdue first.
/// </summary>
[Authorize(Policy = OpenDataPermissions.WorkOnRecords)]
public sealed class OverdueModel(GongkaiDbContext db, BodyScope scope, BodyDirectory directory, TimeProvider clock) : PageModel
{
    public IReadOnlyList<LateRecord> Overdue { get; private set; } = [];

    public IReadOnlyList<LateRecord> PublishedLate { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = ChinaTime.Today(clock);
        var bodies = await scope.BodiesInScopeAsync(User, cancellationToken);
        var query = db.Set<DataRecord>().AsNoTracking().Where(r => r.PublishBy != null && r.Status != RecordStatus.Withdrawn);
        if (bodies is not null)
        {
            query = query.Where(r => bodies.Contains(r.BodyId));
        }

        var today = Today;
        var candidates = await query.Where(r => r.PublishBy < today).OrderBy(r => r.PublishBy).Take(2_000).ToListAsync(cancellationToken);
        var types = await db.Set<RecordType>().AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        var hierarchy = await directory.LoadAsync(cancellationToken);
        var late = candidates.Select(r =>
        {
            DateOnly? publishedOn = r.FirstPublishedAt is { } at ? ChinaTime.DateOf(at) : null;
            var end = publishedOn ?? today;
            return new LateRecord(r, types[r.RecordTypeId], hierarchy.Find(r.BodyId)?.Name ?? "", r.PublishBy!.Value, publishedOn, end.DayNumber - r.PublishBy!.Value.DayNumber);
        }).Where(l => l.DaysLate > 0).ToList();
        Overdue = late.Where(l => l.PublishedOn is null).OrderByDescending(l => l.DaysLate).ToList();
        PublishedLate = late.Where(l => l.PublishedOn is not null).OrderByDescending(l => l.PublishedOn).ToList();
    }
}
