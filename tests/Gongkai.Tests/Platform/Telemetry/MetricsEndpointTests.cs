using System.Net;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Telemetry;

/// <summary>The application with a job kind of its own and a client address taken from a header (loopback when absent),
/// since the in-memory test server has no real connection.</summary>
public sealed class MetricsFactory : GongkaiFactory
{
    public const string ClientHeader = "X-Test-Remote-Address";

    public CountingHandler Handler { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IJobHandler>(Handler);
            services.AddSingleton<IStartupFilter, RemoteAddressFromHeader>();
        });
    }

    /// <summary>A job kind that only counts its runs.</summary>
    public sealed class CountingHandler : IJobHandler
    {
        private int _runs;

        public string Kind => "test.metrics";

        public int Runs => Volatile.Read(ref _runs);

        public Task HandleAsync(JobContext job, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            return Task.CompletedTask;
        }
    }

    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[ClientHeader].FirstOrDefault() ?? "127.0.0.1");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The Prometheus endpoint: request durations, job runs, change-log and search lag, for the operator's
/// scraper only.</summary>
public sealed class MetricsEndpointTests(MetricsFactory factory) : IClassFixture<MetricsFactory>
{
    [Fact]
    public async Task Metrics_show_requests_jobs_and_the_lag_of_change_log_followers_and_search()
    {
        using var client = factory.CreateClient();
        (await client.GetAsync(new Uri("/", UriKind.Relative))).EnsureSuccessStatusCode();
        using (var scope = factory.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<JobScheduler>().Schedule("test.metrics");
            await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().SaveChangesAsync();
        }

        // A sample line: the metric's name, then labels (the exporter adds its own, e.g. otel_scope_name) and value.
        (string Name, string[] Labels)[] expected =
        [
            ("http_server_request_duration_seconds_bucket", []),
            ("gongkai_job_duration_seconds_bucket", ["job=\"test.metrics\"", "kind=\"scheduled\"", "outcome=\"success\""]),
            ("gongkai_job_runs_total", ["job=\"test.metrics\"", "outcome=\"success\""]),
            ("gongkai_changelog_lag", ["follower=\"search\""]),
            ("gongkai_search_lag", []),
        ];
        string[] lines = [];
        bool Shows((string Name, string[] Labels) metric) =>
            lines.Any(l => l.StartsWith(metric.Name, StringComparison.Ordinal) && metric.Labels.All(label => l.Contains(label, StringComparison.Ordinal)));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !expected.All(Shows))
        {
            await Task.Delay(300);
            lines = (await client.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Split('\n');
        }

        Assert.All(expected, metric => Assert.True(Shows(metric), $"{metric.Name} missing:\n{string.Join('\n', lines.Where(l => l.StartsWith("gongkai", StringComparison.Ordinal)))}"));
        Assert.Equal(1, factory.Handler.Runs);
    }

    [Fact]
    public async Task Clients_outside_the_allowed_networks_get_not_found()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        request.Headers.Add(MetricsFactory.ClientHeader, "203.0.113.50");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("gongkai_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
