using Gongkai.Calendar;
using Microsoft.AspNetCore.Authorization;

namespace Gongkai.Staff;

/// <summary>The Staff module's own permissions. Every module declares its permissions beside its code (e.g.
/// <c>PublishingPermissions</c>) and registers which roles hold them with <see cref="PermissionRegistration.AddPermission"/>;
/// pages and endpoints say <c>[Authorize(Policy = …)]</c> or <c>.RequireAuthorization(…)</c>. Body scope (acting only
/// within one's own body) is checked separately by <see cref="BodyScope"/>.</summary>
public static class Permissions
{
    /// <summary>Any signed-in staff member: the console dashboard, one's own tokens.</summary>
    public const string Staff = "staff";

    /// <summary>Any signed-in staff member, including a system admin who has not yet enrolled two-factor sign-in.
    /// Only the two-factor setup page uses it; every other policy (and the default one) also requires
    /// <see cref="TwoFactorEnrolledRequirement"/>.</summary>
    public const string SignedIn = "signed-in";

    public const string ManageStaff = "manage-staff";

    /// <summary>Read the audit log (and the records other modules show auditors).</summary>
    public const string ViewAudit = "view-audit";

    internal static void AddGongkaiPolicies(this AuthorizationBuilder authorization)
    {
        var enrolled = new TwoFactorEnrolledRequirement();
        authorization.SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(enrolled).Build());
        authorization.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        authorization.AddPolicy(Staff, p => p.RequireAuthenticatedUser().AddRequirements(enrolled));
    }

    /// <summary>Staff's grants, and those of the Calendar module, which sits below Staff and so cannot name roles.</summary>
    internal static IServiceCollection AddStaffPermissions(this IServiceCollection services) => services
        .AddPermission(ManageStaff, StaffRoles.SystemAdmin, StaffRoles.BodyAdmin)
        .AddPermission(ViewAudit, StaffRoles.SystemAdmin, StaffRoles.BodyAdmin, StaffRoles.Auditor)
        .AddPermission(CalendarPermissions.Manage, StaffRoles.SystemAdmin);
}
