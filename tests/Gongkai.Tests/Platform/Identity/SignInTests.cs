using System.Net;
using System.Net.Http.Json;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Identity;

public sealed class SignInTests(StaffTestHost host) : IClassFixture<StaffTestHost>
{
    [Fact]
    public async Task Signing_in_with_the_right_password_opens_the_console_and_is_audited_with_the_client_address()
    {
        var staff = await host.DemoStaffAsync();
        var editor = staff.UserName(StaffRoles.Editor);
        using var client = host.NewClient("203.0.113.7");

        var response = await host.SignInAsync(client, editor);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        var console = await client.GetStringAsync(new Uri("/admin", UriKind.Relative));
        Assert.Contains("工作人员控制台", console, StringComparison.Ordinal);
        Assert.Contains(staff.Municipal.Name, console, StringComparison.Ordinal);
        Assert.Contains("信息编辑", console, StringComparison.Ordinal);
        var entry = await LastAuditAsync(SignInAudit.Succeeded, $"user:{editor}");
        Assert.Equal(editor, entry.ActorName);
        Assert.Equal("203.0.113.7", entry.ClientAddress);
        Assert.Equal(staff.Municipal.Id, entry.BodyId);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_Chinese_and_audited_as_a_bad_password()
    {
        var staff = await host.DemoStaffAsync();
        var officer = staff.UserName(StaffRoles.RequestOfficer);
        using var client = host.NewClient("203.0.113.8");

        var response = await host.SignInAsync(client, officer, "Wrong-password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(SignInMessages.BadCredentials, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var entry = await LastAuditAsync(SignInAudit.Failed, $"user:{officer}");
        Assert.StartsWith("bad-password", entry.Detail, StringComparison.Ordinal);
        Assert.Equal("203.0.113.8", entry.ClientAddress);
    }

    [Fact]
    public async Task An_unknown_user_name_gets_the_same_message_and_is_audited_as_unknown()
    {
        using var client = host.NewClient();

        var response = await host.SignInAsync(client, "nobody.here");

        Assert.Contains(SignInMessages.BadCredentials, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var entry = await LastAuditAsync(SignInAudit.Failed, "user:nobody.here");
        Assert.Equal("anonymous", entry.ActorName);
        Assert.Null(entry.ActorId);
        Assert.StartsWith("unknown-user", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_make_that_address_wait_while_the_owner_signs_in_elsewhere_and_tokens_keep_working()
    {
        var staff = await host.DemoStaffAsync();
        var user = await host.CreateUserAsync("lockout.victim", staff.Municipal.Id, StaffRoles.Editor);
        using var owner = host.NewClient("198.51.100.200");
        var token = await CreateTokenAsync(owner, user.UserName!);
        using var guesser = host.NewClient("203.0.113.66");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await host.SignInAsync(guesser, user.UserName!, "Wrong-password-1");
            Assert.Contains(SignInMessages.BadCredentials, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Even the right password now waits at the guesser's address …
        var right = await host.SignInAsync(guesser, user.UserName!);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("登录失败次数过多，请 30 秒后再试。", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.StartsWith("throttled", (await LastAuditAsync(SignInAudit.Failed, "user:lockout.victim")).Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await guesser.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        // … but the owner, elsewhere, signs in, and the owner's script keeps its token.
        var ownerSignIn = await host.SignInAsync(owner, user.UserName!);
        Assert.Equal("/admin", ownerSignIn.Headers.Location?.OriginalString);
        using var script = host.NewClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync(new Uri("/api/v1/session", UriKind.Relative))).StatusCode);
        using var scope = host.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>().FindByNameAsync(user.UserName!);
        Assert.Null(stored!.LockoutEnd);
    }

    [Fact]
    public async Task A_name_that_is_no_account_is_slowed_the_same_way_so_guessers_cannot_tell_names_apart()
    {
        using var client = host.NewClient("203.0.113.67");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await host.SignInAsync(client, "nobody.at.all", "Wrong-password-1");
            Assert.Contains(SignInMessages.BadCredentials, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var sixth = await host.SignInAsync(client, "nobody.at.all", "Wrong-password-1");
        // 30 s from the fifth failure, counted on the real clock: a loaded machine may take a second or two between them.
        Assert.Matches("登录失败次数过多，请 (2[0-9]|30) 秒后再试。", await sixth.Content.ReadAsStringAsync());
    }

    private async Task<string> CreateTokenAsync(HttpClient client, string userName)
    {
        var response = await client.PostAsJsonAsync(new Uri("/api/v1/session/tokens", UriKind.Relative),
            new { userName, password = host.DemoPassword, name = "报送脚本" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedTokenResponse>())!.Token;
    }

    [Fact]
    public async Task A_sign_in_post_without_the_antiforgery_token_is_rejected()
    {
        var staff = await host.DemoStaffAsync();
        using var client = host.NewClient();
        await client.GetAsync(new Uri("/admin/sign-in", UriKind.Relative));

        var missing = await client.PostAsync(new Uri("/admin/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = staff.UserName(StaffRoles.Editor),
            ["Password"] = host.DemoPassword,
        }));
        var forged = await client.PostAsync(new Uri("/admin/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = staff.UserName(StaffRoles.Editor),
            ["Password"] = host.DemoPassword,
            ["__RequestVerificationToken"] = "CfDJ8forged-token",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task The_demo_admin_signs_in_with_a_code_computed_from_the_authenticator_key()
    {
        await host.DemoStaffAsync();
        using var client = host.NewClient();

        var afterPassword = await host.SignInAsync(client, "admin");
        Assert.StartsWith("/admin/sign-in/two-factor", afterPassword.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        var afterCode = await host.SignInAsync(client, "admin", totpKey: host.AdminTotpKey);
        Assert.Equal("/admin", afterCode.Headers.Location?.OriginalString);
        var console = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.Contains("人员与角色", await console.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var entry = await LastAuditAsync(SignInAudit.Succeeded, "user:admin");
        Assert.Contains("已通过两步验证", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_code_at_the_two_factor_step_is_refused_and_audited_as_a_bad_code()
    {
        await host.DemoStaffAsync();
        using var client = host.NewClient();
        var afterPassword = await host.SignInAsync(client, "admin");
        var wrongCode = host.NextCode(host.AdminTotpKey) == "000000" ? "111111" : "000000";

        var response = await client.SubmitAsync(afterPassword.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Code"] = wrongCode });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("动态口令不正确", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var entry = await LastAuditAsync(SignInAudit.Failed, "user:admin");
        Assert.StartsWith("bad-code", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var staff = await host.DemoStaffAsync();
        using var client = await host.SignedInClientAsync(staff.UserName(StaffRoles.Auditor));
        var response = await client.SubmitAsync("/admin/sign-out", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var console = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.StartsWith("http://localhost/admin/sign-in", console.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_cookie_saved_before_signing_out_no_longer_works_for_pages_or_api_writes()
    {
        var staff = await host.DemoStaffAsync();
        var cookies = new CookieContainer();
        using var client = host.NewClient(cookies: cookies);
        await host.SignInAsync(client, staff.UserName(StaffRoles.Editor));
        var saved = cookies.GetCookieHeader(new Uri("http://localhost/admin"));
        Assert.Contains("gongkai.staff=", saved, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        await client.SubmitAsync("/admin/sign-out", new Dictionary<string, string>());

        // Someone who copied the cookie before the sign-out (a shared computer, a stolen cookie) replays it.
        using var replay = host.NewClient();
        using var page = new HttpRequestMessage(HttpMethod.Get, "/admin");
        page.Headers.Add("Cookie", saved);
        var pageResponse = await replay.SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, pageResponse.StatusCode);
        Assert.StartsWith("http://localhost/admin/sign-in", pageResponse.Headers.Location?.ToString(), StringComparison.Ordinal);

        using var write = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documents") { Content = JsonContent.Create(new { title = "会话已结束" }) };
        write.Headers.Add("Cookie", saved);
        var writeResponse = await replay.SendAsync(write);
        Assert.Equal(HttpStatusCode.Unauthorized, writeResponse.StatusCode);
    }

    [Fact]
    public async Task The_denied_page_answers_403_in_Chinese()
    {
        var staff = await host.DemoStaffAsync();
        using var client = await host.SignedInClientAsync(staff.UserName(StaffRoles.Editor));

        var audit = await client.GetAsync(new Uri("/admin/audit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, audit.StatusCode);
        var denied = await client.GetAsync(audit.Headers.Location);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("无权访问", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_client_address_but_showing_the_form_is_not()
    {
        using var client = host.NewClient("198.18.0.1");
        string html = "";
        for (var view = 0; view < 12; view++)
        {
            var form = await client.GetAsync(new Uri("/admin/sign-in", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            html = await form.Content.ReadAsStringAsync();
        }

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 11; attempt++)
        {
            var response = await client.PostAsync(new Uri("/admin/sign-in", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "guess" + attempt,
                ["Password"] = "Guess-password-1",
                ["__RequestVerificationToken"] = PageForms.AntiforgeryToken(html),
            }));
            statuses.Add(response.StatusCode);
            if (attempt == 10)
            {
                Assert.Contains("尝试次数过多", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }

    private async Task<AuditEntry> LastAuditAsync(string action, string target)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var entries = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Action == action && e.Target == target).ToListAsync();
        Assert.NotEmpty(entries);
        return entries.OrderByDescending(e => e.Id).First();
    }
}
