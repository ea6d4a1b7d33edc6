using Gongkai.Organizations.Demo;
using Gongkai.Organizations;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gongkai.Tests.Platform.Identity;

public sealed class DemoAccountsTests(StaffTestHost host) : IClassFixture<StaffTestHost>
{
    [Fact]
    public async Task Demo_mode_creates_one_account_per_role_for_three_bodies_and_an_enrolled_admin()
    {
        var staff = await host.DemoStaffAsync();
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();

        Assert.Equal(3, staff.Bodies.Count);
        // The admin, nine roles for each of three bodies, and an editor each for the demo school and its department.
        Assert.Equal(1 + 3 * 9 + 2, staff.Accounts.Count);
        foreach (var account in staff.Accounts)
        {
            var user = await users.FindByNameAsync(account.UserName);
            Assert.NotNull(user);
            Assert.True(user.IsDemo);
            Assert.Equal(account.Body.Id, user.BodyId);
            Assert.Equal([account.Role], await users.GetRolesAsync(user));
            Assert.True(await users.CheckPasswordAsync(user, host.DemoPassword));
        }

        var municipal = staff.Municipal.Code;
        Assert.Contains(staff.Accounts, a => a.UserName == $"reviewer3.{municipal}" && a.Role == StaffRoles.FinalReviewer);
        Assert.Contains(staff.Accounts, a => a.UserName == $"officer.{municipal}" && a.Role == StaffRoles.RequestOfficer);
        var admin = (await users.FindByNameAsync("admin"))!;
        Assert.True(admin.TwoFactorEnabled);
        Assert.Equal(host.AdminTotpKey, await users.GetAuthenticatorKeyAsync(admin));
    }

    [Fact]
    public async Task Seeding_again_keeps_a_password_someone_changed()
    {
        var staff = await host.DemoStaffAsync();
        var auditor = staff.UserName(StaffRoles.Auditor, staff.Bodies[1]);
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByNameAsync(auditor))!;
            Assert.True((await users.ChangePasswordAsync(user, host.DemoPassword, "Fujiang-Ginkgo-Bridge-27")).Succeeded);
        }

        using (var scope = host.Services.CreateScope())
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<IStartupSeeder>().Where(s => s.Order == 20))
            {
                await seeder.SeedAsync(scope.ServiceProvider, demo: true, CancellationToken.None);
            }
        }

        using var check = host.Services.CreateScope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var reseeded = (await manager.FindByNameAsync(auditor))!;
        Assert.True(await manager.CheckPasswordAsync(reseeded, "Fujiang-Ginkgo-Bridge-27"));

        // Other tests of this class sign in with the demo password.
        Assert.True((await manager.ChangePasswordAsync(reseeded, "Fujiang-Ginkgo-Bridge-27", host.DemoPassword)).Succeeded);
    }
}

/// <summary>With demo seeding off (production), no account is created — not even when bodies exist — but the roles are.</summary>
public sealed class ProductionSeedingTests(ProductionSeedingTests.ProductionHost host) : IClassFixture<ProductionSeedingTests.ProductionHost>
{
    public sealed class ProductionHost : StaffTestHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Gongkai:Demo:Seed"] = "false" };
    }

    [Fact]
    public async Task Without_demo_seeding_the_roles_exist_and_no_account_is_created()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        if (!await db.Set<Body>().AnyAsync())
        {
            await TestBodies.AddDemoTreeAsync(db);
        }

        // Start-up again, now that bodies exist, exactly as the server does with this configuration.
        await host.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single().StartAsync(CancellationToken.None);

        Assert.Empty(await db.Users.ToListAsync());
        var roles = await db.Roles.Select(r => r.Name).ToListAsync();
        Assert.Equal(StaffRoles.All.Order(), roles.Order()!);
    }
}
