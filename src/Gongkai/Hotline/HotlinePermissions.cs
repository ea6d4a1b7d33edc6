using Gongkai.Staff;

namespace Gongkai.Hotline;

/// <summary>Who works the 12345 hotline: the centre's operators and dispatchers (受理、派单、批准延期、回访、重办), the
/// bodies' handlers (签收、退单、办结, their own body's tickets only), and the system administrators who issue Open311 keys
/// and edit categories, time limits and routing.</summary>
public static class HotlinePermissions
{
    public const string Operate = "hotline-operate";
    public const string Handle = "hotline-handle";
    public const string View = "hotline-view";
    public const string Configure = "hotline-configure";

    internal static IServiceCollection AddHotlinePermissions(this IServiceCollection services) => services
        .AddPermission(Operate, StaffRoles.HotlineOperator)
        .AddPermission(Handle, StaffRoles.HotlineHandler)
        .AddPermission(View, StaffRoles.HotlineOperator, StaffRoles.HotlineHandler)
        .AddPermission(Configure, StaffRoles.SystemAdmin);
}
