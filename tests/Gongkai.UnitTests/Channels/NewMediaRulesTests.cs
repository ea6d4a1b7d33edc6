using Gongkai.Channels.Rules;
using Gongkai.Platform.Outcomes;

namespace Gongkai.UnitTests.Channels;

public sealed class NewMediaRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static AccountActivity Active(DateOnly? lastPost, int unanswered = 0, DateOnly? oldest = null) => new(AccountStatus.Active, lastPost, unanswered, oldest);

    [Fact]
    public void A_post_exactly_two_weeks_ago_still_counts_a_day_more_does_not()
    {
        Assert.True(AccountIndicators.Assess(Active(Today.AddDays(-14)), Today).Healthy);
        var stale = AccountIndicators.Assess(Active(Today.AddDays(-15)), Today);
        Assert.True(stale.NotUpdated);
        Assert.Equal(15, stale.DaysSincePost);
        Assert.Equal(["15 天未更新（超过 2 周）"], stale.Problems);
    }

    [Fact]
    public void An_account_that_never_posted_is_not_updated()
    {
        var health = AccountIndicators.Assess(Active(null), Today);
        Assert.True(health.NotUpdated);
        Assert.Null(health.DaysSincePost);
        Assert.Equal(["从未更新"], health.Problems);
    }

    [Fact]
    public void Interaction_waiting_longer_than_three_days_is_unanswered_and_fresh_interaction_is_not()
    {
        Assert.False(AccountIndicators.Assess(Active(Today, 4, Today.AddDays(-3)), Today).InteractionUnanswered);
        var late = AccountIndicators.Assess(Active(Today, 4, Today.AddDays(-4)), Today);
        Assert.True(late.InteractionUnanswered);
        Assert.Equal(["4 条互动留言未回应（最早已 4 天）"], late.Problems);
        // Unanswered without a date cannot be shown to be on time.
        Assert.True(AccountIndicators.Assess(Active(Today, 1, null), Today).InteractionUnanswered);
    }

    [Fact]
    public void Both_problems_are_listed_and_closed_or_merged_accounts_are_not_assessed()
    {
        Assert.Equal(2, AccountIndicators.Assess(Active(Today.AddDays(-30), 2, Today.AddDays(-10)), Today).Problems.Count);
        Assert.True(AccountIndicators.Assess(new AccountActivity(AccountStatus.Closed, null, 9, null), Today).Healthy);
        Assert.True(AccountIndicators.Assess(new AccountActivity(AccountStatus.Merged, Today.AddDays(-300), 0, null), Today).Healthy);
    }

    [Theory]
    [InlineData(NewMediaPlatforms.Weibo, 140)]
    [InlineData(NewMediaPlatforms.WeChat, 120)]
    [InlineData(NewMediaPlatforms.Douyin, 55)]
    [InlineData(NewMediaPlatforms.App, 200)]
    public void A_draft_summary_is_cut_to_the_platforms_limit_and_a_longer_one_is_refused(string platform, int limit)
    {
        var summary = PostFlow.DraftSummary(platform, new string('政', limit + 50));
        Assert.Equal(limit, summary.Length);
        Assert.EndsWith("…", summary, StringComparison.Ordinal);
        Assert.True(PostFlow.CheckContent(platform, "标题", summary).Succeeded);
        var refused = PostFlow.CheckContent(platform, "标题", summary + "多");
        Assert.Contains("Summary", refused.Refusal!.Errors.Keys);
        Assert.Equal("短文 正文", PostFlow.DraftSummary(platform, "短文\n\n  正文"));
    }

    [Fact]
    public void Nothing_is_released_unless_submitted_reviewed_by_another_person_and_its_source_still_public()
    {
        Assert.True(PostFlow.Review(PostStatus.Submitted, "author", "reviewer", release: true, sourceStillPublished: true, null).Succeeded);
        Assert.Equal(RefusalKind.Forbidden, PostFlow.Review(PostStatus.Submitted, "author", "author", true, true, null).Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, PostFlow.Review(PostStatus.Submitted, "author", null, true, true, null).Refusal!.Kind);
        Assert.Equal(RefusalKind.Conflict, PostFlow.Review(PostStatus.Draft, "author", "reviewer", true, true, null).Refusal!.Kind);
        Assert.Equal(RefusalKind.Conflict, PostFlow.Review(PostStatus.Released, "author", "reviewer", true, true, null).Refusal!.Kind);
        Assert.Equal(RefusalKind.BlockedByRule, PostFlow.Review(PostStatus.Submitted, "author", "reviewer", true, false, null).Refusal!.Kind);
        Assert.Equal(RefusalKind.Invalid, PostFlow.Review(PostStatus.Submitted, "author", "reviewer", false, true, " ").Refusal!.Kind);
        Assert.True(PostFlow.Review(PostStatus.Submitted, "author", "reviewer", false, true, "数据需核实").Succeeded);
    }

    [Fact]
    public void Only_drafts_and_returned_posts_can_be_edited_or_submitted()
    {
        Assert.True(PostFlow.Submit(PostStatus.Draft).Succeeded);
        Assert.True(PostFlow.Submit(PostStatus.Rejected).Succeeded);
        Assert.False(PostFlow.Submit(PostStatus.Submitted).Succeeded);
        Assert.False(PostFlow.Edit(PostStatus.Released).Succeeded);
        Assert.False(PostFlow.Edit(PostStatus.Withdrawn).Succeeded);
    }
}
