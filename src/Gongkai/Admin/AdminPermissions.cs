using Gongkai.Staff;

namespace Gongkai.Admin;

/// <summary>The console shell's own permission: reading the notification outbox.</summary>
public static class AdminPermissions
{
    public const string ViewOutbox = "view-outbox";

    internal static IServiceCollection AddAdminPermissions(this IServiceCollection services) => services
        .AddPermission(ViewOutbox, StaffRoles.SystemAdmin);
}
