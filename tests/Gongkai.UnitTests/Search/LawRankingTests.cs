using Gongkai.Search.Indexing;
using Gongkai.Search.Querying;

namespace Gongkai.UnitTests.Search;

/// <summary>The ranking rules of issue 12 (title and short-name matches, the authority and jurisdiction prior, question
/// words, the relaxed match, the best answer, stop-word-only queries) on a small hand-made law library.</summary>
public sealed class LawRankingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gongkai-law-ranking", Guid.NewGuid().ToString("N"));
    private readonly SearchIndex _index;

    public LawRankingTests()
    {
        var name = SearchIndex.NewGenerationName();
        using (var builder = GenerationBuilder.Create(_root, name))
        {
            builder.Add(Law("national", "工伤保险条例", "职工因工作遭受事故伤害的，应当认定为工伤。在上下班途中受到交通事故伤害的，认定为工伤。", "全国"));
            builder.Add(Law("henan", "河南省工伤保险条例", "工伤保险条例在本省的实施。职工工伤保险待遇。工伤保险基金。工伤认定。", "河南省"));
            builder.Add(Law("zhejiang", "浙江省工伤保险条例", "工伤保险条例在本省的实施。工伤保险费。工伤保险待遇。工伤。", "浙江省"));
            builder.Add(Law("contract", "中华人民共和国劳动合同法", "用人单位与劳动者订立劳动合同。试用期。", "全国"));
            builder.Add(Law("contract-rules", "中华人民共和国劳动合同法实施条例", "为了贯彻实施中华人民共和国劳动合同法，制定本条例。劳动合同法规定的劳动合同。", "全国"));
            builder.Add(Law("tax", "中华人民共和国个人所得税法", "个人所得税的纳税人。", "全国"));
            builder.Add(Law("law-2015", "中华人民共和国立法法", "立法活动。", "全国", status: "已修改"));
            builder.Add(Law("law-2023", "中华人民共和国立法法", "立法活动。", "全国"));
            builder.Add(Law("school", "中华人民共和国义务教育法", "实施义务教育，不收学费、杂费。适龄儿童入学。", "全国"));
            builder.Add(Law("sichuan", "四川省物业管理条例", "物业服务企业与业主大会。物业费。", "四川省"));
            builder.Add(Law("shandong", "山东省物业管理条例", "物业服务企业与业主大会。物业费。", "山东省"));
            builder.Commit(0);
        }

        SearchIndex.PublishGeneration(_root, name);
        _index = SearchIndex.Open(_root);
    }

    [Theory]
    [InlineData("工伤保险条例", "national")]
    [InlineData("工傷保險條例", "national")]
    [InlineData("工商保险条例", "national")]
    [InlineData("劳动合同法", "contract")]
    [InlineData("中华人民共和国劳动合同法", "contract")]
    [InlineData("劳动合同发", "contract")]
    public void An_exact_title_or_short_name_ranks_that_document_first(string query, string expected) =>
        Assert.Equal(expected, Ranked(query)[0]);

    [Fact]
    public void A_short_name_from_the_synonym_list_finds_the_law() =>
        Assert.Equal("tax", Ranked("个税法", SynonymSet.Defaults)[0]);

    [Fact]
    public void The_version_in_force_comes_before_the_amended_one() =>
        Assert.Equal(["law-2023", "law-2015"], Ranked("立法法").Take(2));

    [Fact]
    public void The_sites_province_ranks_above_another_regions_regulation_when_text_is_alike()
    {
        Assert.Equal(["sichuan", "shandong"], Ranked("物业管理 业主大会").Take(2));
        // Naming a region in the query puts its documents first.
        Assert.Equal("shandong", Ranked("山东 物业管理")[0]);
        // Without the prior the two are tied on text and the order says nothing about jurisdiction.
        var siteElsewhere = _index.Search(new SearchRequest("物业管理 业主大会"), SynonymSet.Empty, RankingPrior.Default with { SiteRegion = "山东省/青岛市" });
        Assert.Equal("shandong", siteElsewhere.Items[0].IndexNo);
    }

    [Fact]
    public void A_question_drops_its_question_words_and_finds_the_law_by_the_relaxed_match()
    {
        var result = _index.Search(new SearchRequest("孩子上学要不要交学费"), SynonymSet.Defaults);
        Assert.Equal("school", result.Items[0].IndexNo);
    }

    [Fact]
    public void Only_question_words_or_punctuation_ask_for_words_instead_of_listing_everything()
    {
        foreach (var query in new[] { "怎么办？", "吗", "？！。。", "什么 怎么样" })
        {
            var result = _index.Search(new SearchRequest(query), SynonymSet.Defaults);
            Assert.True(result.NeedsWords, query);
            Assert.Empty(result.Items);
        }
    }

    [Fact]
    public void An_exact_title_is_the_best_answer_and_a_topic_is_not()
    {
        Assert.Equal("national", _index.Search(new SearchRequest("工伤保险条例"), SynonymSet.Empty).BestAnswer?.IndexNo);
        Assert.Null(_index.Search(new SearchRequest("工伤 待遇"), SynonymSet.Empty).BestAnswer);
    }

    [Fact]
    public void Library_hits_carry_issuer_level_region_and_status_and_filter_by_level_and_region()
    {
        var hit = _index.Search(new SearchRequest("工伤保险条例"), SynonymSet.Empty).Items[0];
        Assert.Equal(("国务院", "行政法规", "全国", "现行有效"), (hit.Issuer, hit.Level, hit.Region, hit.LegalStatus));
        Assert.True(hit.IsReference);
        var henan = _index.Search(new SearchRequest("工伤", Region: "河南省"), SynonymSet.Empty);
        Assert.Equal(["henan"], henan.Items.Select(i => i.IndexNo));
    }

    public void Dispose()
    {
        _index.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private List<string> Ranked(string query, SynonymSet? synonyms = null) =>
        _index.Search(new SearchRequest(query), synonyms ?? SynonymSet.Empty).Items.Select(i => i.IndexNo).ToList();

    private static SearchDocument Law(string id, string title, string text, string region, string status = "现行有效") =>
        new(id, title, null, "", "国务院", [], "行政法规", "综合政务", new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), status, status == "现行有效", text, [], "/documents/" + id)
        {
            IsReference = true,
            Issuer = "国务院",
            Level = "行政法规",
            Region = region,
            LegalStatus = status,
        };
}
