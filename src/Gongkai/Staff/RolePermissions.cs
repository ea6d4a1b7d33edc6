using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gongkai.Staff;

/// <summary>One permission and the roles that hold it, as the module that owns the permission declares it.</summary>
public sealed record PermissionGrant(string Permission, IReadOnlyList<string> Roles);

/// <summary>The role → permission table, composed from every module's <see cref="PermissionGrant"/>s: the one place
/// to read who may do what. Each permission is also an authorization policy of the same name.</summary>
public sealed class RolePermissions
{
    private readonly Dictionary<string, string[]> _rolesByPermission;

    public RolePermissions(IEnumerable<PermissionGrant> grants)
    {
        _rolesByPermission = grants
            .GroupBy(g => g.Permission, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(x => x.Roles).Distinct().ToArray(), StringComparer.Ordinal);
        var unknown = _rolesByPermission.Values.SelectMany(r => r).Where(r => !StaffRoles.All.Contains(r)).ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidOperationException($"Permissions granted to unknown roles: {string.Join(", ", unknown)}");
        }
    }

    public IReadOnlyList<string> AllPermissions => _rolesByPermission.Keys.ToArray();

    public IReadOnlyList<string> PermissionsOf(string role) =>
        _rolesByPermission.Where(p => p.Value.Contains(role)).Select(p => p.Key).ToArray();

    public string[] RolesGranting(string permission) => _rolesByPermission.GetValueOrDefault(permission, []);

    /// <summary>Whether one of the user's roles holds the permission (for showing or hiding an action; the action's
    /// own policy or desk checks again).</summary>
    public bool Grants(ClaimsPrincipal user, string permission) => RolesGranting(permission).Any(user.IsInRole);
}

public static class PermissionRegistration
{
    /// <summary>Declares a permission of the calling module and the roles that hold it.</summary>
    public static IServiceCollection AddPermission(this IServiceCollection services, string permission, params string[] roles)
    {
        services.TryAddSingleton<RolePermissions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<AuthorizationOptions>, PermissionPolicies>());
        services.AddSingleton(new PermissionGrant(permission, roles));
        return services;
    }

    /// <summary>One policy per declared permission: a signed-in user in a granting role, enrolled in two-factor
    /// sign-in where their role requires it.</summary>
    private sealed class PermissionPolicies(RolePermissions table) : IConfigureOptions<AuthorizationOptions>
    {
        public void Configure(AuthorizationOptions options)
        {
            foreach (var permission in table.AllPermissions)
            {
                options.AddPolicy(permission, p => p.RequireAuthenticatedUser().RequireRole(table.RolesGranting(permission)).AddRequirements(new TwoFactorEnrolledRequirement()));
            }
        }
    }
}
