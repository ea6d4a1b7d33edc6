using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Tests.Channels;

/// <summary>A content delivery as the subscriber received it.</summary>
public sealed record ReceivedDelivery(DateTime ReceivedAtUtc, string ContentType, byte[] Body, string? Signature, string? Link);

/// <summary>
/// A real WebSub subscriber: Kestrel on a loopback port. It confirms a verification whose mode it expects by echoing
/// the challenge, records every verification and every delivery. <see cref="Failing"/> answers deliveries with 500;
/// <see cref="HoldNextDelivery"/> keeps the next delivery's connection open without answering until the hub drops it.
/// </summary>
public sealed class TestSubscriber : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _hold;

    private TestSubscriber(WebApplication app) => _app = app;

    public ConcurrentQueue<IQueryCollection> Verifications { get; } = new();

    public ConcurrentQueue<ReceivedDelivery> Deliveries { get; } = new();

    /// <summary>Deliveries that arrived while held (never answered).</summary>
    public ConcurrentQueue<DateTime> Held { get; } = new();

    public bool Failing { get; set; }

    /// <summary>The verification modes this subscriber confirms (it refuses others: no intent).</summary>
    public HashSet<string> Confirms { get; } = ["subscribe", "unsubscribe"];

    public Uri Callback { get; private set; } = null!;

    public void HoldNextDelivery() => Interlocked.Exchange(ref _hold, 1);

    public static async Task<TestSubscriber> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var subscriber = new TestSubscriber(app);
        app.MapGet("/callback", (HttpContext http) =>
        {
            subscriber.Verifications.Enqueue(http.Request.Query);
            return subscriber.Confirms.Contains(http.Request.Query["hub.mode"].ToString())
                ? Results.Text(http.Request.Query["hub.challenge"].ToString(), "text/plain")
                : Results.NotFound();
        });
        app.MapPost("/callback", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            if (Interlocked.Exchange(ref subscriber._hold, 0) == 1)
            {
                subscriber.Held.Enqueue(DateTime.UtcNow);
                try
                {
                    await Task.Delay(Timeout.Infinite, http.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The hub went away mid-delivery, as the test wanted.
                }

                return Results.StatusCode(503);
            }

            await http.Request.Body.CopyToAsync(buffer);
            if (subscriber.Failing)
            {
                return Results.StatusCode(500);
            }

            subscriber.Deliveries.Enqueue(new ReceivedDelivery(DateTime.UtcNow, http.Request.ContentType ?? "", buffer.ToArray(),
                http.Request.Headers["X-Hub-Signature"].FirstOrDefault(), http.Request.Headers.Link.FirstOrDefault()));
            return Results.NoContent();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        subscriber.Callback = new Uri(new Uri(address), "/callback");
        return subscriber;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
