using AngleSharp.Html.Parser;
using Gongkai.Publishing;
using Gongkai.Publishing.WordImport;

namespace Gongkai.UnitTests.Publishing.WordImport;

public sealed class WordToHtmlTests
{
    private static Gongkai.Publishing.WordImport.WordImport Import(byte[] content, string name = "通知.docx")
    {
        var outcome = WordToHtml.Convert(name, content);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Message);
        return outcome.Value ?? throw new InvalidOperationException();
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument("<body>" + html + "</body>");

    [Fact]
    public void Word_headings_become_h2_and_h3_under_the_page_title_and_the_title_style_becomes_the_title()
    {
        var import = Import(WordFixtures.Notice());
        var page = Parse(import.BodyHtml);

        Assert.Equal(WordFixtures.Title, import.Title);
        Assert.Equal(["一、总体要求", "二、任务分工"], page.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal(["（一）工作目标"], page.QuerySelectorAll("h3").Select(h => h.TextContent));
        Assert.Empty(page.QuerySelectorAll("h1"));
        Assert.DoesNotContain(WordFixtures.Title, import.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(3, import.Headings);
    }

    [Fact]
    public void Bold_runs_stay_bold_inside_their_paragraph()
    {
        var page = Parse(Import(WordFixtures.Notice()).BodyHtml);

        var paragraph = page.QuerySelectorAll("p").Single(p => p.TextContent.Contains("高度重视", StringComparison.Ordinal));
        Assert.Equal("各单位要高度重视政务公开工作。", paragraph.TextContent);
        Assert.Equal("高度重视", paragraph.QuerySelector("strong")?.TextContent);
    }

    [Fact]
    public void A_bulleted_list_keeps_its_nesting_and_a_numbered_list_becomes_ol()
    {
        var import = Import(WordFixtures.Notice());
        var page = Parse(import.BodyHtml);

        var bulleted = page.Body?.Children.Single(e => e.TagName == "UL") ?? throw new InvalidOperationException();
        var items = bulleted.Children.Where(e => e.TagName == "LI").ToList();
        Assert.Equal(2, items.Count);
        Assert.StartsWith("公开制度", items[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(["主动公开目录", "依申请公开"], items[0].QuerySelectorAll("ul > li").Select(li => li.TextContent.Trim()));
        Assert.Equal("公开平台", items[1].TextContent.Trim());

        var numbered = page.Body?.Children.Single(e => e.TagName == "OL") ?? throw new InvalidOperationException();
        Assert.Equal(["第一步", "第二步"], numbered.Children.Select(li => li.TextContent.Trim()));
        Assert.Equal(2, import.Lists);
    }

    [Fact]
    public void A_table_keeps_its_header_row_and_merged_cells()
    {
        var import = Import(WordFixtures.Notice());
        var table = Parse(import.BodyHtml).QuerySelector("table") ?? throw new InvalidOperationException("no table");

        Assert.Equal(["事项", "牵头单位", "完成时限"], table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        var rows = table.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        var wide = rows[0].QuerySelectorAll("td").ToList();
        Assert.Equal(["目录编制", "办公室"], wide.Select(td => td.TextContent));
        Assert.Equal("2", wide[1].GetAttribute("colspan"));
        var tall = rows[1].QuerySelectorAll("td")[0];
        Assert.Equal("年报", tall.TextContent);
        Assert.Equal("2", tall.GetAttribute("rowspan"));
        Assert.Equal(["各部门", "1月15日"], rows[2].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(1, import.Tables);
    }

    [Fact]
    public void A_link_keeps_its_address_and_text()
    {
        var link = Parse(Import(WordFixtures.Notice()).BodyHtml).QuerySelector("a") ?? throw new InvalidOperationException("no link");

        Assert.Equal(WordFixtures.LinkAddress, link.GetAttribute("href"));
        Assert.Equal("中国政府网", link.TextContent);
    }

    [Fact]
    public void A_picture_becomes_an_inline_png_with_its_description_as_alt_text_and_survives_the_sanitiser()
    {
        var import = Import(WordFixtures.Notice());
        var sanitised = RichText.Sanitize(import.BodyHtml);
        var image = Parse(sanitised).QuerySelector("img") ?? throw new InvalidOperationException("no image");

        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(WordFixtures.Png), image.GetAttribute("src"));
        Assert.Equal("公开工作流程图", image.GetAttribute("alt"));
        Assert.Equal(1, import.Images);
    }

    [Fact]
    public void The_whole_import_passes_the_sanitiser_without_losing_structure()
    {
        var import = Import(WordFixtures.Notice());
        var page = Parse(RichText.Sanitize(import.BodyHtml));

        Assert.Equal(2, page.QuerySelectorAll("h2").Length);
        Assert.Equal(2, page.QuerySelectorAll("ul ul li").Length);
        Assert.Equal("2", page.QuerySelector("td[colspan]")?.GetAttribute("colspan"));
        Assert.Equal("2", page.QuerySelector("td[rowspan]")?.GetAttribute("rowspan"));
        Assert.Equal(WordFixtures.LinkAddress, page.QuerySelector("a")?.GetAttribute("href"));
    }

    [Fact]
    public void Without_a_title_paragraph_the_title_is_left_to_the_editor()
    {
        Assert.Null(Import(WordFixtures.Notice(withTitleParagraph: false)).Title);
    }

    [Theory]
    [InlineData("通知.doc", "只能导入 Word 文档（.docx）")]
    [InlineData("通知.pdf", "只能导入 Word 文档（.docx）")]
    [InlineData("通知.docx", "无法作为 Word 文档读取")]
    public void A_file_that_is_not_a_docx_is_refused_in_chinese(string name, string expected)
    {
        var outcome = WordToHtml.Convert(name, "%PDF-1.7 这不是 Word 文档"u8.ToArray());

        Assert.False(outcome.Succeeded);
        Assert.Contains(expected, outcome.Refusal?.Message, StringComparison.Ordinal);
        Assert.True(outcome.Refusal?.Errors.ContainsKey("wordFile"));
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_is_refused_in_chinese()
    {
        var outcome = WordToHtml.Convert("名单.docx", Gongkai.UnitTests.Publishing.Attachments.AttachmentFixtures.Xlsx(["张三"]));

        Assert.False(outcome.Succeeded);
        Assert.Contains("名单.docx", outcome.Refusal?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_document_is_refused_as_empty()
    {
        var outcome = WordToHtml.Convert("空白.docx", Gongkai.UnitTests.Publishing.Attachments.AttachmentFixtures.Docx(" "));

        Assert.False(outcome.Succeeded);
        Assert.Contains("正文是空的", outcome.Refusal?.Message, StringComparison.Ordinal);
    }
}

public sealed class RichTextImageTests
{
    private const string PngData = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    [Fact]
    public void An_inline_png_image_is_kept()
    {
        var html = RichText.Sanitize($"<p>图示：<img src=\"{PngData}\" alt=\"流程图\"></p>");

        Assert.Contains($"<img src=\"{PngData}\" alt=\"流程图\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://example.com/track.png")]
    [InlineData("https://example.com/track.png")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=")]
    public void An_image_from_anywhere_else_is_removed_whole_and_the_text_stays(string source)
    {
        var html = RichText.Sanitize($"<p>前文<img src=\"{source}\" alt=\"x\">后文</p>");

        Assert.Equal("<p>前文后文</p>", html);
    }

    [Theory]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData(PngData)]
    [InlineData("javascript:alert(1)")]
    public void A_link_to_data_or_script_loses_its_address(string address)
    {
        var html = RichText.Sanitize($"<p><a href=\"{address}\">点击</a></p>");

        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.Contains("点击", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_to_web_pages_and_mail_are_kept()
    {
        var html = RichText.Sanitize("<p><a href=\"https://www.gov.cn/\">政府网</a> <a href=\"mailto:gk@example.gov.cn\">信箱</a></p>");

        Assert.Contains("href=\"https://www.gov.cn/\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:gk@example.gov.cn\"", html, StringComparison.Ordinal);
    }
}

/// <summary>What the bundled editor (Squire, /js/rich-editor.js) writes into the body field for a heading, bold text,
/// lists, a link and an inserted table goes through the server's sanitiser unchanged: nothing the editor offers is lost on saving.</summary>
public sealed class RichEditorOutputTests
{
    [Theory]
    [InlineData("<h2>工作要求</h2><p>请各单位<b>务必</b>按时报送。<br></p>")]
    [InlineData("<ul><li>公开制度<ul><li>主动公开目录<br></li></ul></li><li>公开平台<br></li></ul>")]
    [InlineData("<ol><li>第一步<br></li><li>第二步<br></li></ol>")]
    [InlineData("<p>详见<a href=\"https://www.gov.cn/zhengce/\">中国政府网</a>。<br></p>")]
    [InlineData("<table><thead><tr><th>表头</th><th>表头</th></tr></thead><tbody><tr><td>内容</td><td>内容</td></tr></tbody></table><p><br></p>")]
    public void Editor_output_round_trips_through_the_sanitiser(string editorHtml)
    {
        Assert.Equal(editorHtml, RichText.Sanitize(editorHtml));
    }
}
