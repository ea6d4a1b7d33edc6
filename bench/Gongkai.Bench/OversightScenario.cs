using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Gongkai.Organizations;
using Gongkai.Oversight;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Catalogue;
using Gongkai.Publishing.Rules;
using Gongkai.Requests;
using Gongkai.Staff;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Bench;

/// <summary>
/// Issue 18's speed targets, through the real application hosted in-process on a fresh demo database:
/// <c>dotnet run -c Release --project bench/Gongkai.Bench -- oversight</c> (SQLite) or
/// <c>… -- oversight postgres "&lt;connection string allowed to create databases&gt;"</c>.
/// Load: the municipal government (myszf) gets 100,000 requests received in 2025 (a quarter open) and 20,000 published
/// documents of its own in its catalogue columns (a fifth of them 行政规范性文件, signed 2019–2025).
/// Targets: the body's 2025 annual report computes (tables 二–四, its departments summed) in ≤ 1 s; the whole site's
/// self-inspection (every body, every column, the interaction/guide censuses and the probe log) in ≤ 5 s.
/// </summary>
internal static class OversightScenario
{
    private const int Requests = 100_000;
    private const int Documents = 20_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = args is [_, "postgres", var connection] ? connection : null;
        if (args is not ([_] or [_, "sqlite"]) && postgres is null)
        {
            await Console.Error.WriteLineAsync("usage: oversight [sqlite | postgres \"<connection string allowed to create databases>\"]");
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), "gongkai-bench-oversight", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = postgres is null ? null : "gk_bench_oversight_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            if (postgres is not null)
            {
                await ExecuteAsync(postgres, $"CREATE DATABASE {database}");
            }

            var results = await MeasureAsync(folder, postgres is null ? null : new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString);
            Console.WriteLine();
            Console.WriteLine($"summary ({(postgres is null ? "SQLite" : "PostgreSQL")}, {Requests:N0} requests and {Documents:N0} documents of myszf, load average {BenchMachine.LoadAverage()}):");
            foreach (var line in results)
            {
                Console.WriteLine("  " + line);
            }

