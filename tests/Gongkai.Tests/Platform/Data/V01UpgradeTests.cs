using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Requests;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Data;

/// <summary>A database made by the v0.1 release (SQLite file or PostgreSQL dump, whichever the run uses) is upgraded
/// by today's build, and what its users had — bodies, documents with their text, staff accounts, an application —
/// is still there through the pages and the API.</summary>
public sealed class V01UpgradeTests
{
    /// <summary>Demo seeding off: everything the test reads must come from the v0.1 database.</summary>
    private sealed class V01Host : StaffTestHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Gongkai:Demo:Seed"] = "false" };

        /// <summary>An empty database: the v0.1 dump is restored into it, not over today's schema.</summary>
        protected override bool FromTemplate => false;
    }

    [Fact]
    public async Task Todays_build_starts_on_a_v01_database_and_its_data_reads_back()
    {
        using var host = new V01Host();
        await ReleaseDatabases.RestoreV01Async(host.Database);
        await AddRequestClosedWithoutOutcomeAsync(host.Database);

        var visitor = host.NewClient();
        var bodies = await visitor.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/bodies", UriKind.Relative));
        Assert.Contains(bodies.EnumerateArray(), b => b.GetProperty("name").GetString() == "三台县人民政府");

        // The 2018 work plan, published by v0.1's demo seeding: its page shows the title and the body text.
        var page = await visitor.GetStringAsync(new Uri("/documents/00700002-X/2018-00001", UriKind.Relative));
        Assert.Contains("关于印发《2018年政务公开工作要点》的通知", page, StringComparison.Ordinal);
        Assert.Contains("2018年政务公开工作总体要求是", page, StringComparison.Ordinal);
        var list = await visitor.GetStringAsync(new Uri("/documents", UriKind.Relative));
        Assert.Contains("绵阳市财政局关于公开2018年市级部门预算的公告", list, StringComparison.Ordinal);

        // The applicant can still track the application filed through v0.1's API with its code.
        var (trackingNumber, code) = ReleaseDatabases.V01Application(host.Database);
        var tracked = await (await Requests.RequestsApiTests.TrackAsync(visitor, trackingNumber, code)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("绵阳市人民政府", tracked.GetProperty("body").GetString());

        // Staff accounts keep their passwords: the officer signs in through the real page and opens the case.
        var officer = await host.SignedInClientAsync("officer.myszf", "Gongkai-Demo-2026");
        using var caseResponse = await officer.GetAsync(new Uri($"/admin/requests/{trackingNumber}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, caseResponse.StatusCode);
        var casePage = await caseResponse.Content.ReadAsStringAsync();
        Assert.Contains("王升级", casePage, StringComparison.Ordinal);
        Assert.Contains("请公开2018年城市建设计划的落实情况", casePage, StringComparison.Ordinal);

        // The editor's drafts and review queue survive too.
        var editor = await host.SignedInClientAsync("editor.myszf", "Gongkai-Demo-2026");
        var documents = await editor.GetStringAsync(new Uri("/admin/documents", UriKind.Relative));
        Assert.Contains("绵阳市人民政府关于进一步规范城市道路临时占用管理的通知（草稿）", documents, StringComparison.Ordinal);

        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Contains(await db.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_BackfillRequestClosing", StringComparison.Ordinal));

        // The one-off backfill ran as the upgrade's migration step: the old closed request now counts in table 三.
        var old = await db.Set<DisclosureRequest>().AsNoTracking().SingleAsync(r => r.TrackingNumber == "OLD-0001");
        Assert.Equal((new DateOnly(2025, 3, 14), "unavailable.needs-compilation"), (old.ClosedOn, old.ClosingDecision));
    }

    /// <summary>A request closed the way builds before the stored closing outcome left it: events, nothing stamped.</summary>
    private static async Task AddRequestClosedWithoutOutcomeAsync(TestDatabase database)
    {
        await using var db = MigrationContexts.Open(database);
        var bodyId = await db.Set<Body>().Where(b => b.Code == "myszf").Select(b => b.Id).SingleAsync();
        var request = new DisclosureRequest
        {
            TrackingNumber = "OLD-0001", CodeHash = new string('0', 64), CodeSalt = "00", BodyId = bodyId, ApplicantType = "科研机构", ApplicantName = "测试",
            IdType = "护照", IdNumber = "E1234567", Description = "测试", Form = "paper", Delivery = "post", Channel = "post",
            ReceivedOn = new DateOnly(2025, 2, 10), RegisteredBy = "test", RuleSetCode = "2019", ClockState = "Replied", IsClosed = true,
        };
        request.Events.Add(new RequestEventRecord { Type = "received", On = request.ReceivedOn, RecordedBy = "test" });
        request.Events.Add(new RequestEventRecord { Type = "replied", On = new DateOnly(2025, 3, 14), Decision = "unavailable.needs-compilation", RecordedBy = "test" });
        db.Add(request);
        await db.SaveChangesAsync();
    }
}
