using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongkai.Channels.NewMedia;
using Gongkai.Channels.Rules;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Channels;

/// <summary>An account's platform tool reports followers, its last post and the interaction waiting through
/// <c>POST /api/v1/new-media/accounts/{id}/stats</c> with a staff token of the account's body (谁开设、谁管理); the
/// console's inspection status follows what it reported; another body's token, a role without the permission, bad
/// figures and a closed account are refused with Chinese problem details and change nothing.</summary>
public sealed class NewMediaStatsApiTests(StaffTestHost host) : IClassFixture<StaffTestHost>
{
    [Fact]
    public async Task A_platform_tool_reports_with_a_token_of_the_accounts_body_and_the_inspection_status_on_the_console_follows()
    {
        var staff = await host.DemoStaffAsync();
        var department = staff.Bodies[1];
        var editor = staff.UserName(StaffRoles.Editor, department);
        var accountId = await RegisterAsync(department.Id, "发改委微博");
        using var tool = await BearerAsync(editor, "微博运行数据报送");
        var now = DateTimeOffset.UtcNow;

        // Twenty days since the last post and three messages waiting five days: both indicators fail.
        using (var stale = await ReportAsync(tool, accountId, new
        {
            followers = 12345, lastPostAt = now.AddDays(-20), unansweredInteractions = 3, oldestUnansweredAt = now.AddDays(-5),
        }))
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            var body = await stale.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(12345, body.GetProperty("followers").GetInt32());
            Assert.Equal(3, body.GetProperty("unansweredInteractions").GetInt32());
            var inspection = body.GetProperty("inspection");
            Assert.False(inspection.GetProperty("healthy").GetBoolean());
            Assert.True(inspection.GetProperty("notUpdated").GetBoolean());
            Assert.True(inspection.GetProperty("interactionUnanswered").GetBoolean());
            Assert.Equal(["20 天未更新（超过 2 周）", "3 条互动留言未回应（最早已 5 天）"], inspection.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
        }

        using var console = await host.SignedInClientAsync(editor);
        var page = await console.GetStringAsync(new Uri(ChannelsPaths.Account(accountId), UriKind.Relative));
        Assert.Contains("20 天未更新（超过 2 周）；3 条互动留言未回应（最早已 5 天）", page, StringComparison.Ordinal);
        Assert.Contains("12,345", page, StringComparison.Ordinal);
        Assert.Contains("最近一次填写或报送于", page, StringComparison.Ordinal);
        var dashboard = await console.GetStringAsync(new Uri(ChannelsPaths.Dashboard, UriKind.Relative));
        Assert.Contains($"发改委微博」</a>（{department.Name}）：20 天未更新", dashboard, StringComparison.Ordinal);

        // A post an hour ago and every message answered: the account meets both indicators again.
        using (var fresh = await ReportAsync(tool, accountId, new { followers = 12400, lastPostAt = now.AddHours(-1), unansweredInteractions = 0 }))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
            var inspection = (await fresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("inspection");
            Assert.True(inspection.GetProperty("healthy").GetBoolean());
            Assert.Empty(inspection.GetProperty("problems").EnumerateArray());
        }

        page = await console.GetStringAsync(new Uri(ChannelsPaths.Account(accountId), UriKind.Relative));
        Assert.Contains("符合（2 周内有更新，互动及时回应）", page, StringComparison.Ordinal);
        Assert.Contains("12,400", page, StringComparison.Ordinal);
        Assert.DoesNotContain("发改委微博」</a>（", await console.GetStringAsync(new Uri(ChannelsPaths.Dashboard, UriKind.Relative)), StringComparison.Ordinal);

        var audited = await AuditAsync(accountId);
        Assert.Equal(2, audited.Count);
        var editorId = await UserIdAsync(editor);
        Assert.All(audited, a => Assert.Equal(editorId, a.ActorId));
        Assert.StartsWith("经接口报送：关注 12345，", audited[0].Detail, StringComparison.Ordinal);
        Assert.Contains("未回应 3（最早 ", audited[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_bodys_token_a_role_without_the_permission_bad_figures_and_a_closed_account_are_refused_and_nothing_changes()
    {
        var staff = await host.DemoStaffAsync();
        var department = staff.Bodies[1];
        var county = staff.Bodies[2];
        var accountId = await RegisterAsync(department.Id, "发改委公众号");
        var good = new { followers = 500, lastPostAt = DateTimeOffset.UtcNow.AddDays(-1), unansweredInteractions = 0 };

        using (var stranger = await BearerAsync(staff.UserName(StaffRoles.Editor, county), "别人的脚本"))
        {
            await AssertProblemAsync(await ReportAsync(stranger, accountId, good), HttpStatusCode.Forbidden, "这个账号不属于您的单位");
        }

        using (var auditor = await BearerAsync(staff.UserName(StaffRoles.Auditor, department), "审计"))
        {
            await AssertProblemAsync(await ReportAsync(auditor, accountId, good), HttpStatusCode.Forbidden, null);
        }

        using (var anonymous = host.NewClient())
        {
            await AssertProblemAsync(await ReportAsync(anonymous, accountId, good), HttpStatusCode.Unauthorized, null);
        }

        using var tool = await BearerAsync(staff.UserName(StaffRoles.Editor, department), "报送脚本");
        var now = DateTimeOffset.UtcNow;
        var errors = await AssertProblemAsync(await ReportAsync(tool, accountId, new { followers = -1, unansweredInteractions = 2, lastPostAt = now.AddDays(2) }),
            HttpStatusCode.BadRequest, "运行数据报送有误。");
        Assert.Equal("关注人数不能为负数。", errors.GetProperty("followers")[0].GetString());
        Assert.Equal("最近一次发布的时间不能晚于当前时间。", errors.GetProperty("lastPostAt")[0].GetString());
        Assert.Equal("有未回应的互动留言时，请报送其中最早一条的时间（oldestUnansweredAt）。", errors.GetProperty("oldestUnansweredAt")[0].GetString());
        errors = await AssertProblemAsync(await ReportAsync(tool, accountId, new { followers = 10 }), HttpStatusCode.BadRequest, "运行数据报送有误。");
        Assert.True(errors.TryGetProperty("lastPostAt", out _) && errors.TryGetProperty("unansweredInteractions", out _));

        using (var broken = new StringContent("{\"followers\": \"很多\"", Encoding.UTF8, "application/json"))
        {
            await AssertProblemAsync(await tool.PostAsync(StatsUri(accountId), broken), HttpStatusCode.BadRequest, "请求正文不是有效的 JSON");
        }

        await AssertProblemAsync(await ReportAsync(tool, 987654, good), HttpStatusCode.NotFound, "没有这个账号");
        var untouched = await AccountAsync(accountId);
        Assert.Null(untouched.Followers);
        Assert.Null(untouched.ActivityReportedAt);
        Assert.Empty(await AuditAsync(accountId));

        // A closed account is no longer inspected: its tool is told so.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var account = await db.Set<NewMediaAccount>().SingleAsync(a => a.Id == accountId);
            account.Status = AccountStatus.Closed;
            await db.SaveChangesAsync();
        }

        await AssertProblemAsync(await ReportAsync(tool, accountId, good), HttpStatusCode.Conflict, "已经关停或整合");
        Assert.Null((await AccountAsync(accountId)).Followers);
    }

    private static Uri StatsUri(int accountId) => new(string.Create(CultureInfo.InvariantCulture, $"/api/v1/new-media/accounts/{accountId}/stats"), UriKind.Relative);

    private static Task<HttpResponseMessage> ReportAsync(HttpClient client, int accountId, object report) => client.PostAsJsonAsync(StatsUri(accountId), report);

    /// <summary>Asserts an RFC 7807 answer with Chinese title and detail (containing <paramref name="detail"/> when
    /// given) and returns its <c>errors</c>, if any.</summary>
    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? detail)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var text = problem.GetProperty("title").GetString() + problem.GetProperty("detail").GetString();
            Assert.Contains(text, c => c is >= '\u4e00' and <= '\u9fff');
            if (detail is not null)
            {
                Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            }

            return problem.TryGetProperty("errors", out var errors) ? errors.Clone() : default;
        }
    }

    /// <summary>A client carrying a new personal access token of <paramref name="userName"/>, created as an
    /// integrator does (user name and password to the session API).</summary>
    private async Task<HttpClient> BearerAsync(string userName, string name)
    {
        using var anonymous = host.NewClient();
        using var created = await anonymous.PostAsJsonAsync(new Uri("/api/v1/session/tokens", UriKind.Relative), new { userName, password = host.DemoPassword, name });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        var client = host.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<int> RegisterAsync(int bodyId, string name)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var account = new NewMediaAccount
        {
            BodyId = bodyId, Platform = NewMediaPlatforms.Weibo, Name = name, PlatformAccountId = "gk" + Guid.NewGuid().ToString("N")[..10],
            Organizer = "绵阳市发展和改革委员会", Responsible = "王五", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<StaffUser>().Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private async Task<NewMediaAccount> AccountAsync(int id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<NewMediaAccount>().AsNoTracking().SingleAsync(a => a.Id == id);
    }

    private async Task<List<AuditEntry>> AuditAsync(int accountId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var target = "new-media-account:" + accountId.ToString(CultureInfo.InvariantCulture);
        return (await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Action == "new-media.account.stats-reported" && a.Target == target).ToListAsync()).OrderBy(a => a.Id).ToList();
    }
}
