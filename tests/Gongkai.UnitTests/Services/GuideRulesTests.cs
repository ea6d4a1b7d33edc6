using Gongkai.Calendar;
using Gongkai.Services.Rules;

namespace Gongkai.UnitTests.Services;

public sealed class GuideRulesTests
{
    private static readonly WorkCalendar Official = HolidayYearFile.BuildCalendar(HolidayYearFile.LoadEmbedded());

    private static GuideContent Content(params GuideMaterial[] materials) => new(
        "特困人员认定", "行政确认", "《社会救助暂行办法》第十四条", "无劳动能力、无生活来源", materials, "申请—审核—确认", 30, 15, "", "政务服务中心", "工作日",
        "公交1路", "0816-1", "12345", "特困人员救助供养证", null, true, false, null);

    [Theory]
    [InlineData("2026-09-30", "2026-10-08")] // Wednesday before 国庆节 (1–7 October off): the first working day after is Thursday 8 October
    [InlineData("2026-10-09", "2026-10-10")] // Friday 9 October: Saturday 10 October is an adjusted working day
    [InlineData("2026-06-12", "2026-06-15")] // an ordinary Friday: the next Monday
    [InlineData("2026-06-16", "2026-06-17")] // an ordinary Tuesday: the next day
    public void Publish_by_is_the_working_day_after_approval_on_the_official_calendar(string approved, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            GuideRules.PublishBy(DateOnly.Parse(approved, System.Globalization.CultureInfo.InvariantCulture), Official));

    [Fact]
    public void The_clock_state_follows_publication_against_publish_by()
    {
        var publishBy = new DateOnly(2026, 10, 8);
        Assert.Equal(GuideClockState.Due, GuideRules.StateOf(publishBy, null, new DateOnly(2026, 10, 8)));
        Assert.Equal(GuideClockState.Overdue, GuideRules.StateOf(publishBy, null, new DateOnly(2026, 10, 9)));
        Assert.Equal(GuideClockState.OnTime, GuideRules.StateOf(publishBy, new DateOnly(2026, 10, 8), new DateOnly(2026, 12, 1)));
        Assert.Equal(GuideClockState.PublishedLate, GuideRules.StateOf(publishBy, new DateOnly(2026, 10, 9), new DateOnly(2026, 10, 9)));
    }

    [Fact]
    public void A_version_effective_before_its_approval_is_refused_with_both_dates_named()
    {
        var refused = GuideRules.Check(new GuideVersionInput(Content(), new DateOnly(2026, 9, 30), new DateOnly(2026, 9, 29)));
        var message = Assert.Single(refused.Refusal!.Errors["effectiveOn"]);
        Assert.Equal("施行日期（2026年9月29日）不能早于批准日期（2026年9月30日）。", message);
    }

    [Fact]
    public void Effective_on_the_day_of_approval_is_allowed()
    {
        var done = GuideRules.Check(new GuideVersionInput(Content(new GuideMaterial(" 户口簿 ", "原件", 1, " ", null)), new DateOnly(2026, 9, 30), new DateOnly(2026, 9, 30)));
        Assert.True(done.Succeeded);
        var material = Assert.Single(done.Value!.Content.Materials);
        Assert.Equal("户口簿", material.Name);
        Assert.Null(material.BlankFormUrl);
        Assert.Equal("不收费", done.Value.Content.Fees);
    }

    [Fact]
    public void A_material_without_a_name_is_refused_with_its_position()
    {
        var refused = GuideRules.Check(new GuideVersionInput(Content(new GuideMaterial("户口簿", "原件", 1, null, null), new GuideMaterial("  ", "复印件", 2, null, null)),
            new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 8)));
        Assert.Equal("第 2 项申请材料没有名称，请填写材料名称。", Assert.Single(refused.Refusal!.Errors["materials"]));
    }

    [Fact]
    public void Missing_dates_required_elements_and_bad_addresses_are_refused_field_by_field()
    {
        var content = Content() with { ItemName = " ", ItemType = "行政审批", ConsultPhone = "", FullyOnline = true, OnlineUrl = null, ResultSampleUrl = "javascript:alert(1)" };
        var errors = GuideRules.Check(new GuideVersionInput(content, null, null)).Refusal!.Errors;
        Assert.Equal(["approvedOn", "consultPhone", "effectiveOn", "itemName", "itemType", "onlineUrl", "urls"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_promised_time_limit_longer_than_the_legal_one_is_refused()
    {
        var refused = GuideRules.Check(new GuideVersionInput(Content() with { LegalDays = 10, PromisedDays = 20 }, new DateOnly(2026, 9, 30), new DateOnly(2026, 9, 30)));
        Assert.Contains("promisedDays", refused.Refusal!.Errors.Keys);
    }

    [Fact]
    public void A_complete_guide_lacks_no_key_element() =>
        Assert.Empty(GuideRules.MissingKeyElements(Content(new GuideMaterial("户口簿", "原件", 1, null, null))));

    [Fact]
    public void Missing_key_elements_are_named_in_the_guides_order()
    {
        var content = Content(new GuideMaterial(" ", "原件", 1, null, null)) with { Basis = " ", LegalDays = 0, PromisedDays = 0, Hours = "", ComplaintPhone = "" };
        Assert.Equal(["设定依据", "申请材料", "办理时限", "办理时间", "监督电话"], GuideRules.MissingKeyElements(content));
    }

    [Fact]
    public void A_fully_online_item_needs_no_place_or_office_hours() =>
        Assert.Empty(GuideRules.MissingKeyElements(Content(new GuideMaterial("户口簿", "电子件", 1, null, null)) with
        {
            Location = "", Hours = "", FullyOnline = true, OnlineUrl = "https://zwfw.example/1",
        }));
}
