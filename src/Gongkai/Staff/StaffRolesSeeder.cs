using Gongkai.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Staff;

/// <summary>Roles are reference data: every role exists in every database, demo or not.</summary>
internal sealed class StaffRolesSeeder(RoleManager<IdentityRole> roles) : IStartupSeeder
{
    public int Order => 15;

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Seeding role {role} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
