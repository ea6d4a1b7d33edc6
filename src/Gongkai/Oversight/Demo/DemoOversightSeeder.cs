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
