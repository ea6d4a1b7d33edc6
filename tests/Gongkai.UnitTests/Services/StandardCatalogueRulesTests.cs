using Gongkai.Calendar;
using Gongkai.Organizations;
using Gongkai.Services.Catalogues;
using Gongkai.Services.Rules;

namespace Gongkai.UnitTests.Services;

public sealed class StandardCatalogueRulesTests
{
    private static readonly WorkCalendar Official = HolidayYearFile.BuildCalendar(HolidayYearFile.LoadEmbedded());

    private static StandardCatalogueItem Item(string name, string audience = "全社会", string mode = "主动", string[]? levels = null, string content = "内容") =>
        new(name, content, "《社会救助暂行办法》", "信息形成或变更之日起20个工作日内", "县级民政部门", "政府网站", audience, mode, levels ?? ["县级", "乡级"]);

    [Fact]
    public void The_shipped_templates_cover_all_26_fields_and_every_public_institution_kind_and_are_each_valid()
    {
        var shipped = StandardCatalogues.Shipped;
        Assert.Equal(StandardCatalogueRules.Fields, shipped.Where(c => c.Sector is null).Select(c => c.Field));
        Assert.Equal(["school", "hospital", "water-supply", "power-supply", "gas-supply", "heat-supply", "public-transport"], shipped.Where(c => c.Sector is not null).Select(c => c.Sector));
        Assert.All(BodyKinds.All.Where(BodyKinds.IsPublicInstitution), kind => Assert.Contains(shipped, c => c.Sector == BodyKinds.Slug(kind)));
        Assert.All(shipped, c => Assert.Empty(StandardCatalogueRules.Validate(c)));
        Assert.Equal(shipped.Count, shipped.Select(c => c.Code).Distinct().Count());
    }

    [Fact]
    public void The_social_assistance_template_is_well_filled_for_both_levels()
    {
        var assistance = Assert.Single(StandardCatalogues.Shipped, c => c.Code == "social-assistance");
        Assert.True(assistance.Items.Count >= 12);
        Assert.Contains(assistance.Items, i => i.Name == "最低生活保障审核审批结果" && i.Levels.SequenceEqual(["乡级"]));
        Assert.Contains(assistance.Items, i => i.Mode == "依申请" && i.Audience == "特定群体");
        var township = StandardCatalogueRules.ItemsFor(assistance, BodyKind.Township);
        var county = StandardCatalogueRules.ItemsFor(assistance, BodyKind.CountyGovernment);
        Assert.All(township, i => Assert.Contains("乡级", i.Levels));
        Assert.All(county, i => Assert.Contains("县级", i.Levels));
        Assert.DoesNotContain(county, i => i.Name == "临时救助结果");
        Assert.Contains(township, i => i.Name == "临时救助结果");
        Assert.Equal(assistance.Items.Count, StandardCatalogueRules.ItemsFor(assistance, BodyKind.MunicipalGovernment).Count);
    }

    [Fact]
    public void A_template_with_a_wrong_audience_mode_or_level_a_duplicate_or_a_missing_content_is_refused_item_by_item()
    {
        var bad = new StandardCatalogue("Bad Code", "", "社会救助", "robot", "",
        [
            Item("低保标准"), Item("低保标准"), Item("临时救助", audience: "市民"), Item("医疗救助", mode: "被动"), Item("资金", levels: ["市级"]), Item("热线", content: " "),
        ]);
        var errors = StandardCatalogueRules.Validate(bad);
        Assert.Contains("code", errors.Keys);
        Assert.Contains("title", errors.Keys);
        Assert.Equal("适用单位类型“robot”无效。", Assert.Single(errors["sector"]));
        Assert.Equal("第 2 项：公开事项“低保标准”与第 1 项重复。", Assert.Single(errors["items[1].name"]));
        Assert.Equal("第 3 项：公开对象应为“全社会”或“特定群体”。", Assert.Single(errors["items[2].audience"]));
        Assert.Equal("第 4 项：公开方式应为“主动”或“依申请”。", Assert.Single(errors["items[3].mode"]));
        Assert.Contains("items[4].levels", errors.Keys);
        Assert.Equal("第 6 项：请填写公开内容。", Assert.Single(errors["items[5].content"]));
    }

    [Theory]
    [InlineData("信息形成或变更之日起20个工作日内", 20, null)]
    [InlineData("办事条件变更获批后1个工作日内", 1, null)]
    [InlineData("每季度公布上一季度结果", 20, 3)]
    [InlineData("审核确认后在申请人所在村（社区）公示7天；结果每月更新", 20, 1)]
    [InlineData("每年度公布上一年度情况", 20, 12)]
    [InlineData("停止供应前24小时公告", 20, null)]
    public void Time_limits_read_as_working_days_or_a_refresh_period(string text, int workingDays, int? months)
    {
        var limit = StandardCatalogueRules.ParseTimeLimit(text);
        Assert.Equal(workingDays, limit.WorkingDays);
        Assert.Equal(months, limit.PeriodMonths);
    }

    [Fact]
    public void An_item_with_nothing_published_is_due_after_its_working_days_across_the_holiday_and_late_the_day_after()
    {
        // Listed on Friday 25 September 2026; five working days skip 国庆节 (1–7 October): 28, 29, 30 September, 8, 9 October.
        var limit = new DisclosureTimeLimit(5, null);
        var listed = new DateOnly(2026, 9, 25);
        Assert.Equal(new CatalogueGap(CatalogueGapState.Missing, new DateOnly(2026, 10, 9)), StandardCatalogueRules.Assess(limit, listed, 0, null, new DateOnly(2026, 10, 9), Official));
        Assert.Equal(CatalogueGapState.Late, StandardCatalogueRules.Assess(limit, listed, 0, null, new DateOnly(2026, 10, 10), Official).State);
        Assert.Equal(CatalogueGapState.Current, StandardCatalogueRules.Assess(limit, listed, 1, new DateOnly(2026, 10, 12), new DateOnly(2026, 12, 1), Official).State);
    }

