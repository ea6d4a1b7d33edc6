using Gongkai.Oversight.Rules;

namespace Gongkai.UnitTests.Oversight;

public sealed class AnnualReportRulesTests
{
    internal static readonly Dictionary<string, decimal?> Zeros = AnnualReportRules.HandKeys.ToDictionary(k => k, _ => (decimal?)0);

    /// <summary>Seven counts: the six applicant columns and their sum.</summary>
    private static long[] Row(params long[] applicants) => [.. applicants, applicants.Sum()];

    /// <summary>A table 三 that balances: 10 new + 2 carried (natural persons 8 + 1, enterprises 2 + 1) = 11 closed + 1 carried forward.</summary>
    internal static List<TableThreeLine> BalancedThree() =>
    [
        new("new", "一、本年新收政府信息公开申请数量", TableThreeLineKind.New, null, Row(8, 2, 0, 0, 0, 0)),
        new("carried", "二、上年结转政府信息公开申请数量", TableThreeLineKind.Carried, null, Row(1, 1, 0, 0, 0, 0)),
        new("Disclosed", "（一）予以公开", TableThreeLineKind.Group, null, Row(4, 1, 0, 0, 0, 0)),
        new("PartlyDisclosed", "（二）部分公开", TableThreeLineKind.Group, null, Row(1, 0, 0, 0, 0, 0)),
        new("Withheld", "（三）不予公开", TableThreeLineKind.Group, null, Row(1, 0, 0, 0, 0, 0)),
        new("withheld.state-secret", "1.属于国家秘密", TableThreeLineKind.SubRow, "Withheld", Row(1, 0, 0, 0, 0, 0)),
        new("withheld.third-party", "4.保护第三方合法权益", TableThreeLineKind.SubRow, "Withheld", Row(0, 0, 0, 0, 0, 0)),
        new("Unavailable", "（四）无法提供", TableThreeLineKind.Group, null, Row(2, 1, 0, 0, 0, 0)),
        new("unavailable.not-held", "1.本机关不掌握相关政府信息", TableThreeLineKind.SubRow, "Unavailable", Row(2, 1, 0, 0, 0, 0)),
        new("NotProcessed", "（五）不予处理", TableThreeLineKind.Group, null, Row(0, 0, 0, 0, 0, 0)),
        new("not-processed.repeat", "2.重复申请", TableThreeLineKind.SubRow, "NotProcessed", Row(0, 0, 0, 0, 0, 0)),
        new("Other", "（六）其他处理", TableThreeLineKind.Group, null, Row(1, 0, 0, 0, 0, 0)),
        new("other.correction-lapsed", "1.申请人无正当理由逾期不补正", TableThreeLineKind.SubRow, "Other", Row(1, 0, 0, 0, 0, 0)),
        new("results", "（七）总计", TableThreeLineKind.Results, null, Row(9, 2, 0, 0, 0, 0)),
        new("carried-forward", "四、结转下年度继续办理", TableThreeLineKind.CarriedForward, null, Row(0, 1, 0, 0, 0, 0)),
    ];

    internal static List<TableFourLine> BalancedFour() =>
    [
        new("reconsideration", "行政复议", [1, 1, 0, 1, 3]),
        new("litigation-direct", "行政诉讼：未经复议直接起诉", [0, 0, 0, 1, 1]),
        new("litigation-after-review", "行政诉讼：复议后起诉", [0, 0, 0, 0, 0]),
    ];

    internal static AnnualReportTables Tables(IReadOnlyDictionary<string, decimal?>? hand = null, DocumentCounts? normative = null,
        List<TableThreeLine>? three = null, List<TableFourLine>? four = null) =>
        new(AnnualReportRules.TableTwo(normative ?? new DocumentCounts(3, 1, 12), hand ?? Zeros), three ?? BalancedThree(), four ?? BalancedFour());

    private static List<ReportCheck> Failed(AnnualReportTables tables, AnnualReportTables? previous = null) =>
        AnnualReportRules.Check(tables, previous).Where(c => !c.Ok).ToList();

    private static List<TableThreeLine> With(List<TableThreeLine> lines, string key, int column, long value)
    {
        var i = lines.FindIndex(l => l.Key == key);
        var counts = lines[i].Counts.ToArray();
        counts[column] = value;
        lines[i] = lines[i] with { Counts = counts };
        return lines;
    }

