using Gongkai.Oversight.Rules;
using Gongkai.Platform.Time;

namespace Gongkai.UnitTests.Oversight;

public sealed class InteractionInspectionTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static readonly ColumnFacts Fresh = new(1, "工作动态", "随时更新", 3, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public void Messages_count_when_received_within_the_past_year_and_more_than_three_months_ago()
    {
        var (from, before) = ColumnFreshness.UnansweredWindow(Today);
        Assert.Equal(new DateOnly(2025, 12, 3), from);
        // Received on 3 September 2026 → three months old today, still within time; 2 September and earlier are late.
        Assert.Equal(new DateOnly(2026, 9, 3), before);
    }

    [Fact]
    public void One_unanswered_message_is_a_veto_naming_each_channel_with_its_oldest_message()
    {
        var result = ColumnFreshness.Inspect([Fresh], Today, ChinaTime.DateOf, 0,
        [
            new("绵阳市民政局", "12345热线工单", 2, new DateOnly(2026, 5, 6)),
            new("绵阳市财政局", "12345热线工单", 1, new DateOnly(2026, 3, 1)),
            new("绵阳市财政局", "意见征集留言", 4, new DateOnly(2026, 8, 30)),
        ]);

        var veto = Assert.Single(result.Vetoes);
        Assert.Equal("unanswered-interaction", veto.Rule);
        Assert.Equal("近一年内超过3个月未答复的有效留言 7 条（12345热线工单 3 条，最早 2026-03-01 收到；意见征集留言 4 条，最早 2026-08-30 收到；有一条即单项否决）", veto.Detail);
        Assert.False(result.Passes);
        Assert.Equal(100, result.Score);
    }

    [Fact]
    public void A_guide_lacking_key_elements_is_a_veto_naming_the_item_and_what_it_lacks()
    {
        var result = ColumnFreshness.Inspect([Fresh], Today, ChinaTime.DateOf, 0, [], [new("绵阳市民政局", "最低生活保障审批", ["设定依据", "监督电话"])]);

        var veto = Assert.Single(result.Vetoes);
        Assert.Equal("incomplete-guides", veto.Rule);
        Assert.Equal("要素缺失的办事指南 1 个（最低生活保障审批缺设定依据、监督电话；有一个即单项否决）", veto.Detail);
    }

    [Fact]
    public void Nothing_unanswered_and_complete_guides_add_no_veto() =>
        Assert.True(ColumnFreshness.Inspect([Fresh], Today, ChinaTime.DateOf, 0, [], []).Passes);
}
