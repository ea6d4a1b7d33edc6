using System.Diagnostics;
using System.Globalization;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Import;
using Gongkai.Search;
using Gongkai.Search.Querying;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Bench;

/// <summary>
/// Publish-to-searchable through the application (issue 4 targets: p99 ≤ 1 s on one node, ≤ 3 s across two nodes):
/// <c>dotnet run -c Release --project bench/Gongkai.Bench -- search-visibility [--corpus &lt;folder&gt;] [postgres "&lt;admin connection&gt;"]</c>.
/// Hosts the real application in-process with demo data (optionally the corpus imported first), publishes documents
/// one at a time through <see cref="DocumentPublisher"/> and times each from the publish call until a search on the
/// observing node returns it (looked up by its 索引号, polled every 5 ms). One node: on SQLite, or on a new PostgreSQL
/// database when given one. Two nodes (PostgreSQL only): two hosts with their own data folders, node ids and indexes
/// on one database; A publishes, B is searched. Each sample waits a random 0–1 s first, so publications fall at every
/// point of the other node's poll cycle rather than right after it.
/// </summary>
internal static class SearchVisibility
{
    private const int Samples = 100;

    public static async Task<int> RunAsync(string? corpus, string? postgresAdmin)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gongkai-bench-visibility", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string? database = null;
        try
        {
            string provider = "Sqlite", connection = $"Data Source={Path.Combine(folder, "gongkai.db")}";
            if (postgresAdmin is not null)
            {
                database = "gk_visibility_" + Guid.NewGuid().ToString("N")[..12];
                await using (var admin = new NpgsqlConnection(postgresAdmin))
                {
                    await admin.OpenAsync();
                    await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
                    await create.ExecuteNonQueryAsync();
                }

                (provider, connection) = ("Postgres", new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = database }.ConnectionString);
            }

            Console.WriteLine($"database: {provider}; load average {BenchMachine.LoadAverage()}");
            await using var first = Node(folder, "node-a", provider, connection);
            await WaitUntilCaughtUpAsync(first.Services);
            if (corpus is not null)
            {
                await ImportAsync(first.Services, corpus);
                await WaitUntilCaughtUpAsync(first.Services);
            }

            var one = await MeasureAsync(first.Services, first.Services, 0, randomPause: false);
            Report("one node (publish and search on A)", one, 1000);
            if (postgresAdmin is null)
            {
                Console.WriteLine("two nodes: not measured (needs PostgreSQL: search-visibility postgres \"Host=…;Username=…;Database=postgres\")");
                return 0;
            }

            await using var second = Node(folder, "node-b", provider, connection);
            await WaitUntilCaughtUpAsync(second.Services);
            var two = await MeasureAsync(first.Services, second.Services, Samples, randomPause: true);
            Report("two nodes (publish on A, search on B)", two, 3000);
            return 0;
        }
        finally
        {
            if (database is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(postgresAdmin);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
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

    private static WebApplicationFactory<Program> Node(string folder, string name, string provider, string connection)
    {
        var data = Path.Combine(folder, name);
        Directory.CreateDirectory(data);
        return new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseContentRoot(BenchMachine.ApplicationFolder());
            builder.UseEnvironment("Production");
            builder.UseSetting("Gongkai:DataFolder", data);
            builder.UseSetting("Gongkai:NodeId", name);
            builder.UseSetting("Gongkai:Database:Provider", provider);
            builder.UseSetting("Gongkai:Database:ConnectionString", connection);
            builder.UseSetting("Gongkai:Demo:Seed", "true");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        });
    }

    private static async Task ImportAsync(IServiceProvider services, string corpus)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var body = ImportCommand.FindBody(await new BodyDirectory(db).LoadAsync(), null) ?? throw new InvalidOperationException("no government body to import into");
        var summary = await scope.ServiceProvider.GetRequiredService<DocumentImporter>().ImportAsync(corpus, body);
        Console.WriteLine($"imported {summary.Imported} documents in {watch.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>Waits until the node's index holds documents and has applied every change-log row.</summary>
    private static async Task WaitUntilCaughtUpAsync(IServiceProvider services)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var (documents, pending) = await scope.ServiceProvider.GetRequiredService<SearchService>().StatusAsync(scope.ServiceProvider.GetRequiredService<ChangeLogReader>(), CancellationToken.None);
            if (documents > 0 && pending == 0)
            {
                Console.WriteLine($"index caught up: {documents} documents after {watch.Elapsed.TotalSeconds:F1} s");
                return;
            }

            if (watch.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"the index did not catch up ({documents} documents, {pending} pending)");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<List<double>> MeasureAsync(IServiceProvider publisher, IServiceProvider searcher, int offset, bool randomPause)
    {
        var random = new Random(4);
        int bodyId;
        await using (var scope = publisher.CreateAsyncScope())
        {
            bodyId = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Body>().OrderBy(b => b.Id).Select(b => b.Id).FirstAsync();
        }

        var samples = new List<double>(Samples);
        for (var i = 0; i < Samples; i++)
        {
            if (randomPause)
            {
                await Task.Delay(random.Next(1000));
            }

            var number = (offset + i).ToString(CultureInfo.InvariantCulture);
            var started = Stopwatch.GetTimestamp();
            string indexNo;
            await using (var scope = publisher.CreateAsyncScope())
            {
                var document = await scope.ServiceProvider.GetRequiredService<DocumentPublisher>().PublishAsync(new DocumentDraft(
                    "关于萤火虫观测站第" + number + "号的通告", null, bodyId, DocumentCatalog.Types[0], DocumentCatalog.Subjects[0], null,
                    "萤火虫观测站第" + number + "号于夏季夜间开放。"));
                indexNo = document.IndexNo!;
            }

            while (true)
            {
                await using (var scope = searcher.CreateAsyncScope())
                {
                    var found = scope.ServiceProvider.GetRequiredService<SearchService>().Search(new SearchRequest(indexNo));
                    if (found.Items.Any(h => h.IndexNo == indexNo))
                    {
                        break;
                    }
                }

                if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"document {indexNo} not searchable after 30 s");
                }

                await Task.Delay(5);
            }

            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        samples.Sort();
        return samples;
    }

    private static void Report(string what, List<double> sorted, double targetP99)
    {
        var p99 = SearchLoad.Percentile(sorted, 0.99);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"publish-to-searchable, {what}, {sorted.Count} documents: p50 {SearchLoad.Percentile(sorted, 0.5):F0} ms, p99 {p99:F0} ms, max {sorted[^1]:F0} ms (target p99 ≤ {targetP99:F0} ms: {(p99 <= targetP99 ? "met" : "NOT met")}); load average {BenchMachine.LoadAverage()}"));
    }
}
