using Gongkai.Search.Indexing;
using Gongkai.Search.Querying;

namespace Gongkai.UnitTests.Search;

/// <summary>The ranking rules of issue 4 on a small hand-made index.</summary>
public sealed class RankingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gongkai-ranking", Guid.NewGuid().ToString("N"));
    private readonly SearchIndex _index;

    public RankingTests()
    {
        var name = SearchIndex.NewGenerationName();
        using (var builder = GenerationBuilder.Create(_root, name))
        {
            builder.Add(Doc("body-only", "关于加强城市管理的通知", "本通知涉及湿地保护的若干事项。"));
            builder.Add(Doc("in-title", "湿地保护办法", "本办法规定相关事项。"));
            builder.Add(Doc("scattered", "关于生态的意见", "保护森林，建设城市湿地公园。"));
            builder.Add(Doc("numbered", "关于印发工作要点的通知", "工作要点如下。", docNumber: "绵府发〔2019〕3号"));
            builder.Add(Doc("repealed", "古树名木管理规定", "古树名木的保护。", validity: "废止", valid: false));
            builder.Add(Doc("valid", "古树名木管理规定", "古树名木的保护。"));
            builder.Commit(0);
        }

        SearchIndex.PublishGeneration(_root, name);
        _index = SearchIndex.Open(_root);
    }

    [Fact]
    public void A_title_match_ranks_above_a_body_match() =>
        Assert.Equal("in-title", Top("湿地保护"));

    [Fact]
    public void A_quoted_phrase_ranks_above_scattered_terms()
    {
        var ranked = Ranked("\"城市湿地\"");
        Assert.Equal("scattered", ranked[0]);
    }

    [Fact]
    public void An_exact_document_number_comes_first_whatever_its_brackets() =>
        Assert.Equal("numbered", Top("绵府发[2019]3号 通知"));

    [Fact]
    public void On_equal_relevance_a_valid_document_comes_before_a_repealed_one()
    {
        var ranked = Ranked("古树名木");
        Assert.Equal(["valid", "repealed"], ranked.Take(2));
    }

    [Fact]
    public void Validity_facets_count_and_filter()
    {
        var result = _index.Search(new SearchRequest("古树名木"), SynonymSet.Empty);
        Assert.Contains(result.Facets["validity"], v => v.Value == "废止" && v.Count == 1);
        var filtered = _index.Search(new SearchRequest("古树名木", Validity: "废止"), SynonymSet.Empty);
        Assert.Equal(["repealed"], filtered.Items.Select(i => i.IndexNo));
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

    private string Top(string query) => Ranked(query)[0];

    private List<string> Ranked(string query) =>
        _index.Search(new SearchRequest(query), SynonymSet.Empty).Items.Select(i => i.IndexNo).ToList();

    private static SearchDocument Doc(string id, string title, string text, string? docNumber = null, string validity = "有效", bool valid = true) =>
        new(id, title, docNumber, "b1", "测试单位", [], "其他文件", "其他", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), validity, valid, text, [], "/documents/" + id);
}
