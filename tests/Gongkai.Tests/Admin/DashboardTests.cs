using System.Net;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Admin;

public sealed class DashboardTests(StaffTestHost host) : IClassFixture<StaffTestHost>
{
    [Fact]
    public async Task An_editor_sees_their_body_roles_and_only_the_sections_they_may_open()
    {
        var staff = await host.DemoStaffAsync();
        using var editor = await host.SignedInClientAsync(staff.UserName(StaffRoles.Editor, staff.Bodies[1]));

        var html = await editor.GetStringAsync(new Uri("/admin", UriKind.Relative));

        Assert.Contains($"{staff.Bodies[1].ShortName}信息编辑，您好", html, StringComparison.Ordinal);
        Assert.Contains(staff.Bodies[1].Name, html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/account/tokens\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/account/two-factor\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/staff\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/audit\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/bodies\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrators_see_the_sections_their_roles_open()
    {
        var staff = await host.DemoStaffAsync();
        using var bodyAdmin = await host.SignedInClientAsync(staff.UserName(StaffRoles.BodyAdmin));
        using var systemAdmin = await host.SignedInClientAsync("admin");

        var bodyAdminHome = await bodyAdmin.GetStringAsync(new Uri("/admin", UriKind.Relative));
        var systemAdminHome = await systemAdmin.GetStringAsync(new Uri("/admin", UriKind.Relative));

        foreach (var section in new[] { "单位管理", "人员与角色", "审计日志" })
        {
            Assert.Contains(section, bodyAdminHome, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("工作日历", bodyAdminHome, StringComparison.Ordinal);
        foreach (var href in new[] { "/admin/bodies", "/admin/staff", "/admin/calendar", "/admin/audit", "/admin/outbox" })
        {
            Assert.Contains($"href=\"{href}\"", systemAdminHome, StringComparison.Ordinal);
        }

        Assert.Contains("aria-current=\"page\"", systemAdminHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_with_the_way_back()
    {
        using var client = host.NewClient();

        var response = await client.GetAsync(new Uri("/admin/account/tokens", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/sign-in", response.Headers.Location?.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fadmin%2Faccount%2Ftokens", response.Headers.Location?.Query, StringComparison.Ordinal);
    }
}
