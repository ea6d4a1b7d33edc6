using Gongkai.Platform.Jobs;

namespace Gongkai.UnitTests.Platform.Jobs;

public sealed class JobScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_interval_job_first_runs_one_interval_after_it_is_first_seen()
    {
        Assert.Equal(Now.AddHours(1), JobSchedule.Every(TimeSpan.FromHours(1)).FirstRunAfter(Now));
    }

    [Fact]
    public void An_interval_job_stays_on_its_grid_however_late_the_run_finished()
    {
        var schedule = JobSchedule.Every(TimeSpan.FromHours(1));
        Assert.Equal(Now.AddHours(1), schedule.NextRunAfter(Now, Now.AddMinutes(7)));
    }

    [Fact]
    public void Occurrences_missed_while_every_instance_was_down_collapse_into_one_run()
    {
        var schedule = JobSchedule.Every(TimeSpan.FromHours(1));
        // Due at 01:00, run at 05:30 after an outage: the next is 06:00, not four catch-up runs.
        Assert.Equal(Now.AddHours(5), schedule.NextRunAfter(Now, Now.AddHours(4).AddMinutes(30)));
        Assert.Equal(Now.AddHours(5), schedule.NextRunAfter(Now, Now.AddHours(4)));
    }

    [Fact]
    public void A_daily_job_runs_at_its_Beijing_time_which_is_eight_hours_ahead_of_UTC()
    {
        var schedule = JobSchedule.DailyAt(new TimeOnly(2, 0));
        // 01:00 UTC is 09:00 in Beijing: 02:00 Beijing time has passed today, so tomorrow's 02:00 (18:00 UTC today).
        var first = schedule.FirstRunAfter(Now);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero), first);
        Assert.Equal(TimeSpan.Zero, first.Offset);
        Assert.Equal(first.AddDays(1), schedule.NextRunAfter(first, first.AddMinutes(3)));
    }

    [Fact]
    public void A_daily_job_due_later_today_in_Beijing_runs_today()
    {
        var schedule = JobSchedule.DailyAt(new TimeOnly(23, 30));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 15, 30, 0, TimeSpan.Zero), schedule.FirstRunAfter(Now));
    }

    [Fact]
    public void A_daily_job_that_ran_late_is_next_due_at_the_following_occurrence_after_now()
    {
        var schedule = JobSchedule.DailyAt(new TimeOnly(2, 0));
        var due = new DateTimeOffset(2026, 3, 1, 18, 0, 0, TimeSpan.Zero);
        var finishedThreeDaysLater = due.AddDays(3).AddHours(1);
        Assert.Equal(due.AddDays(4), schedule.NextRunAfter(due, finishedThreeDaysLater));
    }

    [Fact]
    public void Retries_back_off_exponentially_up_to_a_cap()
    {
        var baseDelay = TimeSpan.FromSeconds(30);
        var cap = TimeSpan.FromHours(1);
        Assert.Equal(TimeSpan.FromSeconds(30), RetryBackoff.Delay(1, baseDelay, cap));
        Assert.Equal(TimeSpan.FromMinutes(1), RetryBackoff.Delay(2, baseDelay, cap));
        Assert.Equal(TimeSpan.FromMinutes(4), RetryBackoff.Delay(4, baseDelay, cap));
        Assert.Equal(cap, RetryBackoff.Delay(9, baseDelay, cap));
        Assert.Equal(cap, RetryBackoff.Delay(500, baseDelay, cap));
    }
}