            return 0;
        }
        finally
        {
            if (postgres is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            }

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

    private static async Task<List<string>> MeasureAsync(string folder, string? postgres)
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseContentRoot(BenchMachine.ApplicationFolder());
            builder.UseEnvironment("Production");
            builder.UseSetting("Gongkai:DataFolder", folder);
            if (postgres is not null)
            {
                builder.UseSetting("Gongkai:Database:Provider", "Postgres");
                builder.UseSetting("Gongkai:Database:ConnectionString", postgres);
            }

            builder.UseSetting("Gongkai:Demo:Seed", "true");
            builder.UseSetting("Gongkai:Demo:Password", "Bench-Oversight-2026");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        _ = factory.Server;

        var seeding = Stopwatch.StartNew();
        var body = await SeedAsync(factory.Services, postgres is not null);
        Console.WriteLine($"seeded {Requests:N0} requests and {Documents:N0} documents in {seeding.Elapsed.TotalSeconds:F1} s");

        var results = new List<string>();
        var report = await TimeAsync(10, async () =>
        {
            using var scope = factory.Services.CreateScope();
            var tables = await scope.ServiceProvider.GetRequiredService<AnnualReportDesk>().ComputeAsync(body, 2025, new Dictionary<string, decimal?>());
            if (tables.Line("new")?.Counts[^1] is not > 0)
            {
                throw new InvalidOperationException("table 三 is empty: the seed did not reach the report.");
            }
        });
        results.Add(Report($"annual report of {body.Code} 2025 (tables 二–四 computed, departments summed)", report, 1000));

        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, StaffRoles.SystemAdmin)], "bench"));
        var columns = 0;
        var inspection = await TimeAsync(10, async () =>
        {
            using var scope = factory.Services.CreateScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<SiteInspection>().InspectAsync(admin, null);
            columns = outcome.Value?.Result.Columns.Count ?? throw new InvalidOperationException("the inspection was refused");
        });
        results.Add(Report($"self-inspection of the whole site ({columns:N0} columns)", inspection, 5000));
        return results;
    }

    /// <summary>The requests (received in 2025, a quarter still open) and documents (published in leaf columns of
    /// myszf's catalogue) of the municipal government. Returns that body.</summary>
    private static async Task<Body> SeedAsync(IServiceProvider services, bool postgres)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var body = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Code == "myszf");
        var nodes = await db.Set<CatalogueNode>().AsNoTracking().Where(n => n.BodyId == body.Id).Select(n => new { n.Id, n.ParentId }).ToListAsync();
        var leaves = nodes.Where(n => nodes.All(c => c.ParentId != n.Id)).Select(n => n.Id).ToList();
        var types = RequestVocabulary.ApplicantTypes;
        var decisions = Gongkai.Requests.Rules.ReplyDecisions.All;
        var random = new Random(20261204);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < Requests; i++)
        {
            var received = new DateOnly(2025, 1, 2).AddDays(random.Next(0, 360));
            var isOpen = i % 4 == 0;
            var request = new DisclosureRequest
            {
                TrackingNumber = string.Create(CultureInfo.InvariantCulture, $"OVB-{i:D7}"),
                CodeHash = new string('0', 64), CodeSalt = "00", BodyId = body.Id, ApplicantType = types[random.Next(types.Count)],
                ApplicantName = "申请人" + (i % 5000).ToString(CultureInfo.InvariantCulture), IdType = "护照",
                IdNumber = "P" + (i % 20000).ToString("D8", CultureInfo.InvariantCulture), Phone = "13800000000",
                Description = "关于某项工作的第" + i.ToString(CultureInfo.InvariantCulture) + "号文件", Form = "electronic", Delivery = "online",
                Channel = "online", ReceivedOn = received, RegisteredBy = "bench", RuleSetCode = "2019",
                ClockState = isOpen ? "Running" : "Replied", IsClosed = !isOpen,
                DueOn = received.AddDays(28), Stage = isOpen ? RequestStage.Handling : RequestStage.Answered,
            };
            request.Events.Add(new RequestEventRecord { Type = "received", On = received, RecordedBy = "bench" });
            if (!isOpen)
            {
                request.Events.Add(new RequestEventRecord { Type = "replied", On = received.AddDays(random.Next(1, 27)), Decision = decisions[random.Next(decisions.Count)].Code, RecordedBy = "bench" });
            }

            RequestDesk.StampClosing(request, request.Events);
            db.Add(request);
            if (i % 5000 == 4999)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        for (var i = 0; i < Documents; i++)
        {
            var signed = new DateOnly(2019, 1, 2).AddDays(random.Next(0, 2550));
            var at = new DateTimeOffset(signed.AddDays(3).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
            db.Add(new Document
            {
                Title = "绵阳市人民政府关于第" + i.ToString(CultureInfo.InvariantCulture) + "项工作的通知", BodyId = body.Id,
                DocumentType = i % 5 == 0 ? DocumentCatalog.NormativeDocument : DocumentCatalog.Notice, Subject = "综合政务", SignedOn = signed,
                Validity = i % 50 == 0 ? DocumentValidity.Repealed : DocumentValidity.Valid, BodyHtml = "<p>正文。</p>", Status = DocumentStatus.Published,
                PublishedAt = at, CreatedAt = at, UpdatedAt = at, CatalogueNodeId = leaves[i % leaves.Count],
            });
            if (i % 5000 == 4999)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        if (postgres)
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE disclosure_requests");
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE disclosure_request_events");
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE documents");
        }

        return body;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<double>> TimeAsync(int runs, Func<Task> action)
    {
        for (var i = 0; i < 2; i++)
        {
            await action();
        }

        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static string Report(string what, List<double> times, double targetMs)
    {
        var sorted = times.Order().ToList();
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{what}: n={sorted.Count} median {P(0.5):F1} ms, p95 {P(0.95):F1} ms, max {sorted[^1]:F1} ms (target ≤ {targetMs} ms) — {(P(0.95) <= targetMs ? "met" : "NOT MET")}");
        Console.WriteLine(line);
        return line;
    }
}
