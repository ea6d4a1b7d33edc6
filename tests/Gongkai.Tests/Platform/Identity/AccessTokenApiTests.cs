using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Identity;

public sealed class AccessTokenApiTests(StaffTestHost host) : IClassFixture<StaffTestHost>
{
    private static readonly Uri Tokens = new("/api/v1/session/tokens", UriKind.Relative);
    private static readonly Uri Session = new("/api/v1/session", UriKind.Relative);

    [Fact]
    public async Task A_token_is_created_with_the_password_used_as_bearer_listed_without_its_secret_and_revoked()
    {
        var staff = await host.DemoStaffAsync();
        var editor = staff.UserName(StaffRoles.Editor);
        using var client = host.NewClient();

        var created = await client.PostAsJsonAsync(Tokens, new { userName = editor, password = host.DemoPassword, name = "数据报送脚本" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        Assert.Matches("^gk_[0-9A-Za-z]{40}$", token);
        Assert.Equal(token[..8], body.GetProperty("prefix").GetString());
        Assert.Equal("数据报送脚本", body.GetProperty("name").GetString());
        Assert.True(body.TryGetProperty("createdAt", out _));

        using var bearer = Bearer(token);
        var me = await bearer.GetFromJsonAsync<JsonElement>(Session);
        Assert.Equal(editor, me.GetProperty("userName").GetString());
        Assert.Equal(staff.Municipal.Id, me.GetProperty("bodyId").GetInt32());
        Assert.Equal(new[] { StaffRoles.Editor }, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString() ?? "").ToArray());
        Assert.Equal("token", me.GetProperty("authenticatedBy").GetString());

        var list = await bearer.GetStringAsync(Tokens);
        Assert.DoesNotContain(token, list, StringComparison.Ordinal);
        Assert.DoesNotContain(token[8..], list, StringComparison.Ordinal);
        var listed = JsonDocument.Parse(list).RootElement.EnumerateArray().Single(t => t.GetProperty("prefix").GetString() == token[..8]);
        Assert.False(listed.TryGetProperty("token", out _));

        var id = body.GetProperty("id").GetInt32();
        var revoked = await bearer.DeleteAsync(new Uri($"/api/v1/session/tokens/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        var afterRevoke = await bearer.GetAsync(Session);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal("application/problem+json", afterRevoke.Content.Headers.ContentType?.MediaType);
        Assert.Contains("已被撤销", await afterRevoke.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await AuditedAsync("token.created", $"user:{editor}"));
        Assert.True(await AuditedAsync("token.revoked", $"user:{editor}"));
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem_in_Chinese_and_audited()
    {
        var staff = await host.DemoStaffAsync();
        var reviewer = staff.UserName(StaffRoles.SecondReviewer);
        using var client = host.NewClient();

        var response = await client.PostAsJsonAsync(Tokens, new { userName = reviewer, password = "Not-the-password-1", name = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(SignInMessages.BadCredentials, problem.GetProperty("detail").GetString());
        Assert.True(await AuditedAsync(SignInAudit.Failed, $"user:{reviewer}", "bad-password"));
    }

    [Fact]
    public async Task Missing_fields_are_a_validation_problem()
    {
        using var client = host.NewClient();

        var response = await client.PostAsJsonAsync(Tokens, new { userName = "", otp = "123456" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("userName", out _));
        Assert.True(errors.TryGetProperty("password", out _));
        Assert.True(errors.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task A_token_expires_after_ninety_days_unless_asked_otherwise_and_never_lives_longer_than_a_year()
    {
        var staff = await host.DemoStaffAsync();
        var editor = staff.UserName(StaffRoles.Editor);
        using var client = host.NewClient();

        var created = await client.PostAsJsonAsync(Tokens, new { userName = editor, password = host.DemoPassword, name = "默认有效期" });
        var expiresAt = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(89.9), TimeSpan.FromDays(90.1));

        var tooLong = await client.PostAsJsonAsync(Tokens, new { userName = editor, password = host.DemoPassword, name = "十年", expiresInDays = 3650 });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("有效天数应在 1 到 365 之间", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authenticator_code_works_once_and_only_within_thirty_seconds_of_its_time()
    {
        await host.DemoStaffAsync();
        using var client = host.NewClient();
        Task<HttpResponseMessage> WithCode(string otp) =>
            client.PostAsJsonAsync(Tokens, new { userName = "admin", password = host.DemoPassword, name = "运维", otp });

        var code = host.NextCode(host.AdminTotpKey);
        Assert.Equal(HttpStatusCode.Created, (await WithCode(code)).StatusCode);
        var replayed = await WithCode(code);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Contains("动态口令不正确", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The server's clock moves on by three steps; the code of 60 s ago is too old, the one of 30 s ago still works.
        host.NextCode(host.AdminTotpKey);
        host.NextCode(host.AdminTotpKey);
        host.NextCode(host.AdminTotpKey);
        var minuteOld = StaffTestHost.CodeAt(host.AdminTotpKey, host.AuthenticatorNow.AddSeconds(-60));
        var halfMinuteOld = StaffTestHost.CodeAt(host.AdminTotpKey, host.AuthenticatorNow.AddSeconds(-30));
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCode(minuteOld)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await WithCode(halfMinuteOld)).StatusCode);
    }

    [Fact]
    public async Task A_two_factor_user_needs_a_correct_code_to_get_a_token()
    {
        await host.DemoStaffAsync();
        using var client = host.NewClient();
        var current = host.NextCode(host.AdminTotpKey);

        var withoutCode = await client.PostAsJsonAsync(Tokens, new { userName = "admin", password = host.DemoPassword, name = "运维" });
        var wrongCode = await client.PostAsJsonAsync(Tokens, new { userName = "admin", password = host.DemoPassword, name = "运维", otp = current == "000000" ? "111111" : "000000" });
        var rightCode = await client.PostAsJsonAsync(Tokens, new { userName = "admin", password = host.DemoPassword, name = "运维", otp = current });

        Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
        Assert.Contains("需要动态口令", await withoutCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);
        Assert.Contains("需要动态口令", await wrongCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, rightCode.StatusCode);
        Assert.True(await AuditedAsync(SignInAudit.Failed, "user:admin", "bad-code"));
    }

    [Fact]
    public async Task After_five_wrong_passwords_the_address_is_told_when_to_retry_and_an_administrators_lock_is_a_423()
    {
        var staff = await host.DemoStaffAsync();
        var user = await host.CreateUserAsync("api.lockout", staff.Municipal.Id, StaffRoles.Auditor);
        using var client = host.NewClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await client.PostAsJsonAsync(Tokens, new { userName = user.UserName, password = "Wrong-password-1", name = "x" })).StatusCode);
        }

        var response = await client.PostAsJsonAsync(Tokens, new { userName = user.UserName, password = host.DemoPassword, name = "x" });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.Contains("登录失败次数过多，请 30 秒后再试。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await AuditedAsync(SignInAudit.Failed, "user:api.lockout", "throttled"));

        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("api.lockout"))!, StaffAdministration.LockedByAdministrator);
        }

        using var elsewhere = host.NewClient();
        var locked = await elsewhere.PostAsJsonAsync(Tokens, new { userName = user.UserName, password = host.DemoPassword, name = "x" });
        Assert.Equal(HttpStatusCode.Locked, locked.StatusCode);
        Assert.Contains("账户已被管理员锁定", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_creation_is_rate_limited_per_client_address()
    {
        using var client = host.NewClient("192.0.2.99");
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 11; attempt++)
        {
            // A different name each time: the per-address limit is what is tested, not the per-account throttle.
            statuses.Add((await client.PostAsJsonAsync(Tokens, new { userName = "nobody" + attempt, password = "x", name = "x" })).StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        using var elsewhere = host.NewClient("192.0.2.100");
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.PostAsJsonAsync(Tokens, new { userName = "nobody", password = "x", name = "x" })).StatusCode);
    }

    [Fact]
    public async Task API_refusals_are_problem_details_not_redirects()
    {
        var staff = await host.DemoStaffAsync();
        using var anonymous = host.NewClient();
        using var editor = await host.SignedInClientAsync(staff.UserName(StaffRoles.Editor));
        using var garbage = Bearer("gk_" + new string('A', 40));

        var notSignedIn = await anonymous.GetAsync(Session);
        var forbidden = await editor.GetAsync(new Uri("/api/v1/audit", UriKind.Relative));
        var badToken = await garbage.GetAsync(Session);

        Assert.Equal(HttpStatusCode.Unauthorized, notSignedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badToken.StatusCode);
        foreach (var response in new[] { notSignedIn, forbidden, badToken })
        {
            Assert.Null(response.Headers.Location);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.False(string.IsNullOrEmpty((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()));
        }

        Assert.Equal("Bearer", badToken.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Tokens_of_locked_accounts_and_expired_tokens_are_refused()
    {
        var staff = await host.DemoStaffAsync();
        var user = await host.CreateUserAsync("token.holder", staff.Municipal.Id, StaffRoles.Editor);
        string expired, live;
        using (var scope = host.Services.CreateScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<AccessTokenService>();
            var old = await tokens.CreateAsync(user, "过期", 1);
            expired = old.Secret;
            live = (await tokens.CreateAsync(user, "有效", 1)).Secret;

            // A day later, as far as the first token is concerned.
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            await db.Set<AccessToken>().Where(t => t.Id == old.Token.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }

        using var expiredClient = Bearer(expired);
        using var liveClient = Bearer(live);
        var expiredResponse = await expiredClient.GetAsync(Session);
        Assert.Equal(HttpStatusCode.Unauthorized, expiredResponse.StatusCode);
        Assert.Contains("已过期", await expiredResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await liveClient.GetAsync(Session)).StatusCode);

        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("token.holder"))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await liveClient.GetAsync(Session)).StatusCode);
    }

    [Fact]
    public async Task The_tokens_page_shows_a_new_token_once_and_revokes_it()
    {
        var staff = await host.DemoStaffAsync();
        using var client = await host.SignedInClientAsync(staff.UserName(StaffRoles.FinalReviewer));

        var created = await client.SubmitAsync("/admin/account/tokens",
            new Dictionary<string, string> { ["Name"] = "终审统计", ["LifetimeDays"] = "30" }, "Create");
        var html = await created.Content.ReadAsStringAsync();
        var secret = System.Text.RegularExpressions.Regex.Match(html, "<code id=\"new-token\"[^>]*>(gk_[0-9A-Za-z]{40})</code>").Groups[1].Value;
        Assert.NotEmpty(secret);

        var later = await client.GetStringAsync(new Uri("/admin/account/tokens", UriKind.Relative));
        Assert.Contains("终审统计", later, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, later, StringComparison.Ordinal);

        using var bearer = Bearer(secret);
        var me = await bearer.GetFromJsonAsync<JsonElement>(Session);
        var id = (await bearer.GetFromJsonAsync<JsonElement>(Tokens)).EnumerateArray().Single(t => t.GetProperty("name").GetString() == "终审统计").GetProperty("id").GetInt32();
        Assert.Equal(staff.UserName(StaffRoles.FinalReviewer), me.GetProperty("userName").GetString());

        var revoke = await client.SubmitAsync($"/admin/account/tokens?id={id}", new Dictionary<string, string>(), "Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync(Session)).StatusCode);
        Assert.Contains("已撤销", await client.GetStringAsync(new Uri("/admin/account/tokens", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_can_revoke_someone_elses_token()
    {
        var staff = await host.DemoStaffAsync();
        int othersToken;
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var owner = (await users.FindByNameAsync(staff.UserName(StaffRoles.Auditor)))!;
            othersToken = (await scope.ServiceProvider.GetRequiredService<AccessTokenService>().CreateAsync(owner, "审计工具", null)).Token.Id;
        }

        using var editor = await host.SignedInClientAsync(staff.UserName(StaffRoles.Editor));
        var response = await editor.DeleteAsync(new Uri($"/api/v1/session/tokens/{othersToken}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var scope2 = host.Services.CreateScope();
        Assert.Null((await scope2.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AccessToken>().FindAsync(othersToken))!.RevokedAt);
    }

    [Fact]
    public async Task A_usable_token_is_renewed_from_now_by_its_owner_an_expired_or_foreign_one_is_not_and_renewals_are_audited()
    {
        var staff = await host.DemoStaffAsync();
        var user = await host.CreateUserAsync("token.renewer", staff.Municipal.Id, StaffRoles.Editor);
        string live;
        int liveId, expiredId, foreignId;
        using (var scope = host.Services.CreateScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<AccessTokenService>();
            var created = await tokens.CreateAsync(user, "报送脚本", 2);
            (live, liveId) = (created.Secret, created.Token.Id);
            var old = await tokens.CreateAsync(user, "旧脚本", 1);
            expiredId = old.Token.Id;
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            await db.Set<AccessToken>().Where(t => t.Id == expiredId)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
            var auditor = (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(staff.UserName(StaffRoles.Auditor)))!;
            foreignId = (await tokens.CreateAsync(auditor, "别人的令牌", 5)).Token.Id;
        }

        using var bearer = Bearer(live);
        var renewed = await bearer.PostAsJsonAsync($"/api/v1/session/tokens/{liveId}/renew", new { expiresInDays = 30 });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var expiresAt = (await renewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromDays(29.9), TimeSpan.FromDays(30.1));
        Assert.True(await AuditedAsync("token.renewed", "user:token.renewer", "名称：报送脚本"));

        // Without a body the configured default (90 days) applies.
        var byDefault = await bearer.PostAsync(new Uri($"/api/v1/session/tokens/{liveId}/renew", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, byDefault.StatusCode);
        Assert.InRange((await byDefault.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow,
            TimeSpan.FromDays(89.9), TimeSpan.FromDays(90.1));

        var expired = await bearer.PostAsync(new Uri($"/api/v1/session/tokens/{expiredId}/renew", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, expired.StatusCode);
        Assert.Equal("application/problem+json", expired.Content.Headers.ContentType?.MediaType);
        Assert.Contains("已过期，不能续期", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var foreign = await bearer.PostAsync(new Uri($"/api/v1/session/tokens/{foreignId}/renew", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        var tooLong = await bearer.PostAsJsonAsync($"/api/v1/session/tokens/{liveId}/renew", new { expiresInDays = 400 });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("有效天数应在 1 到 365 之间", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tokens_page_renews_a_token_for_the_configured_default_lifetime()
    {
        var staff = await host.DemoStaffAsync();
        using var client = await host.SignedInClientAsync(staff.UserName(StaffRoles.SecondReviewer));
        var created = await client.SubmitAsync("/admin/account/tokens",
            new Dictionary<string, string> { ["Name"] = "复审续期", ["LifetimeDays"] = "30" }, "Create");
        Assert.Contains("续期 90 天", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        int id;
        using (var scope = host.Services.CreateScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AccessToken>().Where(t => t.Name == "复审续期").Select(t => t.Id).SingleAsync();
        }

        var renew = await client.SubmitAsync($"/admin/account/tokens?id={id}", new Dictionary<string, string>(), "Renew");
        Assert.Equal(HttpStatusCode.Redirect, renew.StatusCode);
        Assert.Contains("已续期", await client.GetStringAsync(new Uri("/admin/account/tokens", UriKind.Relative)), StringComparison.Ordinal);
        using var scope2 = host.Services.CreateScope();
        var expiresAt = await scope2.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AccessToken>().Where(t => t.Id == id).Select(t => t.ExpiresAt).SingleAsync();
        Assert.InRange(expiresAt!.Value - DateTimeOffset.UtcNow, TimeSpan.FromDays(89.9), TimeSpan.FromDays(90.1));
    }

    [Fact]
    public async Task The_default_lifetime_is_configurable()
    {
        await using var configured = host.WithWebHostBuilder(builder => builder.UseSetting("Gongkai:Tokens:DefaultLifetimeDays", "30"));
        var staff = await host.DemoStaffAsync();
        var user = await host.CreateUserAsync("token.configured", staff.Municipal.Id, StaffRoles.Editor);
        using var scope = configured.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccessTokenService>().CreateAsync(user, "按配置", null);

        Assert.InRange(created.Token.ExpiresAt!.Value - DateTimeOffset.UtcNow, TimeSpan.FromDays(29.9), TimeSpan.FromDays(30.1));
    }

    private HttpClient Bearer(string token)
    {
        var client = host.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<bool> AuditedAsync(string action, string target, string? detailStart = null)
    {
        using var scope = host.Services.CreateScope();
        var entries = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>()
            .Where(e => e.Action == action && e.Target == target).ToListAsync();
        return entries.Any(e => detailStart is null || (e.Detail ?? "").StartsWith(detailStart, StringComparison.Ordinal));
    }
}
