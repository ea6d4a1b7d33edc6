using Gongkai.Staff;

namespace Gongkai.Organizations;

/// <summary>What staff may do with bodies, and the roles that may.</summary>
public static class OrganizationsPermissions
{
    /// <summary>Create bodies anywhere in the tree and move them.</summary>
    public const string ManageAllBodies = "manage-all-bodies";

    /// <summary>Edit one's own body (and, for body admins, the sub-bodies) and its catalogue.</summary>
    public const string ManageBody = "manage-body";

    internal static IServiceCollection AddOrganizationsPermissions(this IServiceCollection services) => services
        .AddPermission(ManageAllBodies, StaffRoles.SystemAdmin)
        .AddPermission(ManageBody, StaffRoles.SystemAdmin, StaffRoles.BodyAdmin);
}
