using Gongkai.Oversight.Rules;

namespace Gongkai.UnitTests.Oversight;

public sealed class TaskProgressTests
{
    [Fact]
    public void A_task_is_completed_only_when_a_report_says_so()
    {
        var status = TaskProgress.StatusOf(2026, new DateOnly(2026, 9, 30), new LatestReport(3, ReportedProgress.Completed), new DateOnly(2026, 12, 3));
        Assert.Equal(WorkPlanTaskStatus.Completed, status.Status);
    }

    [Fact]
    public void A_task_past_its_deadline_unfinished_is_delayed_and_says_which_deadline()
    {
        var status = TaskProgress.StatusOf(2026, new DateOnly(2026, 9, 30), new LatestReport(3, ReportedProgress.OnTrack), new DateOnly(2026, 10, 1));
        Assert.Equal(WorkPlanTaskStatus.Delayed, status.Status);
        Assert.Contains("2026年9月30日", status.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_quarterly_report_makes_a_task_delayed_once_its_grace_days_have_passed()
    {
        var q2 = new LatestReport(2, ReportedProgress.OnTrack);
        Assert.Equal(WorkPlanTaskStatus.OnTrack, TaskProgress.StatusOf(2026, null, q2, new DateOnly(2026, 10, 10)).Status);
        var late = TaskProgress.StatusOf(2026, null, q2, new DateOnly(2026, 10, 11));
        Assert.Equal(WorkPlanTaskStatus.Delayed, late.Status);
        Assert.Equal("第3季度进展未报送", late.Reason);
        Assert.Equal(WorkPlanTaskStatus.OnTrack, TaskProgress.StatusOf(2026, null, null, new DateOnly(2026, 4, 10)).Status);
        Assert.Equal(WorkPlanTaskStatus.Delayed, TaskProgress.StatusOf(2026, null, null, new DateOnly(2026, 4, 11)).Status);
    }

    [Fact]
    public void A_report_of_delay_shows_as_delayed_and_a_past_plan_year_without_deadline_is_delayed_until_completed()
    {
        Assert.Equal(WorkPlanTaskStatus.Delayed, TaskProgress.StatusOf(2026, null, new LatestReport(1, ReportedProgress.Delayed), new DateOnly(2026, 2, 1)).Status);
        var past = TaskProgress.StatusOf(2018, null, new LatestReport(4, ReportedProgress.OnTrack), new DateOnly(2026, 12, 3));
        Assert.Equal(WorkPlanTaskStatus.Delayed, past.Status);
        Assert.Equal("2018年已结束仍未完成", past.Reason);
    }

    [Theory]
    [InlineData(1, 3, 31)]
    [InlineData(2, 6, 30)]
    [InlineData(3, 9, 30)]
    [InlineData(4, 12, 31)]
    public void Quarters_end_on_the_last_day_of_their_third_month(int quarter, int month, int day)
    {
        Assert.Equal(new DateOnly(2026, month, day), TaskProgress.QuarterEnd(2026, quarter));
        Assert.Equal(quarter, TaskProgress.QuarterOf(new DateOnly(2026, month, day)));
    }
}
