using System.Net;
using System.Net.Http.Json;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Platform.Jobs;
using Gongkai.Tests.Infrastructure;
using Gongkai.Tests.Platform.Jobs;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Tests.Platform.ChangeLog;

public sealed class ChangeLogPumpTests(JobsDisabledFactory factory) : IClassFixture<JobsDisabledFactory>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_follower_that_was_down_catches_up_from_its_durable_cursor_in_batches_of_100()
    {
        var follower = new RecordingFollower("catch-up-" + Guid.NewGuid().ToString("N")[..8]);
        await using var host = WithFollowers(follower);
        await AppendAsync(host, 150);

        var pump = Pump(host, "node-a");
        Assert.True(await pump.PumpOnceAsync(CancellationToken.None));  // a full batch: more may follow
        await DrainAsync(pump);
        var all = await AllIdsAsync(host);
        Assert.Equal(all, follower.Applied);
        Assert.Equal((all.Count + 99) / 100, follower.Calls);

        // Down for a while; then a new process (new pump, new follower instance) starts from the stored cursor.
        var appliedBefore = follower.Applied.Count;
        var later = await AppendAsync(host, 30);
        var restarted = new RecordingFollower(follower.Name);
        await using var restartedHost = WithFollowers(restarted);
        await DrainAsync(Pump(restartedHost, "node-a"));

        Assert.Equal(later, restarted.Applied);
        Assert.Equal(appliedBefore, follower.Applied.Count);
    }

    [Fact]
    public async Task A_failing_follower_is_retried_with_backoff_and_its_cursor_waits_while_others_go_on()
    {
        var failing = new RecordingFollower("failing-" + Guid.NewGuid().ToString("N")[..8]) { FailuresToCome = 2 };
        var healthy = new RecordingFollower("healthy-" + Guid.NewGuid().ToString("N")[..8]);
        await using var host = WithFollowers(failing, healthy);
        await AppendAsync(host, 3);
        var all = await AllIdsAsync(host);
        var pump = Pump(host, "node-a");

        await DrainAsync(pump);                                    // failure 1: retry in 1 s
        Assert.Equal(all, healthy.Applied);
        Assert.Empty(failing.Applied);
        Assert.Equal(0, await PositionAsync(host, failing.Name + "@node-a"));
        Assert.Equal(1, failing.Calls);                            // while backing off it is not even asked

        _clock.Advance(TimeSpan.FromSeconds(1));
        await DrainAsync(pump);                                    // failure 2: retry in 2 s
        Assert.Equal(2, failing.Calls);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await DrainAsync(pump);
        Assert.Equal(2, failing.Calls);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await DrainAsync(pump);                                    // recovers and catches up
        Assert.Equal(all, failing.Applied);
        Assert.Equal(all[^1], await PositionAsync(host, failing.Name + "@node-a"));
        // At least once: the refused first batch was offered three times and applied once.
        Assert.Equal(3, failing.Offered.Count(id => id == all[0]));
    }

    [Fact]
    public async Task Node_local_followers_keep_a_cursor_per_node_and_cluster_followers_share_one_on_one_node_at_a_time()
    {
        var local = new RecordingFollower("local-" + Guid.NewGuid().ToString("N")[..8]);
        var shared = new RecordingFollower("shared-" + Guid.NewGuid().ToString("N")[..8], ChangeLogFollowerScope.Cluster);
        await using var host = WithFollowers(local, shared);
        await AppendAsync(host, 5);
        var all = await AllIdsAsync(host);
        var nodeA = Pump(host, "node-a");
        var nodeB = Pump(host, "node-b");

        await DrainAsync(nodeA);
        await DrainAsync(nodeB);

        // Each node applied the log to its own local state …
        Assert.Equal(all.Concat(all), local.Applied);
        Assert.Equal(all[^1], await PositionAsync(host, local.Name + "@node-a"));
        Assert.Equal(all[^1], await PositionAsync(host, local.Name + "@node-b"));
        // … but the shared effect happened once, on node A, which holds the lease.
        Assert.Equal(all, shared.Applied);
        Assert.Equal(all[^1], await PositionAsync(host, shared.Name));

        var more = await AppendAsync(host, 2);
        await DrainAsync(nodeB);
        Assert.Equal(all, shared.Applied);

        // Node A goes quiet; once its lease lapses node B carries on from the shared cursor.
        _clock.Advance(TimeSpan.FromSeconds(31));
        await DrainAsync(nodeB);
        Assert.Equal(all.Concat(more), shared.Applied);
    }

    [Fact]
    public async Task Saving_a_change_wakes_the_followers_of_this_process_without_waiting_for_the_poll()
    {
        var follower = new RecordingFollower("woken-" + Guid.NewGuid().ToString("N")[..8]);
        await using var host = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Gongkai:Jobs:Enabled", "true");
            builder.UseSetting("Gongkai:ChangeLog:PollInterval", "01:00:00");
            builder.ConfigureTestServices(services => services.AddSingleton<IChangeLogFollower>(follower));
        });
        var warmUp = (await AppendAsync(host, 1)).Single();
        await WaitUntilAsync(() => follower.Applied.Contains(warmUp));         // the pump has started and is now idle

        var id = (await AppendAsync(host, 1)).Single();

        await WaitUntilAsync(() => follower.Applied.Contains(id));
    }

    [Fact]
    public async Task The_status_endpoint_shows_the_latest_position_and_what_each_follower_has_pending_to_auditors_only()
    {
        var done = new RecordingFollower("done-" + Guid.NewGuid().ToString("N")[..8]);
        var idle = new RecordingFollower("idle-" + Guid.NewGuid().ToString("N")[..8]) { FailuresToCome = int.MaxValue };
        await using var host = WithFollowers(done, idle).WithTestAuth();
        await AppendAsync(host, 4);
        var node = host.Services.GetRequiredService<NodeIdentity>();
        await DrainAsync(Pump(host, node.Id));
        var all = await AllIdsAsync(host);

        using var auditor = host.CreateClient().SignedInAs("test-user", 1, StaffRoles.Auditor);
        var status = await auditor.GetFromJsonAsync<ChangeLogStatus>(new Uri("/api/v1/changes/status", UriKind.Relative));

        Assert.NotNull(status);
        Assert.Equal(all[^1], status.Latest);
        var doneRow = Assert.Single(status.Followers, f => f.Name == $"{done.Name}@{node.Id}");
        Assert.Equal(all[^1], doneRow.Position);
        Assert.Equal(0, doneRow.Pending);
        var idleRow = Assert.Single(status.Followers, f => f.Name == $"{idle.Name}@{node.Id}");
        Assert.Equal(0, idleRow.Position);
        Assert.Equal(all.Count, idleRow.Pending);

        using var editor = host.CreateClient().SignedInAs("test-user", 1, StaffRoles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(new Uri("/api/v1/changes/status", UriKind.Relative))).StatusCode);
        using var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/v1/changes/status", UriKind.Relative))).StatusCode);
    }

    /// <summary>A host whose pumps run only these followers: the application's own (search, caches, the public log's
    /// sequencer, which itself appends to the change log) would add rows and effects these tests do not expect.</summary>
    private WebApplicationFactory<Program> WithFollowers(params IChangeLogFollower[] followers) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IChangeLogFollower>();
            foreach (var follower in followers)
            {
                services.AddSingleton(follower);
            }
        }));

    private ChangeLogPump Pump(WebApplicationFactory<Program> host, string nodeId) =>
        new(
            host.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new ChangeLogOptions()),
            Options.Create(new JobsOptions()),
            new NodeIdentity(nodeId),
            new ChangeLogAppended(),
            _clock,
            NullLogger<ChangeLogPump>.Instance);

    private static async Task DrainAsync(ChangeLogPump pump)
    {
        while (await pump.PumpOnceAsync(CancellationToken.None))
        {
        }
    }

    private static async Task<List<long>> AppendAsync(WebApplicationFactory<Program> host, int count)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        for (var i = 0; i < count; i++)
        {
            db.RecordChange(new ChangeKind("test.pumped", "test"), i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await db.SaveChangesAsync();
        return db.ChangeTracker.Entries<ChangeLogEntry>().Select(e => e.Entity.Id).Order().ToList();
    }

    private static async Task<List<long>> AllIdsAsync(WebApplicationFactory<Program> host)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<ChangeLogEntry>()
            .OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
    }

    private static async Task<long> PositionAsync(WebApplicationFactory<Program> host, string cursorKey)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ChangeLogReader>().PositionAsync(cursorKey);
    }

    private static Task WaitUntilAsync(Func<bool> condition) => Poll.UntilAsync(condition, TimeSpan.FromSeconds(10), "the pump");
}
