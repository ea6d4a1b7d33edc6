using System.Diagnostics;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Publishing.Import;
using Gongkai.Transparency.Log;
using Gongkai.Transparency.Rules;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Bench;

/// <summary>
/// <c>transparency [--corpus folder] [--leaves n] [postgres "connection"]</c>: the public log on a real database.
/// With a corpus: imports it, times the sequencer catching up (append cost per publication, in the follower's
/// batches) and <c>log verify</c> over it. Then appends leaves one unit of work at a time (the cost a single
/// publication adds), grows the log to <c>n</c> leaves, and times inclusion and consistency proofs read from the
/// database (p50/p95/p99).
/// </summary>
internal static class TransparencyScenario
{
    public static async Task<int> RunAsync(string[] options)
    {
        string? Option(string name) => Array.IndexOf(options, name) is var at and >= 0 && at + 1 < options.Length ? options[at + 1] : null;
        var corpus = Option("--corpus");
        var leaves = long.Parse(Option("--leaves") ?? "200000", System.Globalization.CultureInfo.InvariantCulture);
        var postgres = Option("postgres");
        var folder = Directory.CreateTempSubdirectory("gongkai-log-bench-").FullName;
        try
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
                builder.UseSetting("Logging:LogLevel:Default", "Warning");
            });
            using var client = factory.CreateClient();
            var services = factory.Services;

            if (corpus is not null)
            {
                await ImportAndVerifyAsync(services, corpus);
            }

            // Stop the background writers: from here on the log grows by this scenario only.
            await StopBackgroundAsync(factory);
            await SingleAppendsAsync(services, 2000);
            await GrowAsync(services, leaves);
            await ProofsAsync(services);
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

    private static async Task ImportAndVerifyAsync(IServiceProvider services, string corpus)
    {
        var watch = Stopwatch.StartNew();
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var body = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Code == "myfgw");
            var summary = await scope.ServiceProvider.GetRequiredService<DocumentImporter>().ImportAsync(corpus, body);
            Console.WriteLine($"imported {summary.Imported:N0} documents in {watch.Elapsed.TotalSeconds:F1} s");
        }

        // The sequencer (a change-log follower) has been appending meanwhile; time until it has caught up.
        watch.Restart();
        long size;
        int versions;
        do
        {
            await Task.Delay(200);
            using var scope = services.CreateScope();
            size = await scope.ServiceProvider.GetRequiredService<TransparencyLog>().SizeAsync();
            versions = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Gongkai.Publishing.DocumentVersion>().CountAsync();
        }
        while (size < versions);
        Console.WriteLine($"sequencer caught up: {size:N0} leaves, {watch.Elapsed.TotalSeconds:F1} s after the import finished");

        using (var scope = services.CreateScope())
        {
            watch.Restart();
            var result = await scope.ServiceProvider.GetRequiredService<LogVerifier>().VerifyAsync();
            Console.WriteLine($"log verify: {(result.Passed ? "passed" : "FAILED")}, {result.Leaves:N0} leaves, {result.Versions:N0} versions, {result.Heads} heads in {watch.Elapsed.TotalSeconds:F2} s");
        }
    }

    private static async Task StopBackgroundAsync(WebApplicationFactory<Program> factory)
    {
        foreach (var hosted in factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Reverse())
        {
            if (hosted.GetType().Name is "ChangeLogPump" or "JobRunner")
            {
                await hosted.StopAsync(CancellationToken.None);
            }
        }
    }

    private static LogEntryContent Synthetic(long i) => new("document", $"99999999-9/2099-{i:D8}", 1, $"基准测试文件 {i}",
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i))), DateTimeOffset.UnixEpoch.AddSeconds(i), $"/documents/99999999-9/2099-{i:D8}");

    /// <summary>One leaf per unit of work, as the sequencer does for a lone publication: read the size, read the left
    /// siblings, insert the leaf and its nodes, commit.</summary>
    private static async Task SingleAppendsAsync(IServiceProvider services, int count)
    {
        var times = new List<double>();
        for (var i = 0; i < count; i++)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var log = scope.ServiceProvider.GetRequiredService<TransparencyLog>();
            var watch = Stopwatch.StartNew();
            await log.AppendAsync([Synthetic(1_000_000_000 + i)], 0, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"append, one leaf per commit ({count:N0}): {Percentiles(times)}");

        // The same commits without the log: one change-log row each, the least a publication writes anyway.
        var baseline = new List<double>();
        for (var i = 0; i < count; i++)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var watch = Stopwatch.StartNew();
            db.RecordChange(Gongkai.Transparency.TransparencyChanges.LeavesAppended, "bench");
            await db.SaveChangesAsync();
            baseline.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"baseline, one change-log row per commit ({count:N0}): {Percentiles(baseline)}");
    }

    private static async Task GrowAsync(IServiceProvider services, long target)
    {
        var watch = Stopwatch.StartNew();
        long size;
        using (var scope = services.CreateScope())
        {
            size = await scope.ServiceProvider.GetRequiredService<TransparencyLog>().SizeAsync();
        }

        var start = size;
        while (size < target)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = Enumerable.Range(0, (int)Math.Min(1000, target - size)).Select(i => Synthetic(size + i)).ToList();
            size = await scope.ServiceProvider.GetRequiredService<TransparencyLog>().AppendAsync(batch, 0, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        Console.WriteLine($"grew the log from {start:N0} to {size:N0} leaves in batches of 1,000: {watch.Elapsed.TotalSeconds:F1} s ({watch.Elapsed.TotalMilliseconds / Math.Max(1, size - start) * 1000:F0} µs per leaf)");
    }

    private static async Task ProofsAsync(IServiceProvider services)
    {
        long size;
        using (var scope = services.CreateScope())
        {
            size = await scope.ServiceProvider.GetRequiredService<TransparencyLog>().SizeAsync();
        }

        var random = new Random(6962);
        var inclusion = new List<double>();
        var consistency = new List<double>();
        for (var i = 0; i < 1000; i++)
        {
            using var scope = services.CreateScope();
            var log = scope.ServiceProvider.GetRequiredService<TransparencyLog>();
            var leaf = random.NextInt64(size);
            var watch = Stopwatch.StartNew();
            var path = await log.InclusionProofAsync(leaf, size);
            inclusion.Add(watch.Elapsed.TotalMilliseconds);
            if (path.Count == 0)
            {
                throw new InvalidOperationException("empty proof");
            }

            var first = random.NextInt64(1, size);
            watch.Restart();
            await log.ConsistencyProofAsync(first, size);
            consistency.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"inclusion proof from the database, {size:N0} leaves (1,000 random): {Percentiles(inclusion)}");
        Console.WriteLine($"consistency proof from the database, {size:N0} leaves (1,000 random): {Percentiles(consistency)}");
    }

    private static string Percentiles(List<double> times)
    {
        var sorted = times.Order().ToList();
        double At(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        return $"p50 {At(0.50):F2} ms, p95 {At(0.95):F2} ms, p99 {At(0.99):F2} ms";
    }
}
