using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Import;
using Gongkai.Publishing.Rules;
using Gongkai.Requests;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Data;

/// <summary>
/// Crash safety as a suite (issue 23): the real executable is killed with SIGKILL at random points — seeded, the seed in
/// every failure message (<c>GONGKAI_CRASH_SEED</c> replays a run) — of three kinds of work, and restarted:
/// <list type="bullet">
/// <item>an <c>import</c> of a batch of Markdown files (the verb, beside the running site, as an operator runs it);</item>
/// <item>API publishing: documents drafted, submitted and passed through 初审, 复审 and 终审 with staff tokens, several in flight;</item>
/// <item>request handling: 依申请公开 applications filed through <c>POST /api/v1/requests</c> with an Idempotency-Key, several in flight.</item>
/// </list>
/// Each cycle runs the import, then the site, and kills each a random tens–hundreds of milliseconds after its first
/// acknowledged write, so one cycle is a kill point of all three. After every kill, every acknowledged write must be
/// there (a 2xx received, an import record seen committed). At the end the interrupted import runs again over every
/// file and creates no duplicate, a replayed application returns the first filing, search holds exactly the database's
/// published documents once it has caught up, and <c>doctor</c> finds nothing: no published document without its version,
/// history, audit and change-log rows.
/// </summary>
public sealed class CrashSafetyTests(CrashSafetyTests.CrashSite site, ITestOutputHelper output) : IClassFixture<CrashSafetyTests.CrashSite>
{
    private const int KillPoints = 20;
    private const int NewFilesPerCycle = 250;
    private const int PublishingWorkers = 3;
    private const int RequestWorkers = 3;
    private const string IndexFolder = "search-crash";
    private const string Body = "myszf";
    private const string ImportCategory = "崩溃测试";

