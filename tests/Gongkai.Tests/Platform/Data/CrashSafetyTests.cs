using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Platform.Data;
using Gongkai.OpenData.Contracts;
using Gongkai.Platform.Doctor;
using Gongkai.Publishing;
using Gongkai.Publishing.Import;
using Gongkai.Publishing.Rules;
using Gongkai.Requests;
using Gongkai.Search.Indexing;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Data;

/// <summary>
/// Crash safety as a suite (issue 23): the real executable (the built <c>Gongkai.dll</c> beside the tests, started with
/// <c>dotnet</c>) is killed with SIGKILL at seeded random points — the seed is printed and in every failure message;
/// <c>GONGKAI_CRASH_SEED</c> replays a run — of three kinds of work, at least <see cref="KillPoints"/> times each:
/// <list type="bullet">
/// <item>an <c>import</c> of Markdown files beside the running site, as an operator runs it, killed <b>inside a batch
/// transaction</b>: after the progress line of one batch, a random fraction of the time that batch took in the
/// previous cycle;</item>
/// <item>API publishing: documents drafted, submitted and passed through 初审, 复审 and 终审 with staff tokens, three in flight;</item>
/// <item>request handling: 依申请公开 applications filed through <c>POST /api/v1/requests</c> with an Idempotency-Key, three in flight.</item>
/// </list>
/// Each cycle starts the site and the import together and kills each mid-work: the import inside the batch aimed at,
/// the site a random moment after its first acknowledged write. After every cycle: every acknowledged write is there
/// (each file of a batch the import reported committed, every document at the stage last acknowledged, every filed
/// application), no document is half-written (an imported-looking document without its import record, an import
/// record without its published document, a file imported twice, and the <c>doctor</c> checks of the database: no public
/// document without its version, history, audit and change-log rows). At the end, with the site running: the
/// interrupted imports run once more over every file and leave each exactly once, every acknowledged application filed
/// again with its key returns the first filing, search catches up to exactly the database's published documents, and
/// the <c>doctor</c> verb finds nothing.
/// <para>Cheap on purpose (it is in the test command on both databases): small batches (<c>--batch-size</c>) of a small
/// generated fixture, so a kill lands inside a transaction and the database stays small; the import and the site run at
/// the same time, so a cycle costs about one process start.</para>
/// </summary>
public sealed partial class CrashSafetyTests(CrashSafetyTests.CrashSite site, ITestOutputHelper output) : IClassFixture<CrashSafetyTests.CrashSite>
{
    private const int KillPoints = 20;
    private const int ImportBatch = 20;
    private const int NewFilesPerCycle = 3 * ImportBatch;
    private const int PublishingWorkers = 3;
    private const int RequestWorkers = 3;
    private const string IndexFolder = "search-crash";
    private const string Body = "myszf";
    private const string ImportCategory = "崩溃测试";
    private const string ImportedTitle = "崩溃测试导入文件";
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(120);

    private static readonly Dictionary<string, string> SiteSettings = new()
    {
        ["Gongkai__Search__IndexFolder"] = IndexFolder,
        ["Requests__ApplyPerMinute"] = "100000",
        ["Requests__TrackPerMinute"] = "100000",
        // Each process lives for seconds: no profile-guided re-jitting, and one GC heap instead of one per core.
        ["DOTNET_TieredPGO"] = "0",
        ["DOTNET_gcServer"] = "0",
    };

    private readonly int _seed = Environment.GetEnvironmentVariable("GONGKAI_CRASH_SEED") is { Length: > 0 } fixedSeed
        ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
        : Random.Shared.Next();

