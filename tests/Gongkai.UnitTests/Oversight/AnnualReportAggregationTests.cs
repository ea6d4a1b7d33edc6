using Gongkai.Oversight.Rules;

namespace Gongkai.UnitTests.Oversight;

public sealed class AnnualReportAggregationTests
{
    private static AnnualReportTables Government(decimal licences = 2, decimal? penalties = 1) => AnnualReportRulesTests.Tables(
        new Dictionary<string, decimal?>(AnnualReportRulesTests.Zeros) { ["licensing.decisions"] = licences, ["penalty.decisions"] = penalties, ["fees.amount"] = 1.5m },
        new DocumentCounts(3, 1, 12));

    private static AnnualReportTables Department(decimal licences, decimal fees) => AnnualReportRulesTests.Tables(
        new Dictionary<string, decimal?>(AnnualReportRulesTests.Zeros)
        {
            ["licensing.decisions"] = licences, ["penalty.decisions"] = 4, ["fees.amount"] = fees, ["regulations.in-force"] = 9,
        },
        new DocumentCounts(5, 0, 40));

    [Fact]
    public void A_government_sums_its_departments_decisions_requests_and_appeals_but_keeps_its_own_documents()
    {
        var tables = AnnualReportAggregation.Aggregate("绵阳市人民政府", Government(),
        [
            new DepartmentFigures("市生态环境局", true, Department(10, 0.25m)),
            new DepartmentFigures("市财政局", true, Department(5, 2m)),
        ]);

        Assert.Equal(17m, tables.Figure("licensing.decisions")!.Value);
        Assert.Equal(9m, tables.Figure("penalty.decisions")!.Value);
        Assert.Equal(3.75m, tables.Figure("fees.amount")!.Value);
        // 第二十条第（一）项 stays the government's own: its 规范性文件 and 规章, not the departments' 5 + 40.
        Assert.Equal(3m, tables.Figure("normative.issued")!.Value);
        Assert.Equal(12m, tables.Figure("normative.in-force")!.Value);
        Assert.Equal(0m, tables.Figure("regulations.in-force")!.Value);
        // 三 and 四: three balanced tables summed cell by cell (10 new each → 30; 3 reconsiderations each → 9).
        Assert.Equal([24, 6, 0, 0, 0, 0, 30], tables.Line("new")!.Counts);
        Assert.Equal([3, 3, 0, 3, 9], tables.Four[0].Counts);
        Assert.Equal(["绵阳市人民政府", "市生态环境局", "市财政局"], tables.Aggregation!.Included);
        Assert.Empty(tables.Aggregation.Missing);
        // Sums of balanced tables balance: every invariant still holds.
        Assert.All(AnnualReportRules.Check(tables), c => Assert.True(c.Ok, c.Detail));
    }

    [Fact]
    public void A_missing_or_unfrozen_department_is_named_with_its_reason_and_its_figures_are_not_added()
    {
        var tables = AnnualReportAggregation.Aggregate("绵阳市人民政府", Government(),
        [
            new DepartmentFigures("市生态环境局", true, Department(10, 0.25m)),
            new DepartmentFigures("市财政局", true, null),
            new DepartmentFigures("市民政局", false, null),
        ]);

        Assert.Equal(12m, tables.Figure("licensing.decisions")!.Value);
        Assert.Equal(["绵阳市人民政府", "市生态环境局"], tables.Aggregation!.Included);
        Assert.Equal(
            [new MissingDepartment("市财政局", AnnualReportAggregation.NotFrozen), new MissingDepartment("市民政局", AnnualReportAggregation.NotGenerated)],
            tables.Aggregation.Missing);
        var statement = AnnualReportAggregation.Statement(tables.Aggregation);
        Assert.Contains("为绵阳市人民政府、市生态环境局的汇总数据（共 2 个机关）", statement, StringComparison.Ordinal);
        Assert.Contains("以下部门的数据未计入：市财政局（年度报告数据尚未冻结）；市民政局（年度报告尚未生成）。", statement, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_the_government_has_not_filled_stays_empty_and_fails_its_check()
    {
        var tables = AnnualReportAggregation.Aggregate("绵阳市人民政府", Government(penalties: null),
            [new DepartmentFigures("市生态环境局", true, Department(10, 0.25m))]);

        Assert.Null(tables.Figure("penalty.decisions")!.Value);
        Assert.Contains(AnnualReportRules.Check(tables), c => !c.Ok && c.Rule == "二.filled.penalty.decisions");
    }

    [Fact]
    public void A_government_without_departments_says_so()
    {
        var tables = AnnualReportAggregation.Aggregate("某县人民政府", Government(), []);

        Assert.Equal(2m, tables.Figure("licensing.decisions")!.Value);
        Assert.Contains("（没有可汇总的部门数据）", AnnualReportAggregation.Statement(tables.Aggregation!), StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_counts_from_records_are_computed_cells_and_the_rest_stay_hand_entries()
    {
        var two = AnnualReportRules.TableTwo(new DocumentCounts(0, 0, 0), new Dictionary<string, decimal?> { ["licensing.decisions"] = 99 },
            new Dictionary<string, long> { ["licensing.decisions"] = 7 });

        var licensing = two.Single(f => f.Key == "licensing.decisions");
        Assert.Equal((7m, FigureSource.Computed), (licensing.Value, licensing.Source));
        var penalty = two.Single(f => f.Key == "penalty.decisions");
        Assert.Equal((null, FigureSource.Hand), (penalty.Value, penalty.Source));
    }
}
