using Gongkai.Channels.Print;
using Gongkai.Channels.Rules;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Pdf;
using Gongkai.UnitTests.Platform.Pdf;
using UglyToad.PdfPig;

namespace Gongkai.UnitTests.Channels;

public sealed class PrintedMatterTests
{
    private static readonly PdfRenderer Renderer = new();

    private static string Visible(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static BookletDocument Case(int number, int paragraphs) => new(
        $"典型案例{number}：某县推进政务公开标准化规范化",
        $"绵阳市人民政府办公室　2026年{number}月1日",
        Enumerable.Range(1, paragraphs).Select(p => $"第{p}段。该县梳理公开事项清单，统一公开标准，群众办事更加便利，人民满意度明显提高。").ToList());

    [Fact]
    public void A_booklet_has_a_contents_page_whose_page_numbers_are_where_each_document_starts()
    {
        var documents = new[] { Case(1, 30), Case(2, 5), Case(3, 70) };
        var rendering = Renderer.RenderDocument(PrintedMatter.Booklet("典型案例选编", "为总结推广各地经验，特汇编本册。", "绵阳市人民政府办公室编", documents, new DateOnly(2026, 12, 3)));

        using var pdf = PdfDocument.Open(rendering.Bytes);
        Assert.Equal(rendering.Pages, pdf.NumberOfPages);
        Assert.Equal(documents.Select(d => d.Title), rendering.Headings.Select(h => h.Heading));
        var pages = pdf.GetPages().Select(page => Visible(PdfTextLayer.Of(page))).ToList();
        var contents = pages[1];
        Assert.StartsWith("目录", contents, StringComparison.Ordinal);
        foreach (var (heading, page) in rendering.Headings)
        {
            // The contents line carries the page; that page opens with the document's title; every page is numbered.
            Assert.Contains(Visible(heading) + page, contents, StringComparison.Ordinal);
            Assert.StartsWith(Visible(heading), pages[page - 1], StringComparison.Ordinal);
        }

        Assert.True(rendering.Headings[1].Page > rendering.Headings[0].Page && rendering.Headings[2].Page > rendering.Headings[1].Page);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.EndsWith($"—{i + 1}—", pages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_poster_is_A3_with_every_item_scannable_and_the_day_it_was_printed()
    {
        var sections = new[]
        {
            new PosterSection("通知公告", [new PosterItem("关于调整城乡低保标准的通知", "绵阳市民政局　2026年11月2日", "https://www.mianyang.gov.cn/documents/1/2026-00001"),
                new PosterItem("关于开展冬季供暖检查的通知", "绵阳市住建局　2026年11月20日", "https://www.mianyang.gov.cn/documents/2/2026-00007")]),
            new PosterSection("财政预决算", []),
        };
        var pdf = Renderer.Render(PrintedMatter.Poster("政务公开栏", "绵阳市人民政府", PdfPageSize.A3, sections, new DateOnly(2026, 12, 3)));

        using var read = PdfDocument.Open(pdf);
        Assert.Equal(1, read.NumberOfPages);
        Assert.Equal(842, read.GetPage(1).Width, 0);
        Assert.Equal(1191, read.GetPage(1).Height, 0);
        var text = Visible(PdfText.Of(pdf));
        Assert.Contains("通知公告关于调整城乡低保标准的通知绵阳市民政局2026年11月2日关于开展冬季供暖检查的通知", text, StringComparison.Ordinal);
        Assert.Contains("财政预决算本栏目暂无公开内容。印制日期：2026年12月3日", text, StringComparison.Ordinal);
        Assert.Equal(sections[0].Items.Select(i => i.Url), PdfQr.Decode(pdf));
    }

    [Fact]
    public void Notice_board_sections_are_read_and_checked_against_the_bodys_columns()
    {
        var columns = new HashSet<int> { 11, 12, 13 };
        var parsed = NoticeBoardRules.ParseSections("通知公告|11,12|5\r\n\n 财政信息｜13｜3 ", columns);

        Assert.True(parsed.Succeeded);
        Assert.Equal([new NoticeBoardSection("通知公告", [11, 12], 5), new NoticeBoardSection("财政信息", [13], 3)], parsed.Value,
            (a, b) => a.Heading == b.Heading && a.NodeIds.SequenceEqual(b.NodeIds) && a.Count == b.Count);
        var stored = NoticeBoardRules.Stored(NoticeBoardRules.Format(parsed.Value));
        Assert.Equal([11, 12], stored[0].NodeIds);

        Assert.Equal("第 1 行的栏目编号“99”不是本单位主动公开目录中的栏目。", Message("通知公告|99|5"));
        Assert.Equal("第 2 行的条数应为 1 至 10。", Message("通知公告|11|5\n财政|12|11"));
        Assert.Equal("第 1 行应为“栏目名称|栏目编号,栏目编号|条数”三部分。", Message("通知公告 11 5"));
        Assert.Equal("请至少设置一个栏目（每行一个：栏目名称|栏目编号,栏目编号|条数）。", Message(" "));
        Assert.Equal(RefusalKind.Invalid, NoticeBoardRules.ParseSections(string.Join('\n', Enumerable.Repeat("栏目|11|1", 9)), columns).Refusal?.Kind);

        string? Message(string text) => NoticeBoardRules.ParseSections(text, columns).Refusal?.Message;
    }
}
