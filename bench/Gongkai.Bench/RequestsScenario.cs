using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Requests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Bench;

/// <summary>
/// The request desk at scale: 100,000 requests in a fresh database, measured through the real application hosted
/// in-process. Wall-clock scenarios, not micro-benchmarks, so they run outside BenchmarkDotNet:
/// <c>dotnet run -c Release --project bench/Gongkai.Bench -- requests</c> (SQLite in a temporary folder) or
/// <c>… -- requests postgres "Host=127.0.0.1;Port=5544;Username=gongkai;Database=postgres"</c> (a throwaway database
/// is created through that connection and dropped afterwards).
/// Targets (issue 5): officer queue page p95 ≤ 100 ms; recomputing every open request after a calendar change ≤ 10 s;
/// table 三 for a body-year ≤ 200 ms. Every target is printed with its measurement and whether it is met.
/// </summary>
internal static partial class RequestsScenario
{
    private const int Total = 100_000;
    private const string Password = "Bench-Requests-2026";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("href=\"/admin/requests\\?after=([^\"]+)\" rel=\"next\"")]
    private static partial Regex NextPagePattern();

    /// <summary><paramref name="args"/>: <c>requests</c>, or <c>requests postgres "&lt;admin connection string&gt;"</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = args is [_, "postgres", var connection] ? connection : null;
        if (args is not ([_] or [_, "sqlite"]) && postgres is null)
        {
            await Console.Error.WriteLineAsync("usage: requests [sqlite | postgres \"<connection string allowed to create databases>\"]");
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), "gongkai-bench-requests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = postgres is null ? null : "gk_bench_requests_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            if (postgres is not null)
            {
                await ExecuteAsync(postgres, $"CREATE DATABASE {database}");
            }

            var results = await MeasureAsync(folder, postgres is null ? null : new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString);
            Console.WriteLine();
            Console.WriteLine($"summary ({(postgres is null ? "SQLite" : "PostgreSQL")}, {Total:N0} requests, load average {BenchMachine.LoadAverage()}):");
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
            builder.UseSetting("Gongkai:Demo:Password", Password);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var seeding = Stopwatch.StartNew();
        var (bodyCode, open) = await SeedAsync(factory.Services, postgres is not null);
        Console.WriteLine($"seeded {Total:N0} requests ({open:N0} open) in {seeding.Elapsed.TotalSeconds:F1} s");

        var results = new List<string>();
        await SignInAsync(client, "officer.myszf");
        var firstPage = await client.GetStringAsync(new Uri("/admin/requests", UriKind.Relative));
        var after = NextPagePattern().Match(firstPage).Groups[1].Value;
        if (after.Length == 0)
        {
            throw new InvalidOperationException("The queue's first page has no 下一页 link.");
        }

        var queue = await TimeAsync(60, async () => await EnsureOkAsync(await client.GetAsync(new Uri("/admin/requests", UriKind.Relative))));
        results.Add(Report("officer queue page /admin/requests (HTTP, officer.myszf, first page)", queue, 100));
        var next = await TimeAsync(60, async () => await EnsureOkAsync(await client.GetAsync(new Uri("/admin/requests?after=" + after, UriKind.Relative))));
        results.Add(Report("officer queue page, 下一页 (?after=…)", next, 100));
        var overdue = await TimeAsync(60, async () => await EnsureOkAsync(await client.GetAsync(new Uri("/admin/requests?view=overdue", UriKind.Relative))));
        results.Add(Report("overdue list /admin/requests?view=overdue (HTTP)", overdue, 100));

        var statistics = await TimeAsync(30, async () => await EnsureOkAsync(await client.GetAsync(new Uri($"/api/v1/requests/statistics?body={bodyCode}&year=2025", UriKind.Relative))));
        results.Add(Report($"table 三 + 四 for {bodyCode} 2025 (HTTP API)", statistics, 200));

        using (var scope = factory.Services.CreateScope())
        {
            var recomputer = scope.ServiceProvider.GetServices<IChangeLogFollower>().OfType<DeadlineRecomputer>().Single();
            var watch = Stopwatch.StartNew();
            var changed = await recomputer.RecomputeOpenAsync();
            watch.Stop();
            var seconds = watch.Elapsed.TotalSeconds;
            results.Add(string.Create(CultureInfo.InvariantCulture,
                $"recompute every open request ({open:N0}, {changed:N0} due dates changed): {seconds:F2} s (target ≤ 10 s) — {(seconds <= 10 ? "met" : "NOT MET")}"));
            Console.WriteLine(results[^1]);
        }

        return results;
    }

    /// <summary>100,000 requests over the bodies and 2024–2025: a quarter open, the rest replied, each with its receipt
    /// and reply events and the closing outcome stamped as the desk stamps it. Returns the municipal body's code and the
    /// open count. On PostgreSQL the tables are then vacuumed and analysed, as autovacuum would leave a live database.</summary>
    private static async Task<(string BodyCode, int Open)> SeedAsync(IServiceProvider services, bool postgres)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var bodies = await db.Set<Body>().OrderBy(b => b.Id).Select(b => new { b.Id, b.Code }).ToListAsync();
        var types = RequestVocabulary.ApplicantTypes;
        var decisions = Gongkai.Requests.Rules.ReplyDecisions.All;
        var random = new Random(20260101);
        var open = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < Total; i++)
        {
            var received = new DateOnly(2024, 1, 2).AddDays(random.Next(0, 690));
            var isOpen = i % 4 == 0;
            // Half the requests go to the municipal government, so its officer's queue is the heavy one.
            var body = i % 2 == 0 ? bodies[0] : bodies[1 + random.Next(bodies.Count - 1)];
            var request = new DisclosureRequest
            {
                TrackingNumber = string.Create(CultureInfo.InvariantCulture, $"BEN-{i:D7}"),
                CodeHash = new string('0', 64), CodeSalt = "00", BodyId = body.Id, ApplicantType = types[random.Next(types.Count)],
                ApplicantName = "申请人" + (i % 5000).ToString(CultureInfo.InvariantCulture), IdType = "护照",
                IdNumber = "P" + (i % 20000).ToString("D8", CultureInfo.InvariantCulture), Phone = "13800000000",
                Description = "关于某项工作的第" + i.ToString(CultureInfo.InvariantCulture) + "号文件及其附件", Form = "electronic", Delivery = "online",
                Channel = "online", ReceivedOn = received, RegisteredBy = "bench", RuleSetCode = "2019",
                ClockState = isOpen ? "Running" : "Replied", IsClosed = !isOpen,
                DueOn = received.AddDays(28), Stage = isOpen ? RequestStage.Handling : RequestStage.Answered,
            };
            request.Events.Add(new RequestEventRecord { Type = "received", On = received, RecordedBy = "bench" });
            if (isOpen)
            {
                open++;
            }
            else
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

        if (postgres)
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE disclosure_requests");
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE disclosure_request_events");
        }

        return (bodies[0].Code, open);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task SignInAsync(HttpClient client, string userName)
    {
        var form = await client.GetStringAsync(new Uri("/admin/sign-in", UriKind.Relative));
        var token = WebUtility.HtmlDecode(TokenPattern().Match(form).Groups[1].Value);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = Password, ["__RequestVerificationToken"] = token,
        });
        var response = await client.PostAsync(new Uri("/admin/sign-in", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in failed: {response.StatusCode}");
        }
    }

    private static async Task EnsureOkAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {response.StatusCode}");
        }

        await response.Content.ReadAsByteArrayAsync();
        response.Dispose();
    }

    private static async Task<List<double>> TimeAsync(int runs, Func<Task> action)
    {
        for (var i = 0; i < 5; i++)
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

    /// <summary>Prints one measurement with its target and verdict, and returns the line for the summary.</summary>
    private static string Report(string what, List<double> times, double targetMs)
    {
        var sorted = times.Order().ToList();
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{what}: n={sorted.Count} median {P(0.5):F1} ms, p95 {P(0.95):F1} ms, max {sorted[^1]:F1} ms (target p95 ≤ {targetMs} ms) — {(P(0.95) <= targetMs ? "met" : "NOT MET")}");
        Console.WriteLine(line);
        return line;
    }
}