    private static readonly Dictionary<string, string> SiteSettings = new()
    {
        ["Gongkai__Search__IndexFolder"] = IndexFolder,
        ["Requests__ApplyPerMinute"] = "100000",
        ["Requests__TrackPerMinute"] = "100000",
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
        int importKills = 0, serverKills = 0, cycle = 0;
        while (importKills < KillPoints || serverKills < KillPoints)
        {
            Check(cycle < KillPoints * 3, $"only {importKills} import kills and {serverKills} site kills in {cycle} cycles");
            var folder = WriteImportRun(sources, cycle);
            var importDelay = random.Next(20, 400);
            var serverDelay = random.Next(20, 400);
            // One after the other: an import competing with six API clients for SQLite's single writer can wait minutes.
            var (importKilled, acknowledgedImports) = await ImportUntilKilledAsync(folder, importDelay);
            importKills += importKilled ? 1 : 0;
            serverKills += await ServeUntilKilledAsync(tokens, cycle, serverDelay, publishing, requests) ? 1 : 0;
            await AssertAcknowledgedWritesPresentAsync(cycle, acknowledgedImports, publishing, requests);
            cycle++;
        }

        var killing = stopwatch.Elapsed;
        await using (var app = await AppServer.StartAsync(site.Database, SiteSettings))
        {
            // The interrupted imports, run again over every file: each file once, nothing twice.
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

            // Search catches up and holds exactly what the database publishes; doctor finds nothing to repair.
            var published = await InDbAsync(db => db.Set<Document>().CountAsync(d => d.Status == DocumentStatus.Published && d.IndexNo != null));
            await SearchCaughtUpAsync(http, published);
            var (doctorExit, doctorOutput, doctorError) = await AppProcess.RunAsync(site.Database, "Production", SiteSettings, "doctor");
            Check(doctorExit == 0, $"doctor after {cycle} kill cycles:\n{doctorOutput}\n{doctorError}");
            Check(doctorOutput.Contains("检索索引的文件与数据库一致", StringComparison.Ordinal), $"doctor did not find search and database alike:\n{doctorOutput}");
            var counted = Regex.Match(doctorOutput, @"数据库中已发布的文件 (\d+) 件；检索索引（[^）]*）收录 (\d+) 件");
            Check(counted.Success && counted.Groups[1].Value == counted.Groups[2].Value, $"search and database count differently:\n{doctorOutput}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cycle} cycles: {importKills} import kills, {serverKills} site kills; {publishing.Count(p => p.Value == Stage.Published)} documents published and {requests.Count} applications acknowledged before a kill; killing {killing.TotalSeconds:0.0} s, all {stopwatch.Elapsed.TotalSeconds:0.0} s"));
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

    /// <summary>This cycle's run: its new files first (so the first commit is new work), then the previous cycle's files
    /// again — re-running the import that was interrupted. Files carry a <c>source</c> key, so a file imported from either
    /// folder is the same file.</summary>
    private static string WriteImportRun(string sources, int cycle)
    {
        var folder = Path.Combine(sources, string.Create(CultureInfo.InvariantCulture, $"run-{cycle:D3}"));
        WriteFiles(Path.Combine(folder, "a-new"), cycle);
        if (cycle > 0)
        {
            WriteFiles(Path.Combine(folder, "b-again"), cycle - 1);
        }

        return folder;
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
                $"---\ntitle: 崩溃测试导入文件第{cycle}批第{i}号\ncategory: {ImportCategory}\nissued: 2021-03-01\nsource: \"crash/{cycle}/{i}\"\n---\n\n第{cycle}批第{i}号文件正文。\n"));
        }
    }

    /// <summary>Runs the import verb and kills it <paramref name="delay"/> ms after the first import record is seen
    /// committed. Returns whether it was killed before finishing, and the source keys seen committed just before the kill.</summary>
    private async Task<(bool Killed, IReadOnlyList<string> Acknowledged)> ImportUntilKilledAsync(string folder, int delay)
    {
        var before = await ImportedCountAsync();
        using var process = Process.Start(AppProcess.StartInfo(site.Database, "Production", SiteSettings, "import", folder, "--body", Body))
            ?? throw new InvalidOperationException("could not start the import");
        var drained = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (!process.HasExited && await ImportedCountAsync() == before)
        {
            if (DateTime.UtcNow > deadline)
            {
                process.Kill(entireProcessTree: true);
                var written = await drained;
                Check(false, $"the import wrote nothing in 120 s:\n{written[0]}\n{written[1]}");
            }

            await Task.Delay(10);
        }

        if (process.HasExited)
        {
            await drained;
            return (false, []);
        }

        await Task.Delay(delay);
        var acknowledged = await InDbAsync(db => db.Set<ImportedDocument>().Where(i => i.SourceKey.StartsWith("crash/")).Select(i => i.SourceKey).ToListAsync());
        var killed = !process.HasExited;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        var streams = await drained;
        Check(killed || process.ExitCode == 0, $"the import failed on its own ({process.ExitCode}):\n{streams[0]}\n{streams[1]}");
        return (killed, acknowledged);
    }

    private Task<int> ImportedCountAsync() => InDbAsync(db => db.Set<ImportedDocument>().CountAsync(i => i.SourceKey.StartsWith("crash/")));

    /// <summary>Starts the site, publishes and files with several clients at once and kills the site <paramref name="delay"/>
    /// ms after the first acknowledged write. Returns whether a write had been acknowledged (a kill point mid-work).</summary>
    private async Task<bool> ServeUntilKilledAsync(Tokens tokens, int cycle, int delay, ConcurrentDictionary<int, int> publishing, ConcurrentBag<FiledApplication> requests)
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

            var first = await Task.WhenAny(firstWrite.Task, Task.Delay(TimeSpan.FromSeconds(60)), Task.WhenAll(workers));
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
        return true;
    }

    private static string Failures(IEnumerable<Task> workers) =>
        string.Concat(workers.Where(w => w.IsFaulted).Select(w => "\n" + w.Exception!.InnerException));

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
            acknowledged.Add(new FiledApplication(key, filed.GetProperty("trackingNumber").GetString()!));
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

    private async Task AssertAcknowledgedWritesPresentAsync(int cycle, IReadOnlyList<string> imports, ConcurrentDictionary<int, int> publishing, ConcurrentBag<FiledApplication> requests)
    {
        var present = await InDbAsync(db => db.Set<ImportedDocument>().Where(i => i.SourceKey.StartsWith("crash/")).Select(i => i.SourceKey).ToListAsync());
        var lost = imports.Except(present).ToList();
        Check(lost.Count == 0, $"cycle {cycle}: {lost.Count} import records seen committed before the kill are gone, e.g. {string.Join(", ", lost.Take(5))}");

        var ids = publishing.Keys.ToList();
        var documents = await InDbAsync(db => db.Set<Document>().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Status, d.IndexNo }).ToListAsync());
        var states = documents.ToDictionary(d => d.Id);
        foreach (var (id, stage) in publishing)
        {
            Check(states.TryGetValue(id, out var document), $"cycle {cycle}: document {id}, acknowledged at stage {stage}, is gone");
            var expected = Stage.Status(stage);
            Check(stage == Stage.Published ? document!.Status == DocumentStatus.Published && document.IndexNo is not null : document!.Status >= expected,
                $"cycle {cycle}: document {id} acknowledged as {expected} is {document.Status}");
        }

        var numbers = requests.Select(r => r.TrackingNumber).ToList();
        var filed = await InDbAsync(db => db.Set<DisclosureRequest>().Where(r => numbers.Contains(r.TrackingNumber)).Select(r => r.TrackingNumber).ToListAsync());
        var missing = numbers.Except(filed).ToList();
        Check(missing.Count == 0, $"cycle {cycle}: acknowledged applications are gone: {string.Join(", ", missing.Take(5))}");
    }

    private async Task AssertEachImportedFileOnceAsync(int files)
    {
        var records = await InDbAsync(db => db.Set<ImportedDocument>().Where(i => i.SourceKey.StartsWith("crash/")).Select(i => i.DocumentId).ToListAsync());
        Check(records.Count == files, $"{records.Count} import records for {files} files");
        Check(records.Distinct().Count() == files, "two import records name one document");
        var titles = await InDbAsync(db => db.Set<Document>().Where(d => d.Title.StartsWith("崩溃测试导入文件")).Select(d => new { d.Title, d.Status }).ToListAsync());
        var twice = titles.GroupBy(t => t.Title).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Check(twice.Count == 0, $"{twice.Count} files imported twice, e.g. {string.Join("、", twice.Take(5))}");
        Check(titles.Count == files && titles.All(t => t.Status == DocumentStatus.Published), $"{titles.Count(t => t.Status == DocumentStatus.Published)} of {files} imported files published");
    }

    private async Task SearchCaughtUpAsync(HttpClient http, int published)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            var status = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/search/status", UriKind.Relative));
            var (documents, pending) = (status.GetProperty("documents").GetInt32(), status.GetProperty("pending").GetInt32());
            if (pending == 0 && documents == published)
            {
                return;
            }

            Check(DateTime.UtcNow < deadline, $"search holds {documents} documents with {pending} changes pending; the database publishes {published}");
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
    /// between kills and creates the staff tokens; the real executable does all the work.</summary>
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