    [Fact]
    public void A_periodic_item_not_refreshed_within_its_period_is_not_updated()
    {
        var quarterly = new DisclosureTimeLimit(20, 3);
        var listed = new DateOnly(2026, 1, 5);
        Assert.Equal(new CatalogueGap(CatalogueGapState.Current, new DateOnly(2026, 7, 1)),
            StandardCatalogueRules.Assess(quarterly, listed, 2, new DateOnly(2026, 4, 1), new DateOnly(2026, 7, 1), Official));
        Assert.Equal(CatalogueGapState.NotUpdated, StandardCatalogueRules.Assess(quarterly, listed, 2, new DateOnly(2026, 4, 1), new DateOnly(2026, 7, 2), Official).State);
        Assert.Equal(new CatalogueGap(CatalogueGapState.Late, new DateOnly(2026, 4, 5)), StandardCatalogueRules.Assess(quarterly, listed, 0, null, new DateOnly(2026, 4, 6), Official));
    }

    [Fact]
    public void Beyond_the_calendar_s_years_the_due_date_is_still_given()
    {
        var gap = StandardCatalogueRules.Assess(new DisclosureTimeLimit(20, null), new DateOnly(2031, 3, 2), 0, null, new DateOnly(2031, 3, 3), Official);
        Assert.Equal(new CatalogueGap(CatalogueGapState.Missing, new DateOnly(2031, 3, 30)), gap);
    }

    [Theory]
    [InlineData(0, 0, 0, 100, "优秀")]
    [InlineData(1, 0, 0, 90, "优秀")]
    [InlineData(1, 1, 3, 79, "合格")]
    [InlineData(12, 0, 0, 0, "不合格")]
    public void The_suggested_score_counts_late_stale_and_due_items(int late, int stale, int missing, int score, string grade)
    {
        Assert.Equal(score, UnitAssessmentRules.SuggestedScore(late, stale, missing));
        Assert.Equal(grade, UnitAssessmentRules.GradeOf(score));
    }

    [Fact]
    public void A_score_other_than_the_suggestion_needs_a_reason()
    {
        Assert.Null(UnitAssessmentRules.Refuse(90, null, 90));
        Assert.Equal("分数与按缺项计算的建议分（90 分）不同，请写明理由。", UnitAssessmentRules.Refuse(95, " ", 90));
        Assert.Null(UnitAssessmentRules.Refuse(95, "整改及时", 90));
        Assert.Equal("请填写 0 至 100 之间的考核分数。", UnitAssessmentRules.Refuse(101, "x", 90));
        Assert.Equal("请填写 0 至 100 之间的考核分数。", UnitAssessmentRules.Refuse(null, "x", 90));
    }
}

/// <summary>Items filled by structured records (数据开放) as well as documents.</summary>
public sealed class StandardCatalogueRecordRulesTests
{
    private static readonly (string Key, string Name)[] Types = [("administrative-penalty", "行政处罚"), ("public-resource-trade", "公共资源交易"), ("poverty-project", "扶贫项目")];

    private static StandardCatalogueItem Item(string name, string? recordType = null) =>
        new(name, "内容", "依据", "20个工作日内", "主体", "政府网站", "全社会", "主动", ["县级"], recordType);

    [Fact]
    public void An_item_is_filled_by_the_record_type_it_names_or_the_one_named_like_it()
    {
        Assert.Equal("public-resource-trade", StandardCatalogueRules.RecordTypeFor(Item("交易结果", "public-resource-trade"), "交易结果", Types));
        Assert.Equal("administrative-penalty", StandardCatalogueRules.RecordTypeFor(Item("行政处罚"), "行政处罚", Types));
        Assert.Equal("poverty-project", StandardCatalogueRules.RecordTypeFor(null, "扶贫项目", Types));
        Assert.Null(StandardCatalogueRules.RecordTypeFor(Item("最低生活保障标准"), "最低生活保障标准", Types));
        // A type that no longer exists falls back to the name, then to documents only.
        Assert.Null(StandardCatalogueRules.RecordTypeFor(Item("交易结果", "gone-type"), "交易结果", Types));
    }

    [Fact]
    public void Documents_and_records_count_together_and_the_latest_of_either_dates_the_item()
    {
        Assert.Equal((5, new DateOnly(2026, 3, 2)), StandardCatalogueRules.Filled(2, new DateOnly(2026, 1, 5), 3, new DateOnly(2026, 3, 2)));
        Assert.Equal((2, new DateOnly(2026, 1, 5)), StandardCatalogueRules.Filled(2, new DateOnly(2026, 1, 5), 0, null));
        Assert.Equal((3, new DateOnly(2026, 3, 2)), StandardCatalogueRules.Filled(0, null, 3, new DateOnly(2026, 3, 2)));
        Assert.Equal((0, (DateOnly?)null), StandardCatalogueRules.Filled(0, null, 0, null));
    }

    [Fact]
    public void A_template_item_naming_a_malformed_record_type_is_refused()
    {
        var catalogue = new StandardCatalogue("my-field", "目录", "领域", null, "说明", [Item("事项", "Bad Type!")]);
        Assert.Contains("items[0].recordType", StandardCatalogueRules.Validate(catalogue).Keys);
        Assert.Empty(StandardCatalogueRules.Validate(catalogue with { Items = [Item("事项", "administrative-penalty")] }));
    }
}
