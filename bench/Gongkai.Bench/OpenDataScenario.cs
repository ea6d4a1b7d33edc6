using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.OpenData;
using Gongkai.OpenData.Data;
using Gongkai.OpenData.Import;
using Gongkai.OpenData.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Bench;

/// <summary>
/// Open data at scale (issue 16), through the real application hosted in-process on SQLite in a temporary folder:
/// <c>dotnet run -c Release --project bench/Gongkai.Bench -- open-data [rows]</c>. Measures (1) importing an XLSX of
/// 100,000 penalty decisions (read with the Open XML SDK, validated, stored in one transaction; target ≤ 60 s),
/// (2) streaming that dataset's CSV over HTTP (target ≥ 50 MB/s, with the process's peak working set printed to show
/// it is not held in memory) and (3) <c>package_search</c> over 1,000 datasets (target p95 ≤ 50 ms).
/// </summary>
internal static class OpenDataScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var folder = Path.Combine(Path.GetTempPath(), "gongkai-bench-opendata", Guid.NewGuid().ToString("N"));
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

            var xlsx = Path.Combine(folder, "penalties.xlsx");
            WriteXlsx(xlsx, rows);
            Console.WriteLine($"wrote {xlsx} ({new FileInfo(xlsx).Length / 1024.0 / 1024.0:F1} MiB, {rows:N0} rows)");

            using (var scope = factory.Services.CreateScope())
            {
                var desk = scope.ServiceProvider.GetRequiredService<RecordDesk>();
                var body = (await scope.ServiceProvider.GetRequiredService<BodyDirectory>().FindByCodeAsync("myszf"))!;
                var watch = Stopwatch.StartNew();
                await using var stream = File.OpenRead(xlsx);
                var table = TableReaders.ReadXlsx(stream);
                var result = await desk.ImportAsync(Staff(), ShippedRecordTypes.AdministrativePenalty, body.Id, table.Header, table.Rows);
                watch.Stop();
                if (!result.Succeeded || !result.Value!.Report.Accepted || result.Value.Added != rows)
                {
                    throw new InvalidOperationException("The import was refused: " + (result.Refusal?.Message ?? string.Join(" ", result.Value!.Report.FileErrors.Concat(result.Value.Report.Failed.Take(3).SelectMany(r => r.Errors)))));
                }

                results.Add(Line($"import {rows:N0} penalty decisions from XLSX (read, validate, store in one transaction)", watch.Elapsed.TotalSeconds, "s", 60, lowerIsBetter: true));
            }

            // Publication runs the safeguards over every text field (seconds per thousand): the bench publishes the
            // imported rows directly so the download measures streaming, not the checker.
            using (var scope = factory.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
                var type = await db.Set<RecordType>().SingleAsync(t => t.Key == ShippedRecordTypes.AdministrativePenalty);
                var body = await db.Set<Body>().SingleAsync(b => b.Code == "myszf");
                await db.Database.ExecuteSqlRawAsync(
                    "UPDATE data_records SET \"Status\" = 'Published', \"PublicValuesJson\" = \"ValuesJson\", \"CurrentVersion\" = 1 WHERE \"RecordTypeId\" = {0} AND \"BodyId\" = {1}",
                    type.Id, body.Id);
                await scope.ServiceProvider.GetRequiredService<RecordPublisher>().RefreshDatasetAsync(type, body.Id);
            }

            var package = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(new Uri("/api/3/action/package_show?id=administrative-penalty-myszf", UriKind.Relative)))!;
            var csvUrl = new Uri(new Uri(package["result"]!["resources"]![0]!["url"]!.GetValue<string>()).PathAndQuery, UriKind.Relative);
            for (var run = 0; run < 3; run++)
            {
                var before = Process.GetCurrentProcess().PeakWorkingSet64;
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(csvUrl, HttpCompletionOption.ResponseHeadersRead);
                await using var body = await response.Content.ReadAsStreamAsync();
                var buffer = new byte[81920];
                long bytes = 0;
                int read;
                while ((read = await body.ReadAsync(buffer)) > 0)
                {
                    bytes += read;
                }

                watch.Stop();
                var megabytes = bytes / 1024.0 / 1024.0;
                results.Add(Line($"stream the CSV of {rows:N0} rows ({megabytes:F1} MiB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB, before {before / 1024 / 1024} MiB), run {run + 1}",
                    megabytes / watch.Elapsed.TotalSeconds, "MiB/s", 50, lowerIsBetter: false));
            }

            await AddDatasetsAsync(factory.Services, 1_000);
            string[] queries =
            [
                "q=*:*&rows=10", "q=行政处罚&rows=10", "fq=organization:myszf&rows=20", "fq=tags:bench-7 res_format:CSV&rows=10",
                "fq=-organization:myszf&sort=metadata_modified desc&rows=50", "q=*:*&facet.field=[\"organization\",\"tags\"]&rows=10",
                "fq=metadata_modified:[2000-01-01T00:00:00Z TO *]&sort=id asc&rows=100&start=200", "q=数据&sort=name asc&rows=10",
            ];
            var count = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(new Uri("/api/3/action/package_search?rows=0", UriKind.Relative)))!["result"]!["count"]!.GetValue<int>();
            var times = new List<double>();
            for (var i = 0; i < 40 + 400; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(new Uri("/api/3/action/package_search?" + queries[i % queries.Length], UriKind.Relative));
                await response.Content.ReadAsByteArrayAsync();
                response.EnsureSuccessStatusCode();
                if (i >= 40)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
            results.Add(Line($"package_search over {count:N0} datasets (8 query shapes, 400 calls after 40 warm-up; p50 {P(0.5):F1} ms, p99 {P(0.99):F1} ms), p95", P(0.95), "ms", 50, lowerIsBetter: true));

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

    private static string Line(string what, double value, string unit, double target, bool lowerIsBetter)
    {
        var met = lowerIsBetter ? value <= target : value >= target;
        var line = string.Create(CultureInfo.InvariantCulture, $"{what}: {value:F1} {unit} (target {(lowerIsBetter ? "≤" : "≥")} {target} {unit}) — {(met ? "met" : "NOT MET")}");
        Console.WriteLine(line);
        return line;
    }

    private static ClaimsPrincipal Staff() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "bench"), new Claim(ClaimTypes.NameIdentifier, "bench"), new Claim(ClaimTypes.Role, StaffRoles.SystemAdmin)], "bench"));

    /// <summary>Writes the workbook with the SDK's streaming writer (shared strings avoided: inline strings), as an
    /// export of that size from another system would be.</summary>
    private static void WriteXlsx(string path, int rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var part = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            void Row(uint index, IReadOnlyList<string> cells)
            {
                writer.WriteStartElement(new Row { RowIndex = index });
                foreach (var cell in cells)
                {
                    writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(cell)) });
                }

                writer.WriteEndElement();
            }

            Row(1, ["处罚决定书文号", "案件名称", "违法事实", "处罚依据", "处罚类别", "处罚结果", "罚款金额", "行政相对人名称", "统一社会信用代码", "处罚决定日期", "处罚机关"]);
            var start = new DateOnly(2025, 1, 2);
            for (var i = 0; i < rows; i++)
            {
                Row((uint)(i + 2),
                [
                    $"绵府罚〔2025〕{i + 1}号", $"示例企业第{i + 1}号违法案", "未按规定履行安全生产管理职责，经现场检查确认。", "《中华人民共和国安全生产法》第九十七条",
                    "罚款", "罚款" + (1000 + (i % 50) * 100).ToString(CultureInfo.InvariantCulture) + "元。", (1000 + (i % 50) * 100).ToString(CultureInfo.InvariantCulture),
                    "绵阳示例企业" + (i % 997).ToString(CultureInfo.InvariantCulture) + "有限公司", "91110000600037341L",
                    start.AddDays(i % 300).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "绵阳市人民政府",
                ]);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "处罚" }));
    }

    /// <summary>Adds record types and datasets until the catalogue holds <paramref name="target"/> datasets (rows in
    /// the catalogue table; their records are not needed for search).</summary>
    private static async Task AddDatasetsAsync(IServiceProvider services, int target)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<RecordTypeStore>();
        var bodies = await db.Set<Body>().OrderBy(b => b.Id).ToListAsync();
        var existing = await db.Set<OpenDataset>().CountAsync();
        var template = ShippedRecordTypes.All.Single(t => t.Key == ShippedRecordTypes.RandomInspection);
        var now = DateTimeOffset.UtcNow;
        for (var n = 0; existing < target; n++)
        {
            var saved = await store.SaveAsync(template with { Key = $"bench-type-{n}", Name = $"基准测试数据{n}" }, "bench");
            foreach (var body in bodies)
            {
                if (existing >= target)
                {
                    break;
                }

                var name = DatasetIds.DatasetName(saved.Value!.Key, body.Code);
                db.Add(new OpenDataset
                {
                    Id = DatasetIds.DatasetId(name), Name = name, Title = $"{body.Name}基准测试数据{n}", Notes = "基准测试用数据集。",
                    RecordTypeId = saved.Value.Id, BodyId = body.Id, Theme = "市场监管", Keywords = $"bench-{n % 10},市场监管", UpdateFrequency = "每月",
                    RecordCount = 1, CreatedAt = now.AddDays(-existing), ModifiedAt = now.AddMinutes(-existing),
                });
                existing++;
            }
        }

        await db.SaveChangesAsync();
    }
}
