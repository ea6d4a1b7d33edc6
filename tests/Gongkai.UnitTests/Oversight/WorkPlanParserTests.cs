using Gongkai.Organizations;
using Gongkai.Organizations.Demo;
using Gongkai.Oversight.Rules;

namespace Gongkai.UnitTests.Oversight;

public sealed class WorkPlanParserTests
{
    private static readonly string Seed = ReadSeed();

    private static string ReadSeed()
    {
        using var stream = typeof(Gongkai.Platform.Data.GongkaiDbContext).Assembly.GetManifestResourceStream("DemoData/2018-work-plan.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static readonly WorkPlanParse Parsed = WorkPlanParser.Parse(Seed);

    [Fact]
    public void The_seed_work_plan_reads_as_eighteen_tasks_numbered_one_to_eighteen_of_2018()
    {
        Assert.True(Parsed.Importable);
        Assert.Equal(2018, Parsed.Year);
        Assert.Equal("2018年政务公开工作要点", Parsed.Title);
        Assert.Equal(Enumerable.Range(1, 18), Parsed.Tasks.Select(t => t.Number));
        Assert.All(Parsed.Tasks, t => Assert.NotEmpty(t.Lead));
    }

    [Fact]
    public void A_task_has_its_first_sentence_as_title_its_section_and_its_text_without_the_marker()
    {
        var first = Parsed.Tasks[0];
        Assert.Equal("围绕群众关切事项，加大重点领域信息公开力度", first.Title);
        Assert.Equal("一、深化公开内容，加大主动公开力度", first.Section);
        Assert.StartsWith("切实推进重大建设项目批准和实施", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("牵头单位", first.Text, StringComparison.Ordinal);
        Assert.Equal(["市发展改革委", "市财政局", "市政务服务管理局"], first.Lead);
        Assert.Equal(["各市县市区人民政府", "各园区管委会", "市政府各部门", "市政务服务和公共资源交易中心"], first.Responsible);

        var eighteenth = Parsed.Tasks[17];
        Assert.Equal("四、强化试点引领，着力提升政务公开制度化规范化水平", eighteenth.Section);
        Assert.Equal("（十八）", $"（{eighteenth.Numeral}）");
    }

    [Fact]
    public void The_pilot_task_has_both_milestones_and_its_deadline_is_the_later_one()
    {
        var pilot = Parsed.Tasks.Single(t => t.Number == 14);
        Assert.Equal(
            [new WorkPlanMilestone(new DateOnly(2018, 8, 31), "8月底前完成试点验收"), new WorkPlanMilestone(new DateOnly(2018, 9, 30), "9月底前报送试点成果和总体情况")],
            pilot.Milestones);
        Assert.Equal(new DateOnly(2018, 9, 30), pilot.Deadline);
        Assert.Equal(["市政府办公室"], pilot.Lead);
        Assert.Contains("盐亭县人民政府", pilot.Responsible);
    }

    [Fact]
    public void Year_end_deadlines_are_read_with_or_without_the_year_and_tasks_without_dates_have_none()
    {
        Assert.Equal(new DateOnly(2018, 12, 31), Parsed.Tasks.Single(t => t.Number == 3).Deadline);   // 2018年年底前
        Assert.Equal(new DateOnly(2018, 12, 31), Parsed.Tasks.Single(t => t.Number == 12).Deadline);  // 在年底前
        Assert.Null(Parsed.Tasks.Single(t => t.Number == 6).Deadline);  // "3个工作日内" is a period, not a date
        Assert.Null(Parsed.Tasks.Single(t => t.Number == 5).Deadline);  // "年底公布" without 前 sets no deadline
    }

    [Fact]
    public void The_seeds_irregular_markers_are_reported_but_their_units_are_kept()
    {
        // （十）"市政府办公室,市政府新闻办": a half-width comma between names.
        var tenth = Parsed.Tasks.Single(t => t.Number == 10);
        Assert.Equal(["市政府办公室", "市政府新闻办"], tenth.Lead);
        Assert.Contains(Parsed.Problems, p => p.TaskNumber == 10 && p.Message.Contains("半角逗号", StringComparison.Ordinal));

        // （十八）"市政府办公室，责任单位：…": a comma where the semicolon belongs.
        var eighteenth = Parsed.Tasks.Single(t => t.Number == 18);
        Assert.Equal(["市政府办公室"], eighteenth.Lead);
        Assert.Equal(["各县市区人民政府", "各园区管委会", "市政府各部门"], eighteenth.Responsible);
        Assert.Contains(Parsed.Problems, p => p.TaskNumber == 18 && p.Message.Contains("应为分号", StringComparison.Ordinal));

        Assert.DoesNotContain(Parsed.Problems, p => p.Blocking);
        Assert.Equal([10, 18], Parsed.Problems.Select(p => p.TaskNumber!.Value).Distinct().Order());
    }

    [Fact]
    public void A_task_without_a_marker_is_kept_with_no_units_and_reported()
    {
        var parsed = WorkPlanParser.Parse("2019年政务公开工作要点\n一、公开\n（一）做好公开。按时公开。（牵头单位：市政府办公室；责任单位：市政府各部门）\n（二）加强解读。做好解读。");
        Assert.True(parsed.Importable);
        Assert.Equal(2, parsed.Tasks.Count);
        Assert.Empty(parsed.Tasks[1].Lead);
        Assert.Equal("做好解读。", parsed.Tasks[1].Text);
        Assert.Contains(parsed.Problems, p => p.TaskNumber == 2 && p.Message.Contains("没有“（牵头单位", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("（一）甲。乙。（牵头单位：市政府办公室；责任单位：市政府各部门", "没有右括号")]
    [InlineData("（一）甲。乙。（牵头单位：市政府办公室）", "没有“责任单位”")]
    [InlineData("（一）甲。乙。（牵头单位市政府办公室；责任单位：市政府各部门）", "缺少冒号")]
    [InlineData("（一）甲。乙。（牵头单位：市政府办公室责任单位：市政府各部门）", "缺少分号")]
    [InlineData("（一）甲。乙。（牵头单位：；责任单位：市政府各部门）", "牵头单位为空")]
    [InlineData("（一）甲。乙。（牵头单位：市政府办公室；责任单位：市政府各部门）此后还有字。", "标记之后还有文字")]
    public void Malformed_markers_are_reported_with_the_task_number(string task, string expected)
    {
        var parsed = WorkPlanParser.Parse("2019年政务公开工作要点\n" + task);
        Assert.Single(parsed.Tasks);
        Assert.Contains(parsed.Problems, p => p.TaskNumber == 1 && p.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_numbers_block_the_import_and_gaps_are_reported()
    {
        var duplicate = WorkPlanParser.Parse("2019年工作要点\n（一）甲。（牵头单位：A；责任单位：B）\n（一）乙。（牵头单位：A；责任单位：B）");
        Assert.False(duplicate.Importable);
        Assert.Contains(duplicate.Problems, p => p.Blocking && p.Message.Contains("出现了 2 次", StringComparison.Ordinal));

        var gap = WorkPlanParser.Parse("2019年工作要点\n（一）甲。（牵头单位：A；责任单位：B）\n（三）乙。（牵头单位：A；责任单位：B）");
        Assert.True(gap.Importable);
        Assert.Contains(gap.Problems, p => p.TaskNumber == 3 && p.Message.Contains("应为（二）", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_without_tasks_or_without_a_year_cannot_be_imported()
    {
        Assert.False(WorkPlanParser.Parse("2019年工作要点\n只有一段话。").Importable);
        Assert.False(WorkPlanParser.Parse("").Importable);
        var noYear = WorkPlanParser.Parse("工作要点\n（一）甲。（牵头单位：A；责任单位：B）");
        Assert.False(noYear.Importable);
        Assert.True(WorkPlanParser.Parse("工作要点\n（一）甲。（牵头单位：A；责任单位：B）", 2019).Importable);
    }

    [Theory]
    [InlineData("6月30日前报送", 2019, 6, 30)]
    [InlineData("2020年3月底前完成", 2020, 3, 31)]
    [InlineData("9月前完成", 2019, 8, 31)]
    [InlineData("2月底前完成", 2019, 2, 28)]
    public void Milestones_read_days_month_ends_and_explicit_years(string text, int year, int month, int day)
    {
        var milestone = Assert.Single(WorkPlanParser.Milestones(text, 2019));
        Assert.Equal(new DateOnly(year, month, day), milestone.Due);
        Assert.Equal(text, milestone.Text);
    }

    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(14, "十四")]
    [InlineData(20, "二十")]
    [InlineData(38, "三十八")]
    public void Numerals_go_both_ways(int number, string numeral)
    {
        Assert.Equal(numeral, WorkPlanParser.Numeral(number));
        Assert.Equal(number, WorkPlanParser.ParseNumeral(numeral));
    }

    [Fact]
    public void Against_the_demo_bodies_every_task_lead_that_is_a_demo_body_matches_and_the_rest_are_listed_unmatched()
    {
        var bodies = DemoOrganizationSeeder.Build();
        var ids = bodies.Select((b, i) => (Body: b, Id: i + 1)).ToList();
        var matcher = new UnitMatcher(ids.Select(p => new UnitCandidate(p.Id, p.Body.Name, p.Body.ShortName, p.Body.Kind)));
        var leads = Parsed.Tasks.SelectMany(t => t.Lead).Distinct().Select(matcher.Match).ToList();

        var matched = leads.Where(m => m.Kind == UnitMatchKind.Body)
            .Select(m => ids.Single(p => p.Id == m.BodyId).Body.Code).Order().ToList();
        Assert.Equal(["myczj", "myfgw", "mymzj", "myrsj", "myszfb", "myzjj"], matched);

        // Names of bodies the demo city does not have (or has under another name): never guessed.
        var unmatched = leads.Where(m => m.Kind == UnitMatchKind.Unmatched).Select(m => m.Name).ToList();
        Assert.Contains("市教育体育局", unmatched);   // the demo body is 市教体局 / 绵阳市教育和体育局
        Assert.Contains("市环境保护局", unmatched);
        Assert.Contains("市政府新闻办", unmatched);
        Assert.Equal(leads.Count - matched.Count, unmatched.Count);

        var pilotResponsible = Parsed.Tasks.Single(t => t.Number == 14).Responsible.Select(matcher.Match).ToList();
        Assert.Equal("ytxzf", ids.Single(p => p.Id == pilotResponsible[0].BodyId).Body.Code);
        Assert.Equal(UnitMatchKind.Body, pilotResponsible.Single(m => m.Name == "市民政局").Kind);
    }

    [Fact]
    public void Collective_names_are_read_as_the_kinds_they_cover_and_never_as_one_body()
    {
        var matcher = new UnitMatcher([new UnitCandidate(1, "绵阳市人民政府", "市政府", BodyKind.MunicipalGovernment)]);
        Assert.Equal([BodyKind.CountyGovernment], matcher.Match("各县市区人民政府").CoveredKinds);
        Assert.Equal([BodyKind.ParkCommittee], matcher.Match("各园区管委会").CoveredKinds);
        Assert.Equal([BodyKind.MunicipalDepartment], matcher.Match("市政府各部门").CoveredKinds);
        Assert.Equal(UnitMatchKind.Collective, matcher.Match("各乡镇").Kind);
        Assert.Empty(matcher.Match("各乡镇").CoveredKinds);
        Assert.Equal(1, matcher.Match(" 市政府 ").BodyId);
    }

    [Fact]
    public void A_short_name_two_bodies_share_is_unmatched_with_both_named()
    {
        var matcher = new UnitMatcher([
            new UnitCandidate(1, "甲县财政局", "财政局", BodyKind.CountyDepartment),
            new UnitCandidate(2, "乙县财政局", "财政局", BodyKind.CountyDepartment)]);
        var match = matcher.Match("财政局");
        Assert.Equal(UnitMatchKind.Unmatched, match.Kind);
        Assert.Contains("甲县财政局、乙县财政局", match.Note, StringComparison.Ordinal);
    }
}
