using Gongkai.Staff;

namespace Gongkai.Services;

/// <summary>Who keeps lists and guides: a body's editors create lists, adopt new versions, save and publish guide
/// versions (the 1-working-day rule leaves no time for another hand-off); editors, 终审 users, auditors and body admins see the
/// console pages and the overdue dashboard. Every action is also limited to the bodies in the user's scope.</summary>
public static class ServicesPermissions
{
    public const string Edit = "services-edit";
    public const string View = "services-view";

    /// <summary>Instantiate standard catalogues into a body's catalogue; as a supervising department, rate public units
    /// and answer complaints about them.</summary>
    public const string Catalogues = "services-catalogues";

    /// <summary>Add or change the standard catalogues themselves (the site's templates).</summary>
    public const string ManageTemplates = "services-templates";

    internal static IServiceCollection AddServicesPermissions(this IServiceCollection services) => services
        .AddPermission(Edit, StaffRoles.Editor)
        .AddPermission(View, StaffRoles.Editor, StaffRoles.FinalReviewer, StaffRoles.Auditor, StaffRoles.BodyAdmin)
        .AddPermission(Catalogues, StaffRoles.Editor, StaffRoles.BodyAdmin)
        .AddPermission(ManageTemplates, StaffRoles.SystemAdmin);
}