    [Fact]
    public void A_balanced_report_with_every_hand_figure_entered_passes_every_check()
    {
        var checks = AnnualReportRules.Check(Tables());
        Assert.All(checks, c => Assert.True(c.Ok, c.Detail));
        Assert.True(AnnualReportRules.AllHold(checks));
        // Every column of table 三 is balanced and every row's 总计 checked.
        Assert.Equal(7, checks.Count(c => c.Rule.StartsWith("三.balance.", StringComparison.Ordinal)));
        Assert.Equal(15, checks.Count(c => c.Rule.StartsWith("三.total.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Table_two_marks_computed_and_hand_cells_and_a_missing_hand_figure_fails_naming_its_cell()
    {
        var hand = new Dictionary<string, decimal?>(Zeros) { ["penalty.decisions"] = null };
        var tables = Tables(hand);
        Assert.Equal(FigureSource.Computed, tables.Figure("normative.issued")!.Source);
        Assert.Equal(3m, tables.Figure("normative.issued")!.Value);
        Assert.Equal(FigureSource.Hand, tables.Figure("regulations.issued")!.Source);
        var failed = Assert.Single(Failed(tables));
        Assert.Equal("二.filled.penalty.decisions", failed.Rule);
        Assert.Equal("二·行政处罚·本年处理决定数量：未填写（手工填报项，无数据时填 0）。", failed.Detail);
    }

    [Fact]
    public void Counts_must_be_whole_and_not_negative_and_the_fee_amount_has_at_most_four_decimals()
    {
        var hand = new Dictionary<string, decimal?>(Zeros) { ["licensing.decisions"] = 2.5m, ["enforcement.decisions"] = -1, ["fees.amount"] = 1.23456m };
        var failed = Failed(Tables(hand));
        Assert.Contains(failed, c => c.Detail == "二·行政许可·本年处理决定数量：2.5 不是不小于 0 的整数件数。");
        Assert.Contains(failed, c => c.Detail == "二·行政强制·本年处理决定数量：-1 不是不小于 0 的整数件数。");
        Assert.Contains(failed, c => c.Detail == "二·行政事业性收费·本年收费金额（单位：万元）：1.23456 不是不小于 0、至多四位小数的金额（万元）。");
        Assert.Empty(Failed(Tables(new Dictionary<string, decimal?>(Zeros) { ["fees.amount"] = 12.3456m })));
    }

    [Fact]
    public void In_force_documents_cannot_be_fewer_than_issued_minus_repealed_and_the_message_gives_the_numbers()
    {
        var hand = new Dictionary<string, decimal?>(Zeros) { ["regulations.issued"] = 3, ["regulations.repealed"] = 0, ["regulations.in-force"] = 1 };
        var failed = Assert.Single(Failed(Tables(hand)));
        Assert.Equal("二.stock.regulations", failed.Rule);
        Assert.Equal("二·规章·现行有效件数：1，应不小于本年制发 3 − 本年废止 0 = 3。", failed.Detail);

        hand["regulations.in-force"] = 5;
        Assert.Empty(Failed(Tables(hand)));
    }

    [Fact]
    public void With_last_years_published_report_in_force_must_carry_over_exactly_and_so_must_the_carried_requests()
    {
        var previous = Tables(new Dictionary<string, decimal?>(Zeros) { ["regulations.in-force"] = 4 }, new DocumentCounts(2, 0, 10));
        var hand = new Dictionary<string, decimal?>(Zeros) { ["regulations.issued"] = 1, ["regulations.repealed"] = 1, ["regulations.in-force"] = 4 };
        // 规章 4 = 4 + 1 − 1 and 行政规范性文件 12 = 10 + 3 − 1 carry over; the requests do not: last year carried forward
        // 0 natural persons' requests, this year says 1 was carried over.
        var failed = Failed(Tables(hand), previous);
        Assert.All(failed, c => Assert.StartsWith("三.carried.", c.Rule, StringComparison.Ordinal));
        Assert.Contains(failed, c => c.Detail == "三·自然人列·二、上年结转：1，上年报告四、结转下年度继续办理 0。");

        var broken = Failed(Tables(hand, new DocumentCounts(3, 1, 11)), previous);
        Assert.Contains(broken, c => c.Detail == "二·行政规范性文件·现行有效件数：11，应等于上年现行有效 10 + 本年制发 3 − 本年废止 1 = 12。");
    }

    [Fact]
    public void Table_three_names_the_column_and_numbers_when_new_plus_carried_differs_from_results_plus_carried_forward()
    {
        var three = With(BalancedThree(), "new", 0, 9);
        three = With(three, "new", 6, 11);
        var failed = Failed(Tables(three: three));
        Assert.Equal(["三.balance.0", "三.balance.6"], failed.Select(c => c.Rule));
        Assert.Equal("三·自然人列：一 9 + 二 1 = 10，三（七）9 + 四 0 = 9。", failed[0].Detail);
    }

    [Fact]
    public void Table_three_total_must_equal_the_six_results_and_each_group_its_sub_rows()
    {
        var three = With(BalancedThree(), "withheld.third-party", 0, 1);
        three = With(three, "withheld.third-party", 6, 1);
        var failed = Failed(Tables(three: three));
        Assert.Equal(["三.group.Withheld.0", "三.group.Withheld.6"], failed.Select(c => c.Rule));
        Assert.Equal("三·自然人列·（三）不予公开：1，其各分项之和 2。", failed[0].Detail);

        var results = With(With(BalancedThree(), "results", 1, 3), "results", 6, 12);
        var resultFailures = Failed(Tables(three: results));
        Assert.Contains(resultFailures, c => c.Detail == "三·商业企业列·（七）总计：3，（一）至（六）之和 2。");
        Assert.Contains(resultFailures, c => c.Rule == "三.balance.1");
    }

    [Fact]
    public void Table_three_total_column_must_be_the_sum_of_the_applicant_columns_and_no_count_may_be_negative()
    {
        var three = With(BalancedThree(), "Disclosed", 6, 6);
        var failed = Failed(Tables(three: three));
        Assert.Contains(failed, c => c.Detail == "三·（一）予以公开·总计列：6，自然人和法人或其他组织各列之和 5。");

        var negative = With(With(BalancedThree(), "carried-forward", 1, -1), "carried-forward", 6, 1);
        Assert.Contains(Failed(Tables(three: negative)), c => c.Detail == "三·四、结转下年度继续办理：有负数。");
    }

    [Fact]
    public void A_table_three_without_its_rows_or_a_table_four_without_its_groups_fails_as_incomplete()
    {
        var failed = Failed(Tables(three: BalancedThree().Where(l => l.Key != "carried").ToList(), four: BalancedFour().Take(2).ToList()));
        Assert.Equal(["三.shape", "四.shape"], failed.Select(c => c.Rule));
    }

    [Fact]
    public void Table_four_totals_must_be_the_sum_of_upheld_corrected_other_and_pending()
    {
        var four = BalancedFour();
        four[0] = four[0] with { Counts = [1, 1, 0, 1, 4] };
        var failed = Assert.Single(Failed(Tables(four: four)));
        Assert.Equal("四·行政复议·总计：4，维持、纠正、其他、尚未审结之和 3。", failed.Detail);
    }

    [Theory]
    [InlineData("", null, null)]
    [InlineData(" 12 ", 12.0, null)]
    [InlineData("１２", 12.0, null)]
    [InlineData("1,234", 1234.0, null)]
    [InlineData("3.75", 3.75, null)]
    [InlineData("十二", null, "二·行政许可·本年处理决定数量：“十二”不是数字。")]
    public void Hand_figures_are_read_as_typed(string text, double? expected, string? error)
    {
        var (value, message) = AnnualReportRules.ParseHand("licensing.decisions", text);
        Assert.Equal(expected is null ? null : (decimal)expected.Value, value);
        Assert.Equal(error, message);
    }

    [Theory]
    [InlineData(false, "2026-01-31")]
    [InlineData(true, "2026-03-31")]
    public void Departments_publish_by_31_January_and_governments_by_31_March(bool government, string due)
    {
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), AnnualReportRules.DueOn(2025, government));
    }

    [Fact]
    public void The_deadline_is_open_then_due_soon_then_overdue_and_a_publication_is_on_time_or_late()
    {
        var due = new DateOnly(2026, 1, 31);
        Assert.Equal(ReportDeadlineState.Open, AnnualReportRules.Deadline(due, new DateOnly(2026, 1, 16), null));
        Assert.Equal(ReportDeadlineState.DueSoon, AnnualReportRules.Deadline(due, new DateOnly(2026, 1, 17), null));
        Assert.Equal(ReportDeadlineState.DueSoon, AnnualReportRules.Deadline(due, due, null));
        Assert.Equal(ReportDeadlineState.Overdue, AnnualReportRules.Deadline(due, new DateOnly(2026, 2, 1), null));
        Assert.Equal(ReportDeadlineState.PublishedOnTime, AnnualReportRules.Deadline(due, new DateOnly(2026, 12, 3), due));
        Assert.Equal(ReportDeadlineState.PublishedLate, AnnualReportRules.Deadline(due, new DateOnly(2026, 12, 3), new DateOnly(2026, 2, 1)));
    }

    [Theory]
    [InlineData("2027-01-16", false, null)]       // 15 days before a department's 31 January: nothing yet
    [InlineData("2027-01-17", false, "14")]
    [InlineData("2027-01-27", false, "14")]
    [InlineData("2027-01-28", false, "3")]
    [InlineData("2027-01-31", false, "3")]        // the day itself
    [InlineData("2027-02-01", false, "overdue")]
    [InlineData("2027-01-28", true, null)]        // published: no reminder
    public void Reminders_come_14_and_3_days_before_the_deadline_and_once_overdue(string today, bool published, string? stage)
    {
        var due = AnnualReportRules.DueOn(2026, isGovernment: false);
        Assert.Equal(new DateOnly(2027, 1, 31), due);
        Assert.Equal(stage, AnnualReportRules.ReminderDue(due, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), published));
    }
}
