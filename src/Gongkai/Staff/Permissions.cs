using Microsoft.AspNetCore.Authorization;

namespace Gongkai.Staff;

/// <summary>What a staff member may do. Each permission is also an authorization policy of the same name, so pages
/// and endpoints say <c>[Authorize(Policy = Permissions.ManageCalendar)]</c> or <c>.RequireAuthorization(Permissions.…)</c>.
/// Body scope (acting only within one's own body) is checked separately by <see cref="BodyScope"/>.</summary>
public static class Permissions
{
    /// <summary>Any signed-in staff member: the console dashboard, one's own tokens.</summary>
    public const string Staff = "staff";

    /// <summary>Any signed-in staff member, including a system admin who has not yet enrolled two-factor sign-in.
    /// Only the two-factor setup page uses it; every other policy (and the default one) also requires
    /// <see cref="TwoFactorEnrolledRequirement"/>.</summary>
    public const string SignedIn = "signed-in";
    public const string ManageCalendar = "manage-calendar";
    public const string ManageAllBodies = "manage-all-bodies";
    public const string ManageBody = "manage-body";
    public const string ManageStaff = "manage-staff";
    public const string ViewAudit = "view-audit";
    public const string ViewOutbox = "view-outbox";
    public const string EditDocuments = "edit-documents";
    public const string ReviewFirst = "review-first";
    public const string ReviewSecond = "review-second";
    public const string ReviewFinal = "review-final";
    public const string HandleRequests = "handle-requests";

    /// <summary>Edit the word lists of the safeguards before publication (system admins).</summary>
    public const string ManageWordLists = "manage-word-lists";

    internal static void AddGongkaiPolicies(this AuthorizationBuilder authorization)
    {
        var enrolled = new TwoFactorEnrolledRequirement();
        authorization.SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(enrolled).Build());
        authorization.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        authorization.AddPolicy(Staff, p => p.RequireAuthenticatedUser().AddRequirements(enrolled));
        foreach (var permission in RolePermissions.AllPermissions)
        {
            authorization.AddPolicy(permission, p => p.RequireAuthenticatedUser().RequireRole(RolePermissions.RolesGranting(permission)).AddRequirements(enrolled));
        }
    }
}

/// <summary>The role → permission table: a plain rule, unit-tested, the one place to read who may do what.</summary>
public static class RolePermissions
{
    private static readonly Dictionary<string, string[]> Table = new()
    {
        [StaffRoles.SystemAdmin] =
        [
            Permissions.ManageCalendar, Permissions.ManageAllBodies, Permissions.ManageBody, Permissions.ManageStaff,
            Permissions.ViewAudit, Permissions.ViewOutbox, Permissions.ManageWordLists,
        ],
        [StaffRoles.BodyAdmin] = [Permissions.ManageBody, Permissions.ManageStaff, Permissions.ViewAudit],
        [StaffRoles.Editor] = [Permissions.EditDocuments],
        [StaffRoles.FirstReviewer] = [Permissions.ReviewFirst],
        [StaffRoles.SecondReviewer] = [Permissions.ReviewSecond],
        [StaffRoles.FinalReviewer] = [Permissions.ReviewFinal],
        [StaffRoles.RequestOfficer] = [Permissions.HandleRequests],
        [StaffRoles.Auditor] = [Permissions.ViewAudit],
    };

    public static IReadOnlyList<string> AllPermissions { get; } = Table.Values.SelectMany(p => p).Distinct().ToArray();

    public static IReadOnlyList<string> PermissionsOf(string role) => Table.TryGetValue(role, out var p) ? p : [];

    public static string[] RolesGranting(string permission) =>
        Table.Where(entry => entry.Value.Contains(permission)).Select(entry => entry.Key).ToArray();
}
