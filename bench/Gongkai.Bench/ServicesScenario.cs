using System.Diagnostics;
using System.Globalization;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Platform.Pdf;
using Gongkai.Services;
using Gongkai.Services.Print;
using Gongkai.Services.Rules;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Bench;

/// <summary>
/// Issue 17's speed targets through the real application hosted in-process on SQLite (a temporary folder, demo data):
/// <c>dotnet run -c Release --project bench/Gongkai.Bench -- services</c>. (1) A 权责清单 of 5,000 items with two versions
/// (100 removed, 50 added, 250 changed; 设定依据 citing 200 different laws, each looked up in the law library):
/// <c>GET /lists/{id}</c> renders the 5,000 rows and <c>GET /lists/{id}/diff</c> diffs the two versions — p95 ≤ 200 ms
/// each. (2) A guide's 一次性告知单 over HTTP (<c>GET /guides/{id}/notice.pdf</c>) and a long guide that must be shortened
/// to fit, rendered directly — ≤ 300 ms.
/// </summary>
internal static class ServicesScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var folder = Path.Combine(Path.GetTempPath(), "gongkai-bench-services", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseContentRoot(BenchMachine.ApplicationFolder());
                builder.UseEnvironment("Production");
                builder.UseSetting("Gongkai:DataFolder", folder);
                builder.UseSetting("Gongkai:Demo:Seed", "true");
                builder.UseSetting("Logging:LogLevel:Default", "Warning");
            });
            using var client = factory.CreateClient();
            var results = new List<string>();

            int listId;
            int guideId;
            using (var scope = factory.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
                var body = await db.Set<Body>().SingleAsync(b => b.Code == "myszf");
                var list = new ServiceList { BodyId = body.Id, Kind = ListKinds.Power.Code, Title = "基准测试权责清单（5000项）", CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "bench" };
                db.Add(list);
                await db.SaveChangesAsync();
                ListItem Item(int i, string agency) => ListItem.Of(("type", ListKinds.PowerTypes[i % 10]), ("name", $"对第{i}类事项的行政管理"),
                    ("basis", $"《某某第{i % 200}管理条例》第{i % 90 + 1}条；某省第{i % 40}实施办法第{i % 40 + 1}条"), ("agency", agency),
                    ("duties", "受理责任、审查责任、决定责任、送达责任、事后监管责任"), ("accountability", "因不履行或不正确履行行政职责，有下列情形的，行政机关及其工作人员应当承担相应责任"));
                var older = Enumerable.Range(0, 5000).Select(i => Item(i, $"市第{i % 30}局")).ToList();
                var newer = Enumerable.Range(0, 5000).Where(i => i % 50 != 0).Select(i => Item(i, i % 20 == 1 ? "市新组建局" : $"市第{i % 30}局"))
                    .Concat(Enumerable.Range(5000, 50).Select(i => Item(i, "市新组建局"))).ToList();
                ServiceListVersion Version(int number, DateOnly on, List<ListItem> items) => new()
                {
                    ListId = list.Id, Number = number, EffectiveOn = on, Reason = "基准测试", ItemsJson = ListDesk.WriteItems(ListKinds.Power, items), ItemCount = items.Count,
                    CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "bench",
                };
                db.AddRange(Version(1, new DateOnly(2025, 1, 1), older), Version(2, new DateOnly(2026, 1, 1), newer));
                await db.SaveChangesAsync();
                listId = list.Id;
                guideId = await db.Set<ServiceGuide>().OrderBy(g => g.Id).Select(g => g.Id).FirstAsync();
            }

            results.Add(await TimeAsync(client, $"/lists/{listId}", "list page, 5,000 rows rendered (设定依据 looked up in the law library)", calls, 200));
            results.Add(await TimeAsync(client, $"/lists/{listId}/diff?from=1&to=2", "diff page, two 5,000-item versions (100 removed, 50 added, 250 changed)", calls, 200));
            results.Add(await TimeAsync(client, $"/api/v1/lists/{listId}/diff?from=1&to=2", "diff API, same versions", calls, 200));
            results.Add(await TimeAsync(client, $"/guides/{guideId}/notice.pdf", "一次性告知单 of a demo guide over HTTP", Math.Max(20, calls / 2), 300));

            var renderer = factory.Services.GetRequiredService<PdfRenderer>();
            var lengthy = new GuideNoticeContent(
                new GuideContent("城乡居民最低生活保障审核确认", "行政给付", "《社会救助暂行办法》；《四川省最低生活保障工作规程》",
                    string.Concat(Enumerable.Repeat("申请人应当如实申报家庭收入、财产状况，并授权民政部门核对。", 40)),
                    Enumerable.Range(1, 25).Select(i => new GuideMaterial($"材料{i}", "原件", 1, null, null)).ToList(), "申请—受理—调查—审核确认—公示—发放", 30, 15, "不收费",
                    "绵阳市政务服务中心一楼民政窗口", "工作日 9:00—12:00，13:30—17:00", "乘1路、12路公交车至政务服务中心站", "0816-0000001", "12345", "最低生活保障金领取证", null, true, true,
                    "https://example.gov.cn/dibao"),
                "绵阳市民政局", 2, new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 1), "https://www.mianyang.gov.cn/guides/7", new DateOnly(2026, 12, 3));
            results.Add(Time(() => GuideNotice.Render(renderer, lengthy).Pages, "一次性告知单 of a long guide shortened to one page (several layout passes), rendered directly", 20, 300));

            Console.WriteLine();
            Console.WriteLine($"summary (SQLite, load average {BenchMachine.LoadAverage()}):");
            results.ForEach(r => Console.WriteLine("  " + r));
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // temp folder, best effort
            }
        }
    }

    private static async Task<string> TimeAsync(HttpClient client, string path, string what, int calls, double target)
    {
        var times = new List<double>();
        long bytes = 0;
        for (var i = 0; i < calls + 10; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            if (i >= 10)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
                bytes = body.Length;
            }
        }

        return Report($"{what} ({bytes / 1024.0:F0} KiB)", times, target);
    }

    private static string Time(Func<int> render, string what, int runs, double target)
    {
        render();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            render();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Report(what, times, target);
    }

    private static string Report(string what, List<double> times, double target)
    {
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{what}: {times.Count} calls after 10 warm-up, p50 {P(0.5):F1} ms, p95 {P(0.95):F1} ms, max {times[^1]:F1} ms (target p95 ≤ {target} ms) — {(P(0.95) <= target ? "met" : "NOT MET")}");
        Console.WriteLine(line);
        return line;
    }
}
