using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Tests.Platform.Jobs;

/// <summary>Two runner objects with their own holder ids stand in for two instances sharing one database.</summary>
public sealed class JobRunnerTests(JobsDisabledFactory factory) : IClassFixture<JobsDisabledFactory>
{
    // Whole seconds: SQLite keeps DateTimeOffset to the millisecond, and the tests compare stored times exactly.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly string _kind = "test.job-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Two_instances_run_a_recurring_job_exactly_once_per_period()
    {
        var counter = new RunCounter();
        await using var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(counter);
            services.AddRecurringJob<HourlyCountingJob>();
        }));
        var runners = new[] { Runner(host, "instance-a"), Runner(host, "instance-b") };

        await BothRunAsync(runners);
        Assert.Equal(0, counter.Runs);                 // first due one interval after it was first seen

        _clock.Advance(TimeSpan.FromHours(1));
        await BothRunAsync(runners);
        await BothRunAsync(runners);
        Assert.Equal(1, counter.Runs);

        _clock.Advance(TimeSpan.FromMinutes(30));
        await BothRunAsync(runners);
        Assert.Equal(1, counter.Runs);

        _clock.Advance(TimeSpan.FromMinutes(30));
        await BothRunAsync(runners);
        await BothRunAsync(runners);
        Assert.Equal(2, counter.Runs);

        // Both instances down for five periods: one catch-up run, not five.
        _clock.Advance(TimeSpan.FromHours(5));
        await BothRunAsync(runners);
        await BothRunAsync(runners);
        Assert.Equal(3, counter.Runs);

        using var scope = host.Services.CreateScope();
        var lease = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<JobLease>()
            .SingleAsync(l => l.Name == "job:test.hourly-counting");
        Assert.Null(lease.Holder);
        Assert.True(lease.NextRunAt > _clock.GetUtcNow());
    }

    [Fact]
    public async Task Two_instances_run_each_scheduled_job_exactly_once()
    {
        var handler = new RecordingHandler(_kind);
        await using var host = WithHandler(handler);
        var ids = await ScheduleAsync(host, 30);
        var runners = new[] { Runner(host, "instance-a"), Runner(host, "instance-b") };

        for (var pass = 0; pass < 5; pass++)
        {
            await BothRunAsync(runners);
        }

        Assert.Equal(ids.Order(), handler.Ran.Select(j => j.JobId).Order());
        var jobs = await JobsAsync(host, ids);
        Assert.All(jobs, job =>
        {
            Assert.Equal(ScheduledJobStatus.Done, job.Status);
            Assert.Equal(1, job.Attempts);
            Assert.NotNull(job.CompletedAt);
            Assert.Null(job.Holder);
        });
    }

    [Fact]
    public async Task A_job_due_later_waits_for_its_time()
    {
        var handler = new RecordingHandler(_kind);
        await using var host = WithHandler(handler);
        var id = (await ScheduleAsync(host, 1, _clock.GetUtcNow().AddMinutes(10))).Single();
        var runner = Runner(host, "instance-a");

        await runner.RunOnceAsync(CancellationToken.None);
        Assert.Empty(handler.Ran);

        _clock.Advance(TimeSpan.FromMinutes(10));
        await runner.RunOnceAsync(CancellationToken.None);
        Assert.Equal(id, Assert.Single(handler.Ran).JobId);
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_backoff_and_marked_failed_after_its_last_attempt()
    {
        var handler = new RecordingHandler(_kind) { AlwaysFail = true };
        await using var host = WithHandler(handler);
        var id = (await ScheduleAsync(host, 1)).Single();
        var runner = Runner(host, "instance-a", new JobsOptions { MaxAttempts = 3, RetryBaseDelay = TimeSpan.FromSeconds(30) });

        await runner.RunOnceAsync(CancellationToken.None);
        var job = await JobAsync(host, id);
        Assert.Equal((ScheduledJobStatus.Pending, 1), (job.Status, job.Attempts));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(30), job.DueAt);
        Assert.Contains("对方服务器没有响应", job.LastError, StringComparison.Ordinal);

        await runner.RunOnceAsync(CancellationToken.None);     // not yet due again
        Assert.Single(handler.Ran);

        _clock.Advance(TimeSpan.FromSeconds(30));
        await runner.RunOnceAsync(CancellationToken.None);
        job = await JobAsync(host, id);
        Assert.Equal((ScheduledJobStatus.Pending, 2), (job.Status, job.Attempts));
        Assert.Equal(_clock.GetUtcNow().AddMinutes(1), job.DueAt); // the wait doubled

        _clock.Advance(TimeSpan.FromSeconds(59));
        await runner.RunOnceAsync(CancellationToken.None);
        Assert.Equal(2, handler.Ran.Count);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await runner.RunOnceAsync(CancellationToken.None);
        job = await JobAsync(host, id);
        Assert.Equal((ScheduledJobStatus.Failed, 3), (job.Status, job.Attempts));
        Assert.Equal(_clock.GetUtcNow(), job.CompletedAt);
        Assert.True(handler.Ran.Last().IsLastAttempt);

        _clock.Advance(TimeSpan.FromHours(2));
        await runner.RunOnceAsync(CancellationToken.None);
        Assert.Equal(3, handler.Ran.Count);
    }

    [Fact]
    public async Task A_job_left_running_by_a_crashed_instance_is_taken_over_when_its_lease_lapses()
    {
        var handler = new RecordingHandler(_kind);
        await using var host = WithHandler(handler);
        var id = (await ScheduleAsync(host, 1)).Single();
        var leaseEnds = _clock.GetUtcNow().AddMinutes(5);
        using (var scope = host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<ScheduledJob>().Where(j => j.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ScheduledJobStatus.Running)
                    .SetProperty(j => j.Holder, "crashed-instance")
                    .SetProperty(j => j.LeaseExpiresAt, leaseEnds)
                    .SetProperty(j => j.Attempts, 1));
        }

        var survivor = Runner(host, "instance-b");
        await survivor.RunOnceAsync(CancellationToken.None);
        Assert.Empty(handler.Ran);

        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await survivor.RunOnceAsync(CancellationToken.None);
        Assert.Equal(2, Assert.Single(handler.Ran).Attempt);
        Assert.Equal(ScheduledJobStatus.Done, (await JobAsync(host, id)).Status);
    }

    [Fact]
    public async Task Stopping_the_host_interrupts_a_running_job_and_hands_it_back_uncounted()
    {
        var handler = new RecordingHandler(_kind) { BlockUntilCancelled = true };
        await using var host = WithHandler(handler);
        var id = (await ScheduleAsync(host, 1)).Single();
        var runner = Runner(host, "instance-a", new JobsOptions { Enabled = true });

        await runner.StartAsync(CancellationToken.None);
        await handler.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await runner.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        var job = await JobAsync(host, id);
        Assert.Equal((ScheduledJobStatus.Pending, 0), (job.Status, job.Attempts));
        Assert.Null(job.Holder);
    }

    [Fact]
    public async Task A_job_scheduled_before_a_restart_runs_after_it_and_new_jobs_run_without_waiting_for_the_poll()
    {
        long before;
        await using (var first = factory.WithWebHostBuilder(_ => { }))
        {
            before = (await ScheduleAsync(first, 1, DateTimeOffset.UtcNow)).Single();
        }

        var handler = new RecordingHandler(_kind);
        await using var restarted = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Gongkai:Jobs:Enabled", "true");
            builder.UseSetting("Gongkai:Jobs:PollInterval", "01:00:00");
            builder.ConfigureTestServices(services => services.AddSingleton<IJobHandler>(handler));
        });
        _ = restarted.Services;   // starts the host and its runner

        await WaitUntilAsync(() => handler.Ran.Any(j => j.JobId == before));

        var after = (await ScheduleAsync(restarted, 1, DateTimeOffset.UtcNow)).Single();
        await WaitUntilAsync(() => handler.Ran.Any(j => j.JobId == after));
        Assert.Equal(2, handler.Ran.Count);
    }

    private WebApplicationFactory<Program> WithHandler(IJobHandler handler) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(handler)));

    private JobRunner Runner(WebApplicationFactory<Program> host, string holder, JobsOptions? options = null) =>
        new(host.Services.GetRequiredService<IServiceScopeFactory>(), options ?? new JobsOptions(), _clock, holder, new JobsScheduled(), NullLogger<JobRunner>.Instance);

    private static async Task BothRunAsync(IEnumerable<JobRunner> runners) =>
        await Task.WhenAll(runners.Select(runner => Task.Run(() => runner.RunOnceAsync(CancellationToken.None))));

    private async Task<List<long>> ScheduleAsync(WebApplicationFactory<Program> host, int count, DateTimeOffset? dueAt = null)
    {
        using var scope = host.Services.CreateScope();
        var scheduler = scope.ServiceProvider.GetRequiredService<JobScheduler>();
        var jobs = Enumerable.Range(0, count).Select(i => scheduler.Schedule(_kind, new { Number = i }, dueAt ?? _clock.GetUtcNow())).ToList();
        await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().SaveChangesAsync();
        return jobs.Select(j => j.Id).ToList();
    }

    private static async Task<ScheduledJob> JobAsync(WebApplicationFactory<Program> host, long id) => (await JobsAsync(host, [id])).Single();

    private static async Task<List<ScheduledJob>> JobsAsync(WebApplicationFactory<Program> host, IReadOnlyList<long> ids)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<ScheduledJob>().AsNoTracking()
            .Where(j => ids.Contains(j.Id)).ToListAsync();
    }

    private static Task WaitUntilAsync(Func<bool> condition) => Poll.UntilAsync(condition, TimeSpan.FromSeconds(15), "the job runner");
}
