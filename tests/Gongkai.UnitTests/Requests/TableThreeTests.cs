using Gongkai.Requests.Rules;

namespace Gongkai.UnitTests.Requests;

public sealed class TableThreeTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    /// <summary>A seeded 2025: two carried over from 2024 (one closed in 2025, one still open), five new ones.</summary>
    private static readonly RequestOutcome[] Seeded =
    [
        new("自然人", D(2024, 12, 20), D(2025, 1, 10), "disclosed"),
        new("商业企业", D(2024, 12, 28), null, null),
        new("自然人", D(2025, 3, 3), D(2025, 3, 20), "partly-disclosed"),
        new("自然人", D(2025, 4, 1), D(2025, 4, 25), "withheld.third-party"),
        new("法律服务机构", D(2025, 6, 2), D(2025, 6, 30), "other.correction-lapsed"),
        new("科研机构", D(2025, 12, 22), D(2026, 1, 15), "disclosed"),
        new("自然人", D(2025, 7, 1), D(2025, 7, 2), "unavailable.not-held"),
        new("自然人", D(2024, 5, 1), D(2024, 5, 20), "disclosed"), // closed the year before: not counted at all
        new("自然人", D(2026, 1, 5), null, null), // received the year after: not counted
    ];

    [Fact]
    public void A_seeded_year_counts_new_carried_results_and_carried_forward_per_applicant_type()
    {
        var table = TableThree.Build(2025, Seeded);

        // Columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
        Assert.Equal([3, 0, 1, 0, 1, 0, 5], table.Row("new").Counts);
        Assert.Equal([1, 1, 0, 0, 0, 0, 2], table.Row("carried").Counts);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], table.Row("Disclosed").Counts);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], table.Row("PartlyDisclosed").Counts);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], table.Row("withheld.third-party").Counts);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], table.Row("Withheld").Counts);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], table.Row("unavailable.not-held").Counts);
        Assert.Equal([0, 0, 0, 0, 1, 0, 1], table.Row("other.correction-lapsed").Counts);
        Assert.Equal([4, 0, 0, 0, 1, 0, 5], table.Row("results").Counts);
        Assert.Equal([0, 1, 1, 0, 0, 0, 2], table.Row("carried-forward").Counts);
        Assert.Empty(table.Violations());
    }

    [Fact]
    public void The_table_has_the_report_rows_in_order()
    {
        var labels = TableThree.Build(2025, []).Rows.Select(r => r.Label).ToList();
        Assert.Equal("一、本年新收政府信息公开申请数量", labels[0]);
        Assert.Contains("8.属于行政查询事项", labels);
        Assert.Contains("3.补正后申请内容仍不明确", labels);
        Assert.Contains("5.要求行政机关确认或重新出具已获取信息", labels);
        Assert.Equal("四、结转下年度继续办理", labels[^1]);
        Assert.Equal(6 + 8 + 3 + 5 + 3 + 3 + 1, labels.Count);
    }

    [Fact]
    public void Closing_events_without_a_reply_map_onto_the_other_rows()
    {
        Assert.Equal("other.fee-lapsed", TableThree.DecisionForFinalEvent(RequestEventType.FeeLapsed, null));
        Assert.Equal("unavailable.not-held", TableThree.DecisionForFinalEvent(RequestEventType.Transferred, null));
        Assert.Equal("withheld.state-secret", TableThree.DecisionForFinalEvent(RequestEventType.Replied, "withheld.state-secret"));
    }

    [Fact]
    public void Every_decision_of_table_three_is_in_the_catalogue_with_a_legal_basis()
    {
        Assert.Equal(8, ReplyDecisions.All.Count(d => d.Group == DecisionGroup.Withheld));
        Assert.Equal(3, ReplyDecisions.All.Count(d => d.Group == DecisionGroup.Unavailable));
        Assert.Equal(5, ReplyDecisions.All.Count(d => d.Group == DecisionGroup.NotProcessed));
        Assert.Equal(3, ReplyDecisions.All.Count(d => d.Group == DecisionGroup.Other));
        Assert.All(ReplyDecisions.All, d => Assert.StartsWith("《政府信息公开条例》", d.LegalBasis, StringComparison.Ordinal));
    }

    [Fact]
    public void The_letter_carries_the_legal_basis_and_the_remedy_notice_naming_the_review_body()
    {
        var letter = ReplyLetter.Compose(ReplyDecisions.Find("withheld.third-party")!, "张三", D(2025, 3, 3), "某文件", "涉及个人隐私", "绵阳市人民政府");
        Assert.Contains("第十五条", letter, StringComparison.Ordinal);
        Assert.Contains("涉及个人隐私", letter, StringComparison.Ordinal);
        Assert.Contains("60日内向绵阳市人民政府申请行政复议", letter, StringComparison.Ordinal);
        Assert.Contains("6个月内依法向人民法院提起行政诉讼", letter, StringComparison.Ordinal);
    }
}
