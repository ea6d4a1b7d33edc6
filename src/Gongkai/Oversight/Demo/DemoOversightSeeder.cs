using System.Globalization;
using System.Security.Claims;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Oversight.Demo;

/// <summary>
/// In demo mode: imports the shipped 2018 政务公开工作要点 (the real text) into tasks, adds a few FICTIONAL progress
/// reports of the demo bodies, and registers one FICTIONAL major-emergency opinion item found three hours ago, so its
/// 5-hour clock is running whenever the demo starts. Everything it adds is marked <c>IsDemo</c> or written by
/// "演示数据".
/// </summary>
internal sealed class DemoOversightSeeder : IStartupSeeder
{
    public const string WorkPlanResource = "DemoData/2018-work-plan.txt";

    /// <summary>After the bodies (10), the accounts (20) and the documents (30).</summary>
    public int Order => 50;

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        if (!demo)
        {
            return;
        }

        var bodies = await services.GetRequiredService<BodyDirectory>().LoadAsync(cancellationToken);
        if (bodies.FindByCode("myszfb") is null)
        {
            // Demo content belongs to the demo bodies; a database whose bodies were entered by hand gets none.
            return;
        }

        var nobody = new ClaimsPrincipal(new ClaimsIdentity());
        if (!await db.Set<WorkPlan>().AnyAsync(cancellationToken))
        {
            await SeedWorkPlanAsync(services, db, bodies, nobody, cancellationToken);
        }

        if (!await db.Set<OpinionItem>().AnyAsync(cancellationToken))
        {
            var clock = services.GetRequiredService<TimeProvider>();
            var found = ChinaTime.ToChina(clock.GetUtcNow().AddHours(-3)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
            await services.GetRequiredService<OpinionDesk>().RegisterAsync(nobody, new OpinionDraft(
                "mysthjj", "网传涪江某河段出现大面积死鱼", "major-emergency", found, "微博",
                "https://weibo.example/demo/1", "网民发布视频称涪江某河段出现大面积死鱼，怀疑上游企业偷排，转发量快速上升。（演示数据，纯属虚构）"),
                demo: true, cancellationToken);
        }

        if (!await db.Set<AnnualReport>().AnyAsync(cancellationToken) && bodies.FindByCode(AnnualReportBody) is { } reporting)
        {
            await SeedAnnualReportAsync(services, db, reporting, cancellationToken);
        }
    }

    /// <summary>The department whose 2025 annual report the demo shows as published.</summary>
    public const string AnnualReportBody = "mysthjj";

    public const int AnnualReportYear = 2025;

    /// <summary>The demo department's 2025 report: figures computed from the demo data with FICTIONAL hand figures,
    /// frozen, and published as a document on 20 January 2026 (before the 31 January deadline). The document is
    /// published directly, as demo documents are; real reports go through the three-stage review.</summary>
    private static async Task SeedAnnualReportAsync(IServiceProvider services, GongkaiDbContext db, Body body, CancellationToken cancellationToken)
    {
        var desk = services.GetRequiredService<AnnualReportDesk>();
        var hand = new Dictionary<string, decimal?>
        {
            ["regulations.issued"] = 0, ["regulations.repealed"] = 0, ["regulations.in-force"] = 0,
            ["licensing.decisions"] = 412, ["penalty.decisions"] = 37, ["enforcement.decisions"] = 3, ["fees.amount"] = 0,
        };
        var tables = await desk.ComputeAsync(body, AnnualReportYear, hand, cancellationToken);
        // PostgreSQL stores instants in UTC only.
        var publishedAt = new DateTimeOffset(2026, 1, 20, 10, 0, 0, ChinaTime.Offset).ToUniversalTime();
        var report = new AnnualReport
        {
            BodyId = body.Id,
            Year = AnnualReportYear,
            Status = AnnualReport.Submitted,
            Overview = $"{AnnualReportYear}年，{body.Name}认真贯彻落实《中华人民共和国政府信息公开条例》，围绕生态环境保护重点工作，及时公开环境质量、环评审批和执法监管信息。（演示数据，纯属虚构）",
            Problems = "个别栏目更新不够及时，解读形式较为单一。下一步将建立栏目更新提醒机制，增加图解、视频等解读形式。（演示数据）",
            Other = "本年度未收取信息处理费。",
            HandFigures = System.Text.Json.JsonSerializer.Serialize(hand),
            FrozenTables = AnnualReportDesk.Serialize(tables),
            FrozenAt = publishedAt.AddDays(-2),
            FrozenBy = "演示数据",
            SubmittedAt = publishedAt.AddDays(-2),
            CreatedAt = publishedAt.AddDays(-10),
            UpdatedAt = publishedAt,
            CreatedBy = "演示数据",
            IsDemo = true,
        };
        var document = await services.GetRequiredService<Publishing.DocumentPublisher>().PublishAsync(new Publishing.DocumentDraft(
            AnnualReportText.Title(body, AnnualReportYear), null, body.Id, "统计信息", "综合政务", DateOnly.FromDateTime(publishedAt.Date),
            AnnualReportText.Plain(report, tables)), publishedAt, cancellationToken);
        report.DocumentId = document.Id;
        db.Add(report);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SeedWorkPlanAsync(IServiceProvider services, GongkaiDbContext db, BodyHierarchy bodies, ClaimsPrincipal nobody, CancellationToken cancellationToken)
    {
        string text;
        await using (var stream = typeof(DemoOversightSeeder).Assembly.GetManifestResourceStream(WorkPlanResource)
            ?? throw new InvalidOperationException($"The embedded resource {WorkPlanResource} is missing."))
        {
            using var reader = new StreamReader(stream);
            text = await reader.ReadToEndAsync(cancellationToken);
        }

        var imported = await services.GetRequiredService<WorkPlanDesk>().ImportAsync(nobody, text, null, demo: true, cancellationToken);
        if (!imported.Succeeded)
        {
            return;
        }

        var tasks = await db.Set<WorkPlanTask>().Where(t => t.WorkPlanId == imported.Value.Plan.Id).ToDictionaryAsync(t => t.Number, cancellationToken);
        var submitted = new DateTimeOffset(2018, 10, 9, 2, 0, 0, TimeSpan.Zero);
        (int Task, string Body, int Quarter, string Progress, string Text)[] reports =
        [
            (14, "myszfb", 3, "completed", "8月28日完成盐亭县试点验收，9月26日报送试点成果和总体情况。（演示数据）"),
            (6, "myszfb", 3, "on-track", "全市行政规范性文件均在签发后3个工作日内公开，同步发布解读。（演示数据）"),
            (1, "myczj", 3, "on-track", "市级预决算已全部公开，转移支付和举借债务情况已作说明。（演示数据）"),
            (9, "myszfb", 3, "delayed", "集约化平台升级改造招标延后，预计年底前无法完成全部县市区迁移。（演示数据）"),
        ];
        foreach (var (task, code, quarter, progress, body) in reports)
        {
            if (tasks.TryGetValue(task, out var row) && bodies.FindByCode(code) is { } reporter)
            {
                db.Add(new WorkPlanReport { TaskId = row.Id, BodyId = reporter.Id, Quarter = quarter, Progress = progress, Text = body, SubmittedAt = submitted, SubmittedBy = "演示数据" });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
