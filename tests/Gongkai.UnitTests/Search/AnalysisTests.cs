using Gongkai.Search.Analysis;
using Gongkai.Search.Querying;

namespace Gongkai.UnitTests.Search;

public sealed class AnalysisTests
{
    [Theory]
    [InlineData("政務公開", "政务公开")]
    [InlineData("ＡＰＰ　個人信息", "app 个人信息")]
    [InlineData("２０２４年", "2024年")]
    [InlineData("國務院關於", "国务院关于")]
    public void Folding_meets_full_width_and_traditional_text_in_one_form(string typed, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(typed));

    [Fact]
    public void Folding_keeps_the_length_so_snippet_offsets_hold() =>
        Assert.Equal("獻血法（ＡＢ）".Length, TextFolding.Fold("獻血法（ＡＢ）").Length);

    [Theory]
    [InlineData("绵府发[2018]1号")]
    [InlineData("绵府发（2018）1号")]
    [InlineData("绵府发【2018】第1号")]
    [InlineData("绵府发 〔2018〕 01号")]
    [InlineData("绵府发(２０１８)1号")]
    public void Document_numbers_in_any_bracket_style_normalise_to_the_hexagonal_form(string typed) =>
        Assert.Equal("绵府发〔2018〕1号", DocNumberForm.Find(typed));

    [Fact]
    public void Text_without_a_document_number_has_none() => Assert.Null(DocNumberForm.Find("最低生活保障 申请条件"));

    [Fact]
    public void Synonyms_expand_a_term_both_ways_and_inside_longer_words()
    {
        var synonyms = SynonymSet.Defaults;
        Assert.Contains("最低生活保障", synonyms.Expand("低保"));
        Assert.Contains("低保", synonyms.Expand("最低生活保障"));
        Assert.Contains("最低生活保障申请", synonyms.Expand("低保申请"));
        Assert.DoesNotContain("住房住房公积金", synonyms.Expand("住房公积金"));
    }

    [Fact]
    public void Query_syntax_characters_are_plain_text_and_quotes_make_phrases()
    {
        var text = QueryText.Parse("AND( title:\"垃圾 分类\" *? ((");
        Assert.Equal(["and", "title"], text.Terms);
        Assert.Equal(["垃圾 分类"], text.Phrases);
        Assert.True(QueryText.Parse("*?:()").IsEmpty);
        Assert.True(QueryText.Parse("😀🚀").IsEmpty);
    }

    [Fact]
    public void Long_queries_are_cut_at_one_hundred_characters()
    {
        var text = QueryText.Parse(new string('政', 500));
        Assert.True(text.WasCut);
        Assert.Equal(100, text.Terms.Single().Length);
    }

    [Fact]
    public void Snippets_escape_html_and_mark_matches_found_through_folding()
    {
        var snippet = SnippetBuilder.Build("第一条 <b>公民</b>無償獻血，國家鼓勵。", ["献血"]);
        Assert.Contains("&lt;b&gt;", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>獻血</mark>", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Snippets_centre_on_the_densest_passage()
    {
        var text = new string('甲', 300) + "垃圾分类" + new string('乙', 300);
        var snippet = SnippetBuilder.Build(text, ["垃圾分类"]);
        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>垃圾分类</mark>", snippet, StringComparison.Ordinal);
    }
}
