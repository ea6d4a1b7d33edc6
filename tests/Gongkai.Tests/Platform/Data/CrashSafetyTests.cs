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
/// the site while its six clients wait for answers — once the cycle has had a write acknowledged and the run its share
/// of full publications and filings (so that at least <see cref="MinAcknowledged"/> of each are acknowledged over the
/// run, which is asserted), a random number of writes later, a random fraction of the time between two answers on.
/// A client that gets anything but a 2xx, or no answer, before the kill fails the test at once with what it got.
/// After every cycle: every acknowledged write is there (each file of a batch the import reported committed, every document at the stage last acknowledged, every filed
/// application), no document is half-written (an imported-looking document without its import record, an import
/// record without its published document, a file imported twice, and the <c>doctor</c> checks of the database: no public
/// document without its version, history, audit and change-log rows). At the end, with the site running: the
/// interrupted imports run once more over every file and leave each exactly once, every acknowledged application filed
/// again with its key returns the first filing, every acknowledged publication is served under its 索引号, search catches up to exactly the database's published documents, and
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
    /// <summary>Publications and filings acknowledged (and found after the restart) over the run, at least: each
    /// cycle's kill waits until the run has had its share of them (<see cref="SiteKill"/>).</summary>
    private const int MinAcknowledged = 10;
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

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
        var work = new SiteWork();
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
            // The site dies once the run has had its share of publications and filings so far (so that at least
            // MinAcknowledged of each are acknowledged by the last kill), a few writes later, between two answers.
            var share = (int)Math.Ceiling(MinAcknowledged * Math.Min(cycle + 1, KillPoints) / (double)KillPoints);
            var siteKill = new SiteKill(share, share, random.Next(0, 9), random.NextDouble());
            var cycleTime = Stopwatch.StartNew();
            var importing = ImportUntilKilledAsync(run, aimedBatch, fraction, batchTimes);
            var serving = ServeUntilKilledAsync(tokens, cycle, siteKill, work);
            await Task.WhenAll(importing, serving);
            var (import, served) = (await importing, await serving);
            importKills += import.Killed ? 1 : 0;
            importKillsInAimedBatch += import.Killed && import.BatchesReported == aimedBatch - 1 ? 1 : 0;
            siteKills += 1;
            var killed = cycleTime.Elapsed;
            await AssertAcknowledgedPresentAndNothingHalfWrittenAsync(cycle, run, import.BatchesReported, work);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cycle {cycle}: import {(import.Killed ? "killed" : "finished")} after {import.BatchesReported} of {run.Batches.Count} batches (aimed inside batch {aimedBatch}, {fraction:P0} of {Estimate(batchTimes, aimedBatch).TotalMilliseconds:0} ms) at {import.Elapsed.TotalSeconds:0.0} s; "
                + $"site up in {served.Start.TotalSeconds:0.0} s, killed {served.Serving.TotalSeconds:0.0} s later ({served.KillDelay.TotalMilliseconds:0} ms after write {served.Writes}: {served.Published} publications, {served.Filed} filings in this cycle; run {work.Published}/{work.Filed}); "
                + $"checks {(cycleTime.Elapsed - killed).TotalSeconds:0.0} s; cycle {cycleTime.Elapsed.TotalSeconds:0.0} s"));
            cycle++;
        }

        // The kills waited for them, so this holds unless a kill point was skipped; each was found after its kill.
        Check(work.Published >= MinAcknowledged && work.Filed >= MinAcknowledged,
            $"only {work.Published} publications and {work.Filed} filings were acknowledged before the kills (at least {MinAcknowledged} of each wanted)");
        var killing = stopwatch.Elapsed;
        await using (var app = await AppServer.StartAsync(site.Database, SiteSettings))
        {
            // The interrupted imports, run again over every file beside the running site: each file once, nothing twice.
            // Meanwhile the restarted site is asked for what its clients had acknowledged before the kills.
            var all = WriteFinalImport(sources, cycle);
            var finalImport = AppProcess.RunAsync(site.Database, "Production", SiteSettings, "import", all, "--body", Body);
            using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = RequestTimeout };

            // Every acknowledged application, filed again with its key, is the first filing — no second case.
            await Parallel.ForEachAsync(work.Requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (filed, _) =>
            {
                using var replay = await FileAsync(http, filed.Key, CancellationToken.None);
                Check(replay.StatusCode == HttpStatusCode.Created, $"replaying {filed.Key}: {(int)replay.StatusCode} {await replay.Content.ReadAsStringAsync(CancellationToken.None)}");
                var body = await replay.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None);
                Check(body.GetProperty("trackingNumber").GetString() == filed.TrackingNumber,
                    $"replaying {filed.Key} gave {body.GetProperty("trackingNumber").GetString()}, not {filed.TrackingNumber}");
            });

            // Every acknowledged publication is served by the restarted site under its 索引号.
            var publishedIds = work.Publishing.Where(p => p.Value == Stage.Published).Select(p => p.Key).ToList();
            var indexNumbers = await InDbAsync(db => db.Set<Document>().Where(d => publishedIds.Contains(d.Id)).Select(d => d.IndexNo!).ToListAsync());
            Check(indexNumbers.Count == publishedIds.Count, $"{publishedIds.Count - indexNumbers.Count} of {publishedIds.Count} acknowledged publications are gone");
            await Parallel.ForEachAsync(indexNumbers, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (indexNo, _) =>
            {
                using var served = await http.GetAsync(new Uri($"/api/v1/documents/{indexNo}", UriKind.Relative), CancellationToken.None);
                Check(served.StatusCode == HttpStatusCode.OK, $"the acknowledged publication {indexNo} answers {(int)served.StatusCode} after the kills");
            });

            var (exitCode, importOutput, importError) = await finalImport;
            Check(exitCode == 0, $"the last import failed ({exitCode}):\n{importOutput}\n{importError}");
            await AssertEachImportedFileOnceAsync(cycle * NewFilesPerCycle);

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
            $"{cycle} cycles: {importKills} import kills mid-import ({importKillsInAimedBatch} inside the batch aimed at), {siteKills} site kills; {work.Published} documents published and {work.Filed} applications acknowledged before a kill, each found after it; killing {killing.TotalSeconds:0.0} s, all {stopwatch.Elapsed.TotalSeconds:0.0} s"));
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

    private sealed record ImportResult(bool Killed, int BatchesReported, TimeSpan Elapsed);

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
        var started = Stopwatch.StartNew();
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

        return new ImportResult(killed, progress.BatchesReported, started.Elapsed);
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

    /// <summary>What the site's clients had acknowledged: every document's last acknowledged stage and every filed
    /// application over the run, and the writes of the cycle under way (with when they came, to aim a kill between
    /// them). Every acknowledgement wakes whoever waits on <see cref="Changed"/>.</summary>
    private sealed class SiteWork
    {
        private readonly Lock _gate = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly List<TimeSpan> _cycleAcks = [];
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _published;
        private volatile bool _killing;

        public ConcurrentDictionary<int, int> Publishing { get; } = new();

        public ConcurrentBag<FiledApplication> Requests { get; } = [];

        public int Published => Volatile.Read(ref _published);

        public int Filed => Requests.Count;

        /// <summary>Set just before the kill: from then on a dropped connection is the kill, not a failure.</summary>
        public bool Killing => _killing;

        public Task Changed
        {
            get
            {
                lock (_gate)
                {
                    return _changed.Task;
                }
            }
        }

        public int CycleWrites
        {
            get
            {
                lock (_gate)
                {
                    return _cycleAcks.Count;
                }
            }
        }

        /// <summary>The mean time between two acknowledgements in this cycle (all clients together), or 100 ms before two.</summary>
        public TimeSpan Interval
        {
            get
            {
                lock (_gate)
                {
                    return _cycleAcks.Count < 2 ? TimeSpan.FromMilliseconds(100) : (_cycleAcks[^1] - _cycleAcks[0]) / (_cycleAcks.Count - 1);
                }
            }
        }

        public void StartCycle()
        {
            lock (_gate)
            {
                _cycleAcks.Clear();
                _killing = false;
            }
        }

        public void StartKilling() => _killing = true;

        public void Stage(int id, int stage)
        {
            Publishing[id] = stage;
            if (stage == CrashSafetyTests.Stage.Published)
            {
                Interlocked.Increment(ref _published);
            }

            Acknowledged();
        }

        public void Filing(FiledApplication filed)
        {
            Requests.Add(filed);
            Acknowledged();
        }

        /// <summary>Wakes the waiter without an acknowledgement (a client ended).</summary>
        public void Wake()
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                changed = _changed;
                _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.TrySetResult();
        }

        private void Acknowledged()
        {
            lock (_gate)
            {
                _cycleAcks.Add(_clock.Elapsed);
            }

            Wake();
        }
    }

    /// <summary>Where a site cycle's kill lands: after the run has had <paramref name="Published"/> publications and
    /// <paramref name="Filed"/> filings acknowledged (and the cycle at least one write), <paramref name="ExtraWrites"/>
    /// further acknowledgements and then <paramref name="Fraction"/> of the mean time between two — with every client
    /// in the middle of a request.</summary>
    private sealed record SiteKill(int Published, int Filed, int ExtraWrites, double Fraction);

    private sealed record SiteResult(TimeSpan Start, TimeSpan Serving, int Writes, int Published, int Filed, TimeSpan KillDelay);

    /// <summary>Starts the site, publishes and files with several clients at once and kills it at <paramref name="kill"/>.
    /// A client that fails, or a request unanswered for a minute, fails the test at once with what it got; a site that
    /// does not reach the kill point within <see cref="Stall"/> fails it with the counts it reached.</summary>
    private async Task<SiteResult> ServeUntilKilledAsync(Tokens tokens, int cycle, SiteKill kill, SiteWork work)
    {
        var starting = Stopwatch.StartNew();
        var app = await AppServer.StartAsync(site.Database, SiteSettings);
        var started = starting.Elapsed;
        var (publishedBefore, filedBefore) = (work.Published, work.Filed);
        work.StartCycle();
        using var stop = new CancellationTokenSource();
        var workers = new List<Task>();
        var killDelay = TimeSpan.Zero;
        try
        {
            for (var w = 0; w < PublishingWorkers; w++)
            {
                workers.Add(Watched(PublishAsync(app.BaseAddress, tokens, $"{cycle}-{w}", work, stop.Token)));
            }

            for (var w = 0; w < RequestWorkers; w++)
            {
                workers.Add(Watched(FileUntilStoppedAsync(app.BaseAddress, work, stop.Token)));
            }

            var deadline = Stopwatch.StartNew();
            await WaitAsync(() => work.CycleWrites >= 1 && work.Published >= kill.Published && work.Filed >= kill.Filed,
                () => $"the run's {kill.Published} publications and {kill.Filed} filings and one write in this cycle");
            var writes = work.CycleWrites + kill.ExtraWrites;
            await WaitAsync(() => work.CycleWrites >= writes, () => $"{writes} writes in this cycle");
            killDelay = work.Interval * kill.Fraction;
            await Task.Delay(killDelay);

            async Task WaitAsync(Func<bool> reached, Func<string> what)
            {
                while (true)
                {
                    var changed = work.Changed;
                    // The clients only stop when the kill stops them: one that ended before failed (or gave up silently).
                    Check(!workers.Any(w => w.IsCompleted), $"cycle {cycle}: a client stopped before the kill:{Failures(workers)}\n{app.Output}");
                    if (reached())
                    {
                        return;
                    }

                    var left = Stall - deadline.Elapsed;
                    Check(left > TimeSpan.Zero, string.Create(CultureInfo.InvariantCulture,
                        $"cycle {cycle}: in {Stall.TotalSeconds:0} s the site did not reach the kill point (waiting for {what()}): {work.CycleWrites} writes acknowledged in this cycle, {work.Published} publications and {work.Filed} filings in the run\n{app.Output}"));
                    await Task.WhenAny(changed, Task.Delay(left));
                }
            }
        }
        finally
        {
            // SIGKILL (Process.Kill on Linux) while the clients wait for answers, then let them see their connections drop.
            work.StartKilling();
            await app.DisposeAsync();
            await stop.CancelAsync();
            await Task.WhenAll(workers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        Check(workers.All(w => !w.IsFaulted), $"cycle {cycle}: a client failed:{Failures(workers)}");
        return new SiteResult(started, starting.Elapsed - started, work.CycleWrites, work.Published - publishedBefore, work.Filed - filedBefore, killDelay);

        async Task Watched(Task client)
        {
            try
            {
                await client;
            }
            finally
            {
                work.Wake();
            }
        }
    }

    private static string Failures(IEnumerable<Task> workers) =>
        string.Concat(workers.Where(w => w.IsCompleted && !w.IsCompletedSuccessfully).Select(w => "\n" + (w.IsCanceled ? "a client was cancelled" : w.Exception?.InnerException?.ToString())));

    /// <summary>Documents taken from draft to published, one step after another; each 2xx is recorded before the next
    /// step. Anything but a 2xx before the kill is a failure; a dropped connection is the kill.</summary>
    private static async Task PublishAsync(Uri site, Tokens tokens, string worker, SiteWork work, CancellationToken stop)
    {
        using var editor = Client(site, tokens.Editor);
        using var first = Client(site, tokens.FirstReviewer);
        using var second = Client(site, tokens.SecondReviewer);
        using var final = Client(site, tokens.FinalReviewer);
        for (var n = 0; ; n++)
        {
            var draft = new CreateDocumentRequest(new DocumentInput(
                $"关于崩溃测试第{worker}组第{n}号事项的通知", null, DocumentCatalog.Notice, "综合政务", new DateOnly(2026, 1, 5), $"<p>第{worker}组第{n}号通知正文。</p>"));
            using var created = await Step("起草 (editor)", () => editor.PostAsJsonAsync("/api/v1/documents/", draft, stop));
            if (created is null)
            {
                return;
            }

            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(stop)).GetProperty("id").GetInt32();
            work.Stage(id, Stage.Drafted);
            foreach (var (client, path, body, stage, who) in new (HttpClient, string, object?, int, string)[]
            {
                (editor, "submit", null, Stage.Submitted, "editor"),
                (first, "review/first", new ReviewRequest("approve", null), Stage.FirstPassed, "reviewer1 (初审)"),
                (second, "review/second", new ReviewRequest("approve", null), Stage.SecondPassed, "reviewer2 (复审)"),
                (final, "review/final", new ReviewRequest("approve", "同意"), Stage.Published, "reviewer3 (终审)"),
            })
            {
                using var response = await Step($"{path} of document {id} by {who}", () => body is null
                    ? client.PostAsync(new Uri($"/api/v1/documents/{id}/{path}", UriKind.Relative), null, stop)
                    : client.PostAsJsonAsync($"/api/v1/documents/{id}/{path}", body, stop));
                if (response is null)
                {
                    return;
                }

                work.Stage(id, stage);
            }
        }

        async Task<HttpResponseMessage?> Step(string what, Func<Task<HttpResponseMessage>> send)
        {
            var response = await SendAsync(what, send, work);
            if (response is { IsSuccessStatusCode: false })
            {
                throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
            }

            return response;
        }
    }

    private static async Task FileUntilStoppedAsync(Uri site, SiteWork work, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = site, Timeout = RequestTimeout };
        while (true)
        {
            var key = Guid.NewGuid().ToString("N");
            using var response = await SendAsync($"filing {key}", () => FileAsync(http, key, stop), work);
            if (response is null)
            {
                return;
            }

            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"filing {key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
            }

            var filed = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None);
            work.Filing(new FiledApplication(key, filed.GetProperty("trackingNumber").GetString() ?? ""));
        }
    }

    /// <summary>The same application for a key, so a replay is the same request. Awaited inside the <c>using</c>: a
    /// request message disposed while the send is under way has its body disposed before it is written, which fails
    /// the send (an <see cref="HttpRequestException"/>, once mistaken here for the kill: no filing was ever acknowledged).</summary>
    private static async Task<HttpResponseMessage> FileAsync(HttpClient http, string key, CancellationToken cancellationToken)
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
        return await http.SendAsync(request, cancellationToken);
    }

    /// <summary>The response, or null once the kill has begun and the request went with the site (a dropped connection,
    /// or an error answer as it went down). Before the kill, a failed or unanswered request is the test's failure, said
    /// plainly — never a silent end of the client.</summary>
    private static async Task<HttpResponseMessage?> SendAsync(string what, Func<Task<HttpResponseMessage>> send, SiteWork work)
    {
        if (work.Killing)
        {
            return null;
        }

        try
        {
            var response = await send();
            return work.Killing && !response.IsSuccessStatusCode ? null : response;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException)
        {
            if (work.Killing)
            {
                return null;
            }

            throw new InvalidOperationException(exception is TaskCanceledException
                ? $"{what}: no answer within {RequestTimeout.TotalSeconds:0} s before the kill"
                : $"{what}: the request failed before the kill: {exception.Message}", exception);
        }
    }

    private static HttpClient Client(Uri site, string token)
    {
        var client = new HttpClient { BaseAddress = site, Timeout = RequestTimeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>After a cycle's kills: what was acknowledged is there, and nothing is half there.</summary>
    private async Task AssertAcknowledgedPresentAndNothingHalfWrittenAsync(int cycle, ImportRun run, int batchesReported, SiteWork work)
    {
        var (publishing, requests) = (work.Publishing, work.Requests);
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
            await Task.Delay(50);
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
