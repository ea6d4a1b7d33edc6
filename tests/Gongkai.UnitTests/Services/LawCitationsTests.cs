using Gongkai.Services.Rules;

namespace Gongkai.UnitTests.Services;

/// <summary>Which parts of a 设定依据 link to the law library: cited titles the library holds, and nothing else.</summary>
public sealed class LawCitationsTests
{
    private static readonly Dictionary<string, string> Library = new(StringComparer.Ordinal)
    {
        ["中华人民共和国行政许可法"] = "/documents/FG-1",
        ["社会救助暂行办法"] = "/documents/FG-2",
        ["中华人民共和国食品安全法"] = "/documents/FG-3",
    };

    private static IReadOnlyList<BasisSegment> Link(string text) => LawCitations.Link(text, t => Library.GetValueOrDefault(t));

    private static string Render(IReadOnlyList<BasisSegment> segments) =>
        string.Concat(segments.Select(s => s.Url is { } url ? $"[{s.Text}]({url})" : s.Text));

    [Fact]
    public void A_title_in_book_marks_links_with_its_marks_and_the_article_stays_text()
    {
        var segments = Link("《中华人民共和国行政许可法》第十二条");
        Assert.Equal("[《中华人民共和国行政许可法》](/documents/FG-1)第十二条", Render(segments));
        Assert.Equal("中华人民共和国行政许可法", segments[0].Title);
    }

    [Fact]
    public void A_bare_title_links_without_its_lead_in_or_article()
    {
        Assert.Equal("根据[中华人民共和国行政许可法](/documents/FG-1)第十二条第一款", Render(Link("根据中华人民共和国行政许可法第十二条第一款")));
        Assert.Equal("[社会救助暂行办法](/documents/FG-2)", Render(Link("社会救助暂行办法")));
    }

    [Fact]
    public void Several_bases_link_each_law_the_library_holds_and_leave_the_others_as_text()
    {
        var text = "《中华人民共和国城乡规划法》第四十条；《中华人民共和国食品安全法》第三十五条、社会救助暂行办法第九条";
        Assert.Equal("《中华人民共和国城乡规划法》第四十条；[《中华人民共和国食品安全法》](/documents/FG-3)第三十五条、[社会救助暂行办法](/documents/FG-2)第九条",
            Render(Link(text)));
        Assert.Equal(["中华人民共和国城乡规划法", "中华人民共和国食品安全法", "社会救助暂行办法"], LawCitations.Titles(text));
    }

    [Fact]
    public void The_text_reads_back_unchanged_whatever_links()
    {
        foreach (var text in new[]
        {
            "《中华人民共和国行政许可法》第十二条", "根据中华人民共和国行政许可法第十二条", "  《》 空书名号；未列入法规库的依据说明。", "《未闭合的书名号",
            "国务院决定第3项，《社会救助暂行办法》", "",
        })
        {
            Assert.Equal(text, string.Concat(Link(text).Select(s => s.Text)));
        }
    }

    [Fact]
    public void Sentences_and_unknown_titles_stay_plain_text()
    {
        Assert.Equal([], LawCitations.Titles("由市政府常务会议研究确定"));
        var unknown = Link("《四川省城乡规划条例》第四十二条");
        Assert.Equal(["《四川省城乡规划条例》第四十二条"], unknown.Select(s => s.Text));
        Assert.False(unknown[0].IsLink);
        Assert.DoesNotContain(Link(""), s => s.IsLink);
    }
}
