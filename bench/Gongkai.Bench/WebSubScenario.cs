using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Gongkai.Channels.WebSub;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Bench;

/// <summary>
/// Issue 20's WebSub target: 1,000 subscribers of one topic receive a publication within 10 s.
/// <c>dotnet run -c Release --project bench/Gongkai.Bench -- websub [subscribers]</c>. The application runs in-process on
/// SQLite (temporary folder, demo data); a local Kestrel receiver serves one callback path per subscriber
/// (<c>/cb/{n}</c>: answers the verification challenge, records each delivery's arrival); loopback is allowed by
/// configuration (<c>Gongkai:OutboundHttp:AllowedHosts</c>) exactly as the host tests do. Every subscriber subscribes
/// through the hub (<c>POST /websub/hub</c>) and is verified by the hub's verify jobs; then one document is published
/// and the time until the last subscriber has it is measured, three times.
/// </summary>
internal static class WebSubScenario
{
    private const string Topic = "http://localhost/feeds/atom.xml";

    public static async Task<int> RunAsync(string[] args)
    {
        var subscribers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var folder = Path.Combine(Path.GetTempPath(), "gongkai-bench-websub", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var received = new ConcurrentDictionary<int, DateTime>();
        string? marker = null;
        var receiverBuilder = WebApplication.CreateSlimBuilder();
        receiverBuilder.Logging.ClearProviders();
        receiverBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var receiver = receiverBuilder.Build();
        receiver.MapGet("/cb/{n:int}", (int n, HttpContext http) => Results.Text(http.Request.Query["hub.challenge"].ToString(), "text/plain"));
        receiver.MapPost("/cb/{n:int}", async (int n, HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (marker is { } wanted && body.Contains(wanted, StringComparison.Ordinal))
            {
                received.TryAdd(n, DateTime.UtcNow);
            }

            return Results.NoContent();
        });
        await receiver.StartAsync();
        var receiverAddress = new Uri(receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
            {
                builder.UseContentRoot(BenchMachine.ApplicationFolder());
                builder.UseEnvironment("Production");
                builder.UseSetting("Gongkai:DataFolder", folder);
                builder.UseSetting("Gongkai:Demo:Seed", "true");
                builder.UseSetting("Logging:LogLevel:Default", "Warning");
                builder.UseSetting("Gongkai:OutboundHttp:AllowedHosts:0", "127.0.0.1");
                builder.UseSetting("Gongkai:Jobs:PollInterval", "00:00:01");
                builder.UseSetting("Gongkai:Channels:WebSub:RequestsPerMinute", "100000");
            });
            using var client = factory.CreateClient();
            var results = new List<string>();

            var subscribing = Stopwatch.StartNew();
            for (var n = 0; n < subscribers; n++)
            {
                using var response = await client.PostAsync(new Uri("/websub/hub", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["hub.mode"] = "subscribe", ["hub.topic"] = Topic, ["hub.callback"] = new Uri(receiverAddress, $"/cb/{n}").AbsoluteUri, ["hub.secret"] = $"secret-{n}",
                }));
                if (response.StatusCode != System.Net.HttpStatusCode.Accepted)
                {
                    throw new InvalidOperationException($"subscription {n} refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }

            var requested = subscribing.Elapsed;
            while (Subscriptions(factory) < subscribers)
            {
                if (subscribing.Elapsed > TimeSpan.FromMinutes(15))
                {
                    throw new TimeoutException($"only {Subscriptions(factory)} of {subscribers} subscriptions verified in 15 minutes");
                }

                await Task.Delay(200);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{subscribers} subscription requests accepted in {requested.TotalSeconds:F1} s; all verified (challenge answered) after {subscribing.Elapsed.TotalSeconds:F1} s"));

            int bodyId;
            using (var scope = factory.Services.CreateScope())
            {
                bodyId = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Body>().Where(b => b.Code == "myszf").Select(b => b.Id).SingleAsync();
            }

            for (var run = 1; run <= 3; run++)
            {
                received.Clear();
                marker = $"推送基准测试{run}-{Guid.NewGuid():N}";
                var published = DateTime.UtcNow;
                var watch = Stopwatch.StartNew();
                await using (var scope = factory.Services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<DocumentPublisher>().PublishAsync(
                        new DocumentDraft("关于" + marker + "的通知", null, bodyId, DocumentCatalog.Notice, "综合政务", null, "为测量 WebSub 推送而发布。"));
                }

                var committed = watch.Elapsed;
                while (received.Count < subscribers && watch.Elapsed < TimeSpan.FromSeconds(120))
                {
                    await Task.Delay(20);
                }

                var times = received.Values.Select(t => (t - published).TotalSeconds).OrderBy(t => t).ToList();
                if (times.Count == 0)
                {
                    throw new InvalidOperationException("no subscriber received the publication within 120 s");
                }

                var last = times[^1];
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"run {run}: {times.Count}/{subscribers} subscribers received it; first after {times[0]:F2} s, half after {times[times.Count / 2]:F2} s, last after {last:F2} s (publication committed after {committed.TotalSeconds:F2} s; target all within 10 s) — {(times.Count == subscribers && last <= 10 ? "met" : "NOT MET")}");
                Console.WriteLine(line);
                results.Add(line);
                await Task.Delay(1000);
            }

            Console.WriteLine();
            Console.WriteLine($"summary (SQLite, load average {BenchMachine.LoadAverage()}):");
            results.ForEach(r => Console.WriteLine("  " + r));
            return 0;
        }
        finally
        {
            await receiver.StopAsync();
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

    private static int Subscriptions(WebApplicationFactory<Program> factory)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<WebSubSubscription>().Count(s => s.Topic == Topic);
    }
}
