using Gongkai.Staff;

namespace Gongkai.Requests;

/// <summary>Who handles applications for disclosure (依申请公开).</summary>
public static class RequestsPermissions
{
    public const string HandleRequests = "handle-requests";

    internal static IServiceCollection AddRequestsPermissions(this IServiceCollection services) => services
        .AddPermission(HandleRequests, StaffRoles.RequestOfficer);
}
