using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Identity;

public sealed partial class TwoFactorTests(StaffTestHost host) : IClassFixture<StaffTestHost>
{
    [Fact]
    public async Task A_system_admin_without_two_factor_is_sent_to_enrol_and_can_use_the_console_once_enrolled()
    {
        var staff = await host.DemoStaffAsync();
        var admin = await host.CreateUserAsync("second.admin", staff.Municipal.Id, StaffRoles.SystemAdmin);
        using var client = await host.SignedInClientAsync(admin.UserName!);

        var console = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.Equal("/admin/account/two-factor?returnUrl=%2Fadmin", console.Headers.Location?.OriginalString);
        var staffPage = await client.GetAsync(new Uri("/admin/staff", UriKind.Relative));
        Assert.StartsWith("/admin/account/two-factor", staffPage.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var api = await client.GetAsync(new Uri("/api/v1/session", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("两步验证", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var setup = await client.GetStringAsync(console.Headers.Location);
        Assert.Contains("系统管理员账户必须启用两步验证", setup, StringComparison.Ordinal);
        Assert.Contains("otpauth://totp/Gongkai:second.admin?secret=", setup, StringComparison.Ordinal);
        Assert.Matches("<img src=\"data:image/png;base64,[^\"]+\" alt=\"[^\"]+\"", setup);
        var key = SharedKey(setup);

        var enabled = await client.SubmitAsync("/admin/account/two-factor?returnUrl=%2Fadmin",
            new Dictionary<string, string> { ["Code"] = host.NextCode(key), ["ReturnUrl"] = "/admin" }, "Enable");

        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Equal("/admin", enabled.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        Assert.True(await AuditedAsync("two-factor.enabled", "user:second.admin"));

        using var again = host.NewClient();
        var passwordOnly = await host.SignInAsync(again, "second.admin");
        Assert.StartsWith("/admin/sign-in/two-factor", passwordOnly.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var withCode = await host.SignInAsync(again, "second.admin", totpKey: key);
        Assert.Equal("/admin", withCode.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_wrong_code_does_not_enable_two_factor()
    {
        var staff = await host.DemoStaffAsync();
        var user = await host.CreateUserAsync("careless.editor", staff.Municipal.Id, StaffRoles.Editor);
        using var client = await host.SignedInClientAsync(user.UserName!);
        var key = SharedKey(await client.GetStringAsync(new Uri("/admin/account/two-factor", UriKind.Relative)));
        var wrong = host.NextCode(key) == "123456" ? "654321" : "123456";

        var response = await client.SubmitAsync("/admin/account/two-factor", new Dictionary<string, string> { ["Code"] = wrong }, "Enable");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("动态口令不正确", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await TwoFactorEnabledAsync(user.UserName!));
    }

    [Fact]
    public async Task Staff_may_turn_two_factor_off_but_system_admins_may_not()
    {
        var staff = await host.DemoStaffAsync();
        var editor = await host.CreateUserAsync("cautious.editor", staff.Municipal.Id, StaffRoles.Editor);
        using var editorClient = await host.SignedInClientAsync(editor.UserName!);
        var key = SharedKey(await editorClient.GetStringAsync(new Uri("/admin/account/two-factor", UriKind.Relative)));
        await editorClient.SubmitAsync("/admin/account/two-factor", new Dictionary<string, string> { ["Code"] = host.NextCode(key) }, "Enable");
        Assert.True(await TwoFactorEnabledAsync(editor.UserName!));

        var off = await editorClient.SubmitAsync("/admin/account/two-factor", new Dictionary<string, string>(), "Disable");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await TwoFactorEnabledAsync(editor.UserName!));
        Assert.True(await AuditedAsync("two-factor.disabled", "user:cautious.editor"));

        using var adminClient = await host.SignedInClientAsync("admin");
        var adminPage = await adminClient.GetStringAsync(new Uri("/admin/account/two-factor", UriKind.Relative));
        Assert.DoesNotContain("关闭两步验证</button>", adminPage, StringComparison.Ordinal);

        // The page offers no switch-off to a system admin; a hand-made post (with a valid token from another
        // console form) must still be refused by the server.
        var token = PageForms.AntiforgeryToken(await adminClient.GetStringAsync(new Uri("/admin/account/tokens", UriKind.Relative)));
        var refused = await adminClient.PostAsync(new Uri("/admin/account/two-factor?handler=Disable", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Contains("系统管理员账户必须使用两步验证，不能关闭", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await TwoFactorEnabledAsync("admin"));
    }

    [Fact]
    public async Task A_final_reviewer_granted_without_an_authenticator_must_enrol_before_pages_apis_or_tokens()
    {
        var staff = await host.DemoStaffAsync();
        var reviewer = await host.CreateUserAsync("unenrolled.final", staff.Municipal.Id, StaffRoles.FinalReviewer);

        // Granting the role is allowed; the staff pages say the account must enrol at its next sign-in.
        using var adminClient = await host.SignedInClientAsync("admin");
        Assert.Contains("须启用两步验证（下次登录时设置）", await adminClient.GetStringAsync(new Uri("/admin/staff", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("终审须启用", await adminClient.GetStringAsync(new Uri("/admin/staff/" + reviewer.Id, UriKind.Relative)), StringComparison.Ordinal);

        // A token cannot be had with the password alone.
        using (var anonymous = host.NewClient())
        {
            using var token = await anonymous.PostAsJsonAsync("/api/v1/session/tokens", new { userName = "unenrolled.final", password = host.DemoPassword, name = "脚本" });
            Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
            Assert.Contains("终审账户须先登录控制台启用两步验证", await token.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var client = await host.SignedInClientAsync(reviewer.UserName!);
        var console = await client.GetAsync(new Uri("/admin/documents", UriKind.Relative));
        Assert.StartsWith("/admin/account/two-factor", console.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var api = await client.GetAsync(new Uri("/api/v1/session", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("需要启用两步验证", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var review = await client.PostAsync(new Uri("/api/v1/documents/1/review/final", UriKind.Relative), JsonContent.Create(new { decision = "approve" }));
        Assert.Equal(HttpStatusCode.Forbidden, review.StatusCode);

        var setup = await client.GetStringAsync(new Uri("/admin/account/two-factor", UriKind.Relative));
        Assert.Contains("终审账户必须启用两步验证", setup, StringComparison.Ordinal);
        var key = SharedKey(setup);
        await client.SubmitAsync("/admin/account/two-factor", new Dictionary<string, string> { ["Code"] = host.NextCode(key) }, "Enable");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/documents", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/session", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("关闭两步验证</button>", await client.GetStringAsync(new Uri("/admin/account/two-factor", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demo_final_reviewer_is_enrolled_with_the_demo_key_and_the_code_step_shows_the_code_to_type()
    {
        var staff = await host.DemoStaffAsync();
        var reviewer = staff.UserName(StaffRoles.FinalReviewer);
        using var client = host.NewClient();

        var afterPassword = await host.SignInAsync(client, reviewer);
        Assert.StartsWith("/admin/sign-in/two-factor", afterPassword.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var step = await client.GetStringAsync(afterPassword.Headers.Location);
        Assert.Contains(host.AdminTotpKey, step, StringComparison.Ordinal);
        var code = DemoCodePattern().Match(step).Groups[1].Value;
        Assert.Equal(6, code.Length);

        var signedIn = await client.SubmitAsync(afterPassword.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal("/admin", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/documents", UriKind.Relative))).StatusCode);
    }

    [GeneratedRegex("<strong id=\"demo-code\">([0-9]{6})</strong>")]
    private static partial Regex DemoCodePattern();

    private static string SharedKey(string html) =>
        SharedKeyPattern().Match(html).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);

    private async Task<bool> TwoFactorEnabledAsync(string userName)
    {
        using var scope = host.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(userName))!.TwoFactorEnabled;
    }

    private async Task<bool> AuditedAsync(string action, string target)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>().AnyAsync(e => e.Action == action && e.Target == target);
    }

    [GeneratedRegex("<code id=\"shared-key\">([A-Z2-7 ]+)</code>")]
    private static partial Regex SharedKeyPattern();
}
