using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Identity;

public sealed partial class StaffAdministrationTests(StaffTestHost host) : IClassFixture<StaffTestHost>
{
    [Fact]
    public async Task A_body_admin_creates_staff_in_a_sub_body_who_can_then_sign_in_with_the_password_shown_once()
    {
        var staff = await host.DemoStaffAsync();
        var county = staff.Bodies[2];
        using var admin = await host.SignedInClientAsync(staff.UserName(StaffRoles.BodyAdmin));

        var response = await admin.SubmitAsync("/admin/staff/new",
            new Dictionary<string, string> { ["UserName"] = "zhang.editor", ["DisplayName"] = "张编辑", ["BodyId"] = county.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            repeated: [new("Roles", StaffRoles.Editor), new("Roles", StaffRoles.FirstReviewer)]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var password = OneTimePassword().Match(html).Groups[1].Value;
        Assert.NotEmpty(password);
        using var newcomer = await host.SignedInClientAsync("zhang.editor", password);
        var me = await newcomer.GetStringAsync(new Uri("/api/v1/session", UriKind.Relative));
        Assert.Contains(StaffRoles.FirstReviewer, me, StringComparison.Ordinal);
        var entry = await LastAuditAsync("staff.created", "user:zhang.editor");
        Assert.Equal(county.Id, entry.BodyId);
        Assert.Equal(staff.UserName(StaffRoles.BodyAdmin), entry.ActorName);
        Assert.Contains("editor, first-reviewer", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_admin_cannot_grant_the_system_admin_role()
    {
        var staff = await host.DemoStaffAsync();
        using var admin = await host.SignedInClientAsync(staff.UserName(StaffRoles.BodyAdmin));

        var response = await admin.SubmitAsync("/admin/staff/new",
            new Dictionary<string, string> { ["UserName"] = "would.be.root", ["DisplayName"] = "越权", ["BodyId"] = staff.Municipal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            repeated: [new("Roles", StaffRoles.SystemAdmin)]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("只有系统管理员才能授予或撤销系统管理员角色", html, StringComparison.Ordinal);
        Assert.Contains("value=\"would.be.root\"", html, StringComparison.Ordinal);
        Assert.Null(await FindAsync("would.be.root"));
        Assert.DoesNotContain($"value=\"{StaffRoles.SystemAdmin}\"", await admin.GetStringAsync(new Uri("/admin/staff/new", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_county_body_admin_sees_and_manages_only_the_county_staff()
    {
        var staff = await host.DemoStaffAsync();
        var county = staff.Bodies[2];
        using var countyAdmin = await host.SignedInClientAsync(staff.UserName(StaffRoles.BodyAdmin, county));

        var list = await countyAdmin.GetStringAsync(new Uri("/admin/staff", UriKind.Relative));
        Assert.Contains(staff.UserName(StaffRoles.Editor, county), list, StringComparison.Ordinal);
        Assert.DoesNotContain(staff.UserName(StaffRoles.Editor), list, StringComparison.Ordinal);
        Assert.DoesNotContain(">admin<", list, StringComparison.Ordinal);

        var municipalEditor = await FindAsync(staff.UserName(StaffRoles.Editor));
        var outside = await countyAdmin.GetAsync(new Uri($"/admin/staff/{municipalEditor!.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Fact]
    public async Task A_body_admin_may_not_manage_a_system_admin_in_their_own_body()
    {
        var staff = await host.DemoStaffAsync();
        using var bodyAdmin = await host.SignedInClientAsync(staff.UserName(StaffRoles.BodyAdmin));
        var systemAdmin = await FindAsync("admin");

        var response = await bodyAdmin.GetAsync(new Uri($"/admin/staff/{systemAdmin!.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/admin/denied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_roles_is_audited_with_before_and_after()
    {
        var staff = await host.DemoStaffAsync();
        var person = await host.CreateUserAsync("li.reviewer", staff.Municipal.Id, StaffRoles.Editor);
        using var admin = await host.SignedInClientAsync("admin");

        var response = await admin.SubmitAsync($"/admin/staff/{person.Id}",
            new Dictionary<string, string> { ["DisplayName"] = "李审核" },
            "Details", [new("Roles", StaffRoles.Editor), new("Roles", StaffRoles.FirstReviewer)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await LastAuditAsync("staff.roles-changed", "user:li.reviewer");
        Assert.Equal("editor → editor, first-reviewer", entry.Detail);
        Assert.Equal("admin", entry.ActorName);
        var page = await admin.GetStringAsync(new Uri($"/admin/staff/{person.Id}", UriKind.Relative));
        Assert.Contains("已保存", page, StringComparison.Ordinal);
        Assert.Contains("初审", page, StringComparison.Ordinal);
        Assert.Contains("李审核", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_account_cannot_sign_in_until_unlocked()
    {
        var staff = await host.DemoStaffAsync();
        var person = await host.CreateUserAsync("wang.officer", staff.Municipal.Id, StaffRoles.RequestOfficer);
        using var admin = await host.SignedInClientAsync(staff.UserName(StaffRoles.BodyAdmin));

        await admin.SubmitAsync($"/admin/staff/{person.Id}", new Dictionary<string, string>(), "Lock");
        using (var client = host.NewClient())
        {
            var refused = await host.SignInAsync(client, "wang.officer");
            Assert.Contains("账户已被管理员锁定", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(staff.UserName(StaffRoles.BodyAdmin), (await LastAuditAsync("staff.locked", "user:wang.officer")).ActorName);

        await admin.SubmitAsync($"/admin/staff/{person.Id}", new Dictionary<string, string>(), "Unlock");
        using var again = await host.SignedInClientAsync("wang.officer");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        await LastAuditAsync("staff.unlocked", "user:wang.officer");
    }

    [Fact]
    public async Task Resetting_a_password_shows_a_new_one_that_replaces_the_old()
    {
        var staff = await host.DemoStaffAsync();
        var person = await host.CreateUserAsync("zhao.auditor", staff.Municipal.Id, StaffRoles.Auditor);
        using var admin = await host.SignedInClientAsync("admin");

        var response = await admin.SubmitAsync($"/admin/staff/{person.Id}", new Dictionary<string, string>(), "ResetPassword");

        var password = OneTimePassword().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Matches("^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$", password);
        using (var old = host.NewClient())
        {
            Assert.Contains(SignInMessages.BadCredentials, await (await host.SignInAsync(old, "zhao.auditor")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var fresh = await host.SignedInClientAsync("zhao.auditor", password);
        await LastAuditAsync("staff.password-reset", "user:zhao.auditor");
    }

    [Fact]
    public async Task Nobody_can_take_away_their_own_roles()
    {
        var staff = await host.DemoStaffAsync();
        var self = await FindAsync(staff.UserName(StaffRoles.BodyAdmin));
        using var admin = await host.SignedInClientAsync(self!.UserName!);

        await admin.SubmitAsync($"/admin/staff/{self.Id}", new Dictionary<string, string> { ["DisplayName"] = self.DisplayName }, "Details", [new("Roles", StaffRoles.Editor)]);

        var page = await admin.GetStringAsync(new Uri($"/admin/staff/{self.Id}", UriKind.Relative));
        Assert.Contains("不能修改自己的角色", page, StringComparison.Ordinal);
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.Equal([StaffRoles.BodyAdmin], await users.GetRolesAsync((await users.FindByIdAsync(self.Id))!));
    }

    private async Task<StaffUser?> FindAsync(string userName)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(userName);
    }

    private async Task<AuditEntry> LastAuditAsync(string action, string target)
    {
        using var scope = host.Services.CreateScope();
        var entries = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == action && e.Target == target).ToListAsync();
        Assert.NotEmpty(entries);
        return entries.OrderByDescending(e => e.Id).First();
    }

    [GeneratedRegex("<code id=\"one-time-password\">([^<]+)</code>")]
    private static partial Regex OneTimePassword();
}
