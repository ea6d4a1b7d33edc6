namespace Gongkai.Staff;

/// <summary>A body as the Staff module sees it: where a staff member belongs and what body scope spans.</summary>
public sealed record StaffBody(int Id, int? ParentId, string Name);

/// <summary>The bodies staff belong to. Organizations owns bodies and sits above Staff (its pages need permissions
/// and body scope), so Staff declares what it needs here and Organizations provides it.</summary>
public interface IStaffBodies
{
    /// <summary>Every body, in tree order of the bodies' sort keys.</summary>
    Task<IReadOnlyList<StaffBody>> ListAsync(CancellationToken cancellationToken = default);
}
