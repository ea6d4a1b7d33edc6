using Gongkai.Platform.Data;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Organizations;

/// <summary>Organizations' answer to the Staff module's <see cref="IStaffBodies"/>.</summary>
internal sealed class StaffBodiesProvider(GongkaiDbContext db) : IStaffBodies
{
    public async Task<IReadOnlyList<StaffBody>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Set<Body>().AsNoTracking()
            .OrderBy(b => b.Kind).ThenBy(b => b.SortOrder).ThenBy(b => b.Id)
            .Select(b => new StaffBody(b.Id, b.ParentId, b.Name))
            .ToListAsync(cancellationToken);
}