    [Fact]
    public async Task Killed_at_random_points_of_import_publishing_and_requests_nothing_acknowledged_is_lost_and_nothing_is_half_written()
    {
        var random = new Random(_seed);
        output.WriteLine($"seed {_seed} (GONGKAI_CRASH_SEED={_seed} replays the kill points)");
        var stopwatch = Stopwatch.StartNew();
        var tokens = await site.TokensAsync();
        var sources = Path.Combine(site.Database.DataFolder, "crash-import");
        var publishing = new ConcurrentDictionary<int, int>();
        var requests = new ConcurrentBag<FiledApplication>();
        // How long each batch of a run took last time it was seen (batch 1 includes the importer's start-up reads).
        var batchTimes = new Dictionary<int, TimeSpan>();
        int importKills = 0, importKillsInAimedBatch = 0, siteKills = 0, cycle = 0;
        while (importKills < KillPoints || siteKills < KillPoints)
        {
            Check(cycle < KillPoints * 2, $"only {importKills} import kills and {siteKills} site kills mid-work in {cycle} cycles");
            var run = WriteImportRun(sources, cycle);
            // Drawn here, in order, so that a seed always gives the same kill points.
            // Batches 1–3 hold this cycle's new files, batch 4 the first of the previous cycle's again (cycle 0 has 3).
            var aimedBatch = random.Next(1, Math.Min(4, run.Batches.Count) + 1);
            var fraction = 0.1 + (0.8 * random.NextDouble());
            var siteDelay = random.Next(0, 250);
            var cycleTime = Stopwatch.StartNew();
            var importing = ImportUntilKilledAsync(run, aimedBatch, fraction, batchTimes);
            var serving = ServeUntilKilledAsync(tokens, cycle, siteDelay, publishing, requests);
            await Task.WhenAll(importing, serving);
            var import = await importing;
            importKills += import.Killed ? 1 : 0;
            importKillsInAimedBatch += import.Killed && import.BatchesReported == aimedBatch - 1 ? 1 : 0;
            siteKills += 1;
            await AssertAcknowledgedPresentAndNothingHalfWrittenAsync(cycle, run, import.BatchesReported, publishing, requests);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cycle {cycle}: import {(import.Killed ? "killed" : "finished")} after {import.BatchesReported} of {run.Batches.Count} batches (aimed inside batch {aimedBatch}, {fraction:P0} of {Estimate(batchTimes, aimedBatch).TotalMilliseconds:0} ms); site killed {siteDelay} ms after its first acknowledged write; {cycleTime.Elapsed.TotalSeconds:0.0} s"));
            cycle++;
        }

        var killing = stopwatch.Elapsed;
        await using (var app = await AppServer.StartAsync(site.Database, SiteSettings))
        {
            // The interrupted imports, run again over every file beside the running site: each file once, nothing twice.
            var all = WriteFinalImport(sources, cycle);
            var (exitCode, importOutput, importError) = await AppProcess.RunAsync(site.Database, "Production", SiteSettings, "import", all, "--body", Body);
            Check(exitCode == 0, $"the last import failed ({exitCode}):\n{importOutput}\n{importError}");
            await AssertEachImportedFileOnceAsync(cycle * NewFilesPerCycle);

            // Every acknowledged application, filed again with its key, is the first filing — no second case.
            using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            foreach (var filed in requests)
            {
                using var replay = await FileAsync(http, filed.Key, CancellationToken.None);
                Check(replay.StatusCode == HttpStatusCode.Created, $"replaying {filed.Key}: {(int)replay.StatusCode} {await replay.Content.ReadAsStringAsync()}");
                var body = await replay.Content.ReadFromJsonAsync<JsonElement>();
                Check(body.GetProperty("trackingNumber").GetString() == filed.TrackingNumber,
                    $"replaying {filed.Key} gave {body.GetProperty("trackingNumber").GetString()}, not {filed.TrackingNumber}");
            }

            // Search catches up and holds exactly what the database publishes (documents, and the open-data portal's
            // published records and datasets, which the demo city has too); doctor finds nothing to repair.
            var published = await InDbAsync(db => db.Set<Document>().CountAsync(d => d.Status == DocumentStatus.Published && d.IndexNo != null));
            var openData = 0;
            await using (var scope = site.Services.CreateAsyncScope())
            {
                await foreach (var _ in scope.ServiceProvider.GetRequiredService<PublishedOpenData>().AllSearchableAsync())
                {
                    openData++;
                }
            }

            await SearchCaughtUpAsync(http, published + openData);
            var (doctorExit, doctorOutput, doctorError) = await AppProcess.RunAsync(site.Database, "Production", SiteSettings, "doctor");
            Check(doctorExit == 0, $"doctor after {cycle} kill cycles:\n{doctorOutput}\n{doctorError}");
            Check(doctorOutput.Contains("检索索引的文件与数据库一致", StringComparison.Ordinal), $"doctor did not find search and database alike:\n{doctorOutput}");
            var counted = Regex.Match(doctorOutput, @"数据库中已发布的文件 (\d+) 件；检索索引（[^）]*）收录 (\d+) 件");
            Check(counted.Success && counted.Groups[1].Value == counted.Groups[2].Value, $"search and database count differently:\n{doctorOutput}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cycle} cycles: {importKills} import kills mid-import ({importKillsInAimedBatch} inside the batch aimed at), {siteKills} site kills; {publishing.Count(p => p.Value == Stage.Published)} documents published and {requests.Count} applications acknowledged before a kill; killing {killing.TotalSeconds:0.0} s, all {stopwatch.Elapsed.TotalSeconds:0.0} s"));
    }

