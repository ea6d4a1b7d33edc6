using Gongkai.Safeguards;
using Gongkai.Safeguards.Wording;
using static Gongkai.UnitTests.Safeguards.SafeguardsTestData;

namespace Gongkai.UnitTests.Safeguards;

public sealed class WordingCheckTests
{
    [Fact]
    public void Aho_corasick_finds_every_overlapping_pattern()
    {
        var matcher = new AhoCorasick<string>([("he", "he"), ("she", "she"), ("his", "his"), ("hers", "hers")]);
        var found = matcher.FindAll("ushers").Select(m => (m.Start, m.Value)).OrderBy(m => m.Start).ThenBy(m => m.Value).ToList();
        Assert.Equal([(1, "she"), (2, "he"), (2, "hers")], found);
    }

    [Fact]
    public void Mis_writings_are_flagged_with_the_correct_form()
    {
        var finding = Assert.Single(Check("各单位要认真布署，截至目前已完成。").Findings);
        Assert.Equal((FindingKind.Miswriting, "布署", "部署"), (finding.Kind, finding.Text, finding.Replacement));
    }

    [Fact]
    public void Outdated_names_are_flagged_only_after_the_renaming()
    {
        var text = "请于10日内到市工商局办理。";
        var after = Assert.Single(Check(text, new DateOnly(2019, 6, 1)).Findings);
        Assert.Equal((FindingKind.OutdatedName, "工商局", "市场监督管理局"), (after.Kind, after.Text, after.Replacement));
        Assert.Empty(Check(text, new DateOnly(2017, 3, 1)).Findings);
    }

    [Fact]
    public void An_old_name_cited_as_history_is_kept()
    {
        Assert.Empty(Check("原市工商局、市质监局、市食药监局的职责整合后组建。", new DateOnly(2020, 1, 1)).Findings);
    }

    [Fact]
    public void An_old_name_in_the_title_of_a_cited_document_is_kept()
    {
        Assert.Empty(Check("《绵阳市工商行政管理局关于规范广告经营的通知》（2016年印发）同时废止。", new DateOnly(2020, 1, 1)).Findings);
    }

    [Fact]
    public void Each_entry_has_its_own_renaming_date()
    {
        Assert.Empty(Check("县扶贫开发局负责。", new DateOnly(2020, 1, 1)).Findings);
        Assert.Equal("乡村振兴局", Check("县扶贫开发局负责。", new DateOnly(2022, 1, 1)).Findings.Single().Replacement);
    }

    [Fact]
    public void Current_names_are_not_flagged()
    {
        Assert.Empty(Check("市市场监督管理局、市卫生健康委员会、市生态环境局、市自然资源和规划局、市文化广播电视和旅游局联合发布。", new DateOnly(2024, 1, 1)).Findings);
    }

    [Fact]
    public void Altered_formulations_get_the_exact_wording()
    {
        var finding = Assert.Single(Check("根据《政府信息公开条例》第二十条。").Findings);
        Assert.Equal((FindingKind.Formulation, "《中华人民共和国政府信息公开条例》"), (finding.Kind, finding.Replacement));
        Assert.Empty(Check("根据《中华人民共和国政府信息公开条例》第二十条。").Findings);
    }

    [Fact]
    public void Classification_marks_are_sensitive()
    {
        Assert.Equal(FindingKind.SensitiveWord, Check("机密★1年 关于……的通知").Findings.Single().Kind);
    }

    [Fact]
    public void A_head_next_to_a_title_that_is_not_theirs_is_flagged()
    {
        var finding = Assert.Single(Check("副市长赵立新出席会议。").Findings);
        Assert.Equal((FindingKind.LeaderTitle, "副市长赵立新", "市长赵立新"), (finding.Kind, finding.Text, finding.Replacement));
        Assert.Equal("孙海燕主任", Check("孙海燕局长讲话。").Findings.Single().Replacement);
    }

    [Theory]
    [InlineData("市长赵立新出席会议。")]
    [InlineData("钱雨桐局长指出，要加强监管。")]
    [InlineData("副市长赵立新东出席会议。")]
    [InlineData("赵立新同志在会上强调。")]
    public void Correct_titles_and_other_people_are_not_flagged(string text)
    {
        Assert.Empty(Check(text).Findings);
    }

    [Fact]
    public void Leaders_titles_follow_the_body_name()
    {
        Assert.Equal(["局长"], Leader.FromBody("甲乙", "绵阳市财政局")!.Titles);
        Assert.Equal(["主任"], Leader.FromBody("甲乙", "绵阳市发展和改革委员会")!.Titles);
        Assert.Equal(["县长"], Leader.FromBody("甲乙", "三台县人民政府")!.Titles);
        Assert.Null(Leader.FromBody("", "绵阳市财政局"));
    }
}