    /// <summary>The stages of a document's way through the API, in order; the value acknowledged last is kept per document.</summary>
    private static class Stage
    {
        public const int Drafted = 1;
        public const int Submitted = 2;
        public const int FirstPassed = 3;
        public const int SecondPassed = 4;
        public const int Published = 5;

        public static DocumentStatus Status(int stage) => stage switch
        {
            Drafted => DocumentStatus.Draft,
            Submitted => DocumentStatus.AwaitingFirstReview,
            FirstPassed => DocumentStatus.AwaitingSecondReview,
            SecondPassed => DocumentStatus.AwaitingFinalReview,
            _ => DocumentStatus.Published,
        };
    }

    private sealed record FiledApplication(string Key, string TrackingNumber);

    /// <summary>One cycle's import: its folder and the source keys of each batch, in the importer's order.</summary>
    private sealed record ImportRun(string Folder, IReadOnlyList<IReadOnlyList<string>> Batches)
    {
        public int Files => Batches.Sum(b => b.Count);
    }

    private sealed record ImportResult(bool Killed, int BatchesReported);

    /// <summary>This cycle's run: its new files first (so the first batches are new work), then the previous cycle's files
    /// again — re-running the import that was interrupted. Files carry a <c>source</c> key, so a file imported from either
    /// folder is the same file.</summary>
    private static ImportRun WriteImportRun(string sources, int cycle)
    {
        var folder = Path.Combine(sources, string.Create(CultureInfo.InvariantCulture, $"run-{cycle:D3}"));
        WriteFiles(Path.Combine(folder, "a-new"), cycle);
        if (cycle > 0)
        {
            WriteFiles(Path.Combine(folder, "b-again"), cycle - 1);
        }

        // The importer's order: every Markdown file below the folder, by full path (ordinal), a batch at a time.
        var files = Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => SourceKeyOf(Path.GetFileName(Path.GetDirectoryName(f)!) == "a-new" ? cycle : cycle - 1, int.Parse(Path.GetFileNameWithoutExtension(f), CultureInfo.InvariantCulture)));
        return new ImportRun(folder, files.Chunk(ImportBatch).Select(b => (IReadOnlyList<string>)b).ToList());
    }

    private static string WriteFinalImport(string sources, int cycles)
    {
        var folder = Path.Combine(sources, "all");
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            WriteFiles(Path.Combine(folder, cycle.ToString("D3", CultureInfo.InvariantCulture)), cycle);
        }

        return folder;
    }

    private static void WriteFiles(string folder, int cycle)
    {
        Directory.CreateDirectory(folder);
        for (var i = 0; i < NewFilesPerCycle; i++)
        {
            File.WriteAllText(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{i:D4}.md")), string.Create(CultureInfo.InvariantCulture,
                $"---\ntitle: {ImportedTitle}第{cycle}批第{i}号\ncategory: {ImportCategory}\nissued: 2021-03-01\nsource: \"{SourceKeyOf(cycle, i)}\"\n---\n\n第{cycle}批第{i}号文件正文。\n"));
        }
    }

    private static string SourceKeyOf(int cycle, int file) => string.Create(CultureInfo.InvariantCulture, $"crash/{cycle}/{file}");

    private static TimeSpan Estimate(Dictionary<int, TimeSpan> batchTimes, int batch) =>
        batchTimes.TryGetValue(batch, out var seen) ? seen : batchTimes.Count > 0 ? batchTimes.Values.Max() : TimeSpan.FromMilliseconds(300);

    /// <summary>Runs the import verb beside the site and kills it inside batch <paramref name="aimedBatch"/>: once the
    /// progress line of the batch before it is printed (each batch prints one after its commit; batch 1's window opens
    /// with the “0/N” line), it waits <paramref name="fraction"/> of the time that batch took when last seen. Returns
    /// whether it was killed before finishing, and how many batches it had reported committed.</summary>
    private async Task<ImportResult> ImportUntilKilledAsync(ImportRun run, int aimedBatch, double fraction, Dictionary<int, TimeSpan> batchTimes)
    {
        var start = AppProcess.StartInfo(site.Database, "Production", SiteSettings, "import", run.Folder, "--body", Body,
            "--batch-size", ImportBatch.ToString(CultureInfo.InvariantCulture));
        using var process = new Process { StartInfo = start };
        var progress = new ImportProgressLines(run.Files);
        process.OutputDataReceived += (_, e) => progress.Add(e.Data);
        process.ErrorDataReceived += (_, e) => progress.AddError(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var opened = await progress.WaitForBatchesAsync(aimedBatch - 1, Stall);
        if (opened is null && !process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Check(false, $"the import reported no batch {aimedBatch - 1} in {Stall.TotalSeconds:0} s:\n{progress.Text}");
        }

        var killed = false;
        if (opened is not null)
        {
            await Task.Delay(Estimate(batchTimes, aimedBatch) * fraction);
            killed = !process.HasExited;
            if (killed)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        await process.WaitForExitAsync(); // also waits for the output streams to end, so every line printed is read
        Check(killed || process.ExitCode == 0, $"the import failed on its own ({process.ExitCode}):\n{progress.Text}");
        foreach (var (batch, took) in progress.BatchTimes())
        {
            batchTimes[batch] = took;
        }

        return new ImportResult(killed, progress.BatchesReported);
    }

    /// <summary>The import verb's output as it arrives: each progress line “[###---] done/total” is printed after a batch
    /// commits, and the moment it was read is kept.</summary>
    private sealed partial class ImportProgressLines(int total)
    {
        private readonly Lock _gate = new();
        private readonly List<string> _lines = [];
        private readonly List<(int Done, TimeSpan At)> _reported = [];
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _ended;

        public int BatchesReported
        {
            get
            {
                lock (_gate)
                {
                    return _reported.Count == 0 ? 0 : BatchesIn(_reported[^1].Done);
                }
            }
        }

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return string.Join('\n', _lines);
                }
            }
        }

        public void Add(string? line) => Append(line, progress: true);

        public void AddError(string? line) => Append(line, progress: false);

        private void Append(string? line, bool progress)
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                _ended |= line is null && progress;
                if (line is not null)
                {
                    _lines.Add(line);
                    if (progress && ProgressLine().Match(line) is { Success: true } match
                        && int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) == total)
                    {
                        _reported.Add((int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), _clock.Elapsed));
                    }
                }

                changed = _changed;
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.TrySetResult();
        }

        /// <summary>When the line saying <paramref name="batches"/> batches are committed was read (0: the “0/N” line), or
        /// null if the output ended first or nothing came within <paramref name="stall"/>.</summary>
        public async Task<TimeSpan?> WaitForBatchesAsync(int batches, TimeSpan stall)
        {
            var deadline = _clock.Elapsed + stall;
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    var seen = _reported.FindIndex(r => BatchesIn(r.Done) >= batches);
                    if (seen >= 0)
                    {
                        return _reported[seen].At;
                    }

                    if (_ended)
                    {
                        return null;
                    }

                    changed = _changed.Task;
                }

                var left = deadline - _clock.Elapsed;
                if (left <= TimeSpan.Zero || await Task.WhenAny(changed, Task.Delay(left)) != changed)
                {
                    return null;
                }
            }
        }

        /// <summary>How long each batch took, from the line before it to its own (only batches that finished with a line).</summary>
        public List<(int Batch, TimeSpan Took)> BatchTimes()
        {
            lock (_gate)
            {
                return _reported.Zip(_reported.Skip(1))
                    .Where(p => BatchesIn(p.Second.Done) == BatchesIn(p.First.Done) + 1)
                    .Select(p => (BatchesIn(p.Second.Done), p.Second.At - p.First.At))
                    .ToList();
            }
        }

        private static int BatchesIn(int done) => (done + ImportBatch - 1) / ImportBatch;

        [GeneratedRegex(@"\] (\d+)/(\d+) ")]
        private static partial Regex ProgressLine();
    }

    /// <summary>Starts the site, publishes and files with several clients at once and kills the site <paramref name="delay"/>
    /// ms after the first acknowledged write.</summary>
    private async Task ServeUntilKilledAsync(Tokens tokens, int cycle, int delay, ConcurrentDictionary<int, int> publishing, ConcurrentBag<FiledApplication> requests)
    {
        var app = await AppServer.StartAsync(site.Database, SiteSettings);
        var firstWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var workers = new List<Task>();
        try
        {
            for (var w = 0; w < PublishingWorkers; w++)
            {
                workers.Add(PublishAsync(app.BaseAddress, tokens, $"{cycle}-{w}", publishing, firstWrite, stop.Token));
            }

            for (var w = 0; w < RequestWorkers; w++)
            {
                workers.Add(FileUntilStoppedAsync(app.BaseAddress, requests, firstWrite, stop.Token));
            }

            var first = await Task.WhenAny(firstWrite.Task, Task.Delay(Stall), Task.WhenAll(workers));
            Check(first == firstWrite.Task, $"no write was acknowledged in cycle {cycle}:\n{app.Output}{Failures(workers)}");
            await Task.Delay(delay);
        }
        finally
        {
            // SIGKILL (Process.Kill on Linux), then let the clients see their connections drop.
            await app.DisposeAsync();
            await stop.CancelAsync();
            await Task.WhenAll(workers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        Check(workers.All(w => !w.IsFaulted), $"a client failed before the kill:{Failures(workers)}");
    }

    private static string Failures(IEnumerable<Task> workers) =>
        string.Concat(workers.Where(w => w.IsFaulted).Select(w => "\n" + w.Exception?.InnerException));

    /// <summary>Documents taken from draft to published, one step after another; each 2xx is recorded before the next
    /// step. Anything but a 2xx before the kill is a failure; a dropped connection is the kill.</summary>
    private static async Task PublishAsync(Uri site, Tokens tokens, string worker, ConcurrentDictionary<int, int> acknowledged,
        TaskCompletionSource firstWrite, CancellationToken stop)
    {
        using var editor = Client(site, tokens.Editor);
        using var first = Client(site, tokens.FirstReviewer);
        using var second = Client(site, tokens.SecondReviewer);
        using var final = Client(site, tokens.FinalReviewer);
        for (var n = 0; ; n++)
        {
            var draft = new CreateDocumentRequest(new DocumentInput(
                $"关于崩溃测试第{worker}组第{n}号事项的通知", null, DocumentCatalog.Notice, "综合政务", new DateOnly(2026, 1, 5), $"<p>第{worker}组第{n}号通知正文。</p>"));
            using var created = await Step(() => editor.PostAsJsonAsync("/api/v1/documents/", draft, stop));
            if (created is null)
            {
                return;
            }

            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("id").GetInt32();
            Acknowledge(id, Stage.Drafted);
            foreach (var (client, path, body, stage) in new (HttpClient, string, object?, int)[]
            {
                (editor, "submit", null, Stage.Submitted),
                (first, "review/first", new ReviewRequest("approve", null), Stage.FirstPassed),
                (second, "review/second", new ReviewRequest("approve", null), Stage.SecondPassed),
                (final, "review/final", new ReviewRequest("approve", "同意"), Stage.Published),
            })
            {
                using var response = await Step(() => body is null
                    ? client.PostAsync(new Uri($"/api/v1/documents/{id}/{path}", UriKind.Relative), null, stop)
                    : client.PostAsJsonAsync($"/api/v1/documents/{id}/{path}", body, stop));
                if (response is null)
                {
                    return;
                }

                Acknowledge(id, stage);
            }
        }

        void Acknowledge(int id, int stage)
        {
            acknowledged[id] = stage;
            firstWrite.TrySetResult();
        }

        async Task<HttpResponseMessage?> Step(Func<Task<HttpResponseMessage>> send)
        {
            var response = await SendAsync(send, stop);
            if (response is { IsSuccessStatusCode: false })
            {
                throw new InvalidOperationException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
            }

            return response;
        }
    }

    private static async Task FileUntilStoppedAsync(Uri site, ConcurrentBag<FiledApplication> acknowledged, TaskCompletionSource firstWrite, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = site, Timeout = TimeSpan.FromSeconds(60) };
        while (true)
        {
            var key = Guid.NewGuid().ToString("N");
            using var response = await SendAsync(() => FileAsync(http, key, stop), stop);
            if (response is null)
            {
                return;
            }

            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"filing: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
            }

            var filed = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None);
            acknowledged.Add(new FiledApplication(key, filed.GetProperty("trackingNumber").GetString() ?? ""));
            firstWrite.TrySetResult();
        }
    }

    /// <summary>The same application for a key, so a replay is the same request.</summary>
    private static Task<HttpResponseMessage> FileAsync(HttpClient http, string key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/requests", UriKind.Relative))
        {
            Content = JsonContent.Create(new Dictionary<string, string>
            {
                ["applicantType"] = "自然人", ["name"] = "张三", ["idType"] = "居民身份证", ["idNumber"] = "11010519491231002x",
                ["phone"] = "0816-2345678", ["email"] = "zhangsan@example.cn", ["address"] = "绵阳市涪城区某路1号",
                ["description"] = $"崩溃测试申请公开2024年老旧小区改造项目清单（{key}）", ["form"] = "electronic", ["delivery"] = "email", ["body"] = Body,
            }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return http.SendAsync(request, cancellationToken);
    }

    /// <summary>The response, or null when the site went away (the kill) or the cycle stopped.</summary>
    private static async Task<HttpResponseMessage?> SendAsync(Func<Task<HttpResponseMessage>> send, CancellationToken stop)
    {
        if (stop.IsCancellationRequested)
        {
            return null;
        }

        try
        {
            var response = await send();
            return stop.IsCancellationRequested && !response.IsSuccessStatusCode ? null : response;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }

    private static HttpClient Client(Uri site, string token)
    {
        var client = new HttpClient { BaseAddress = site, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>After a cycle's kills: what was acknowledged is there, and nothing is half there.</summary>
    private async Task AssertAcknowledgedPresentAndNothingHalfWrittenAsync(int cycle, ImportRun run, int batchesReported,
        ConcurrentDictionary<int, int> publishing, ConcurrentBag<FiledApplication> requests)
    {
        // Import: every file of a batch the import reported committed has its record.
        var reported = run.Batches.Take(batchesReported).SelectMany(b => b).ToList();
        var records = await InDbAsync(db => db.Set<ImportedDocument>().Where(i => i.SourceKey.StartsWith("crash/"))
            .Select(i => new { i.SourceKey, i.DocumentId }).ToListAsync());
        var lost = reported.Except(records.Select(r => r.SourceKey)).ToList();
        Check(lost.Count == 0, $"cycle {cycle}: {lost.Count} files of the {batchesReported} batches the import reported committed are gone, e.g. {string.Join(", ", lost.Take(5))}");

        // Import: no half-written batch — each imported-looking document has one record and is published, each record
        // names such a document, and no file is there twice.
        var imported = await InDbAsync(db => db.Set<Document>().Where(d => d.Title.StartsWith(ImportedTitle))
            .Select(d => new { d.Id, d.Title, d.Status, d.IndexNo }).ToListAsync());
        var recorded = records.GroupBy(r => r.DocumentId).ToDictionary(g => g.Key, g => g.Count());
        var unrecorded = imported.Where(d => recorded.GetValueOrDefault(d.Id) != 1).ToList();
        Check(unrecorded.Count == 0, $"cycle {cycle}: {unrecorded.Count} imported documents without exactly one import record (a batch half-written), e.g. {string.Join("、", unrecorded.Take(5).Select(d => $"{d.Title} ({d.Status})"))}");
        var unpublished = imported.Where(d => d.Status != DocumentStatus.Published || d.IndexNo is null).ToList();
        Check(unpublished.Count == 0, $"cycle {cycle}: {unpublished.Count} imported documents are not published, e.g. {string.Join("、", unpublished.Take(5).Select(d => $"{d.Title} ({d.Status})"))}");
        var orphans = records.Count(r => !imported.Any(d => d.Id == r.DocumentId));
        Check(orphans == 0, $"cycle {cycle}: {orphans} import records name no imported document");
        var twice = imported.GroupBy(d => d.Title).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Check(twice.Count == 0, $"cycle {cycle}: {twice.Count} files imported twice, e.g. {string.Join("、", twice.Take(5))}");

        // Publishing: every document at (at least) the stage last acknowledged; published ones with their 索引号.
        var ids = publishing.Keys.ToList();
        var documents = await InDbAsync(db => db.Set<Document>().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Status, d.IndexNo }).ToListAsync());
        var states = documents.ToDictionary(d => d.Id);
        foreach (var (id, stage) in publishing)
        {
            Check(states.TryGetValue(id, out var document), $"cycle {cycle}: document {id}, acknowledged at stage {stage}, is gone");
            var expected = Stage.Status(stage);
            Check(stage == Stage.Published ? document?.Status == DocumentStatus.Published && document.IndexNo is not null : document?.Status >= expected,
                $"cycle {cycle}: document {id} acknowledged as {expected} is {document?.Status}");
        }

        // Requests: every acknowledged application.
        var numbers = requests.Select(r => r.TrackingNumber).ToList();
        var filed = await InDbAsync(db => db.Set<DisclosureRequest>().Where(r => numbers.Contains(r.TrackingNumber)).Select(r => r.TrackingNumber).ToListAsync());
        var missing = numbers.Except(filed).ToList();
        Check(missing.Count == 0, $"cycle {cycle}: acknowledged applications are gone: {string.Join(", ", missing.Take(5))}");

        // And what doctor checks in the database: no public document without its version, 发布 history, audit and
        // change-log rows, no import record shared or repeated. (Its search check runs at the end, in the doctor verb:
        // the index is the killed site's, and catching up is the next start's work.)
        await using var scope = site.Services.CreateAsyncScope();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var report = new DoctorReport(text);
        foreach (var check in scope.ServiceProvider.GetServices<IDoctorCheck>().Where(c => c is not SearchIndexDoctorCheck).OrderBy(c => c.Order))
        {
            await report.HeadingAsync(check.Title);
            await check.RunAsync(report, repair: false, CancellationToken.None);
        }

        Check(report.Problems == 0, $"cycle {cycle}: doctor's database checks found {report.Problems} problems:\n{text}");
    }

    private async Task AssertEachImportedFileOnceAsync(int files)
    {
        var records = await InDbAsync(db => db.Set<ImportedDocument>().Where(i => i.SourceKey.StartsWith("crash/")).Select(i => i.DocumentId).ToListAsync());
        Check(records.Count == files, $"{records.Count} import records for {files} files");
        Check(records.Distinct().Count() == files, "two import records name one document");
        var titles = await InDbAsync(db => db.Set<Document>().Where(d => d.Title.StartsWith(ImportedTitle)).Select(d => new { d.Title, d.Status }).ToListAsync());
        var twice = titles.GroupBy(t => t.Title).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Check(twice.Count == 0, $"{twice.Count} files imported twice, e.g. {string.Join("、", twice.Take(5))}");
        Check(titles.Count == files && titles.All(t => t.Status == DocumentStatus.Published), $"{titles.Count(t => t.Status == DocumentStatus.Published)} of {files} imported files published");
    }

    private async Task SearchCaughtUpAsync(HttpClient http, int published)
    {
        var deadline = DateTime.UtcNow + Stall;
        while (true)
        {
            var status = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/search/status", UriKind.Relative));
            var (documents, pending) = (status.GetProperty("documents").GetInt32(), status.GetProperty("pending").GetInt32());
            if (pending == 0 && documents == published)
            {
                return;
            }

            Check(DateTime.UtcNow < deadline, $"search holds {documents} items with {pending} changes pending; the database publishes {published}");
            await Task.Delay(200);
        }
    }

    private async Task<T> InDbAsync<T>(Func<GongkaiDbContext, Task<T>> query)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>());
    }

    private void Check(bool condition, string message) => Assert.True(condition, $"seed {_seed} (rerun with GONGKAI_CRASH_SEED={_seed}): {message}");

    public sealed record Tokens(string Editor, string FirstReviewer, string SecondReviewer, string FinalReviewer);

    /// <summary>The demo city's database, held by an in-process host with background work off: it reads the database
    /// between kills, runs doctor's database checks and creates the staff tokens; the real executable does all the work.</summary>
    public sealed class CrashSite : GongkaiFactory
    {
        private Tokens? _tokens;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Gongkai:Jobs:Enabled"] = "false" };

        public async Task<Tokens> TokensAsync()
        {
            if (_tokens is not null)
            {
                return _tokens;
            }

            await using var scope = Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var service = scope.ServiceProvider.GetRequiredService<AccessTokenService>();
            async Task<string> TokenOf(string prefix)
            {
                var user = await users.FindByNameAsync($"{prefix}.{Body}") ?? throw new InvalidOperationException($"no demo account {prefix}.{Body}");
                return (await service.CreateAsync(user, "崩溃测试", null)).Secret;
            }

            return _tokens = new Tokens(await TokenOf("editor"), await TokenOf("reviewer1"), await TokenOf("reviewer2"), await TokenOf("reviewer3"));
        }
    }
}
