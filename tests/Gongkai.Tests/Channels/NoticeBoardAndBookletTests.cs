using System.Net;
using Gongkai.Organizations;
using Gongkai.Platform.Pdf;
using Gongkai.Publishing;
using Gongkai.Publishing.Contracts;
using Gongkai.Publishing.Rules;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Gongkai.UnitTests.Platform.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Gongkai.Tests.Channels;

/// <summary>公示栏 and booklets through the console: a body sets up its board from its catalogue columns, anyone prints
/// the poster with the latest items and their codes; staff compile a booklet with contents and page numbers; wrong
/// input is refused in Chinese and the form keeps what was typed.</summary>
public sealed class NoticeBoardAndBookletTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    [Fact]
    public async Task A_board_configured_by_the_body_prints_its_columns_latest_items_with_codes()
    {
        ColumnActivity column;
        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            // A column of body 1 (the test accounts' body) holding two fresh documents.
            column = (await scope.ServiceProvider.GetRequiredService<PublishedColumns>().ActivityAsync([1]))[0];
            foreach (var title in new[] { "关于公示栏测试的第一份通知", "关于公示栏测试的第二份通知" })
            {
                var document = await scope.ServiceProvider.GetRequiredService<DocumentPublisher>().PublishAsync(
                    new DocumentDraft(title, null, 1, DocumentCatalog.Notice, "综合政务", new DateOnly(2026, 5, 1), "通知正文。"));
                await db.Set<Document>().Where(d => d.Id == document.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.CatalogueNodeId, column.Id));
            }
        }

        using var editor = await factory.CreateStaffClientAsync("board.editor", StaffRoles.Editor);
        using (var wrong = await editor.SubmitAsync("/admin/channels/boards", new Dictionary<string, string>
        {
            ["Title"] = "政务公开栏", ["PaperSize"] = "A3", ["Sections"] = "通知公告|999999|3",
        }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            var page = await wrong.Content.ReadAsStringAsync();
            Assert.Contains("第 1 行的栏目编号“999999”不是本单位主动公开目录中的栏目。", page, StringComparison.Ordinal);
            Assert.Contains("通知公告|999999|3</textarea>", page, StringComparison.Ordinal);
        }

        using (var saved = await editor.SubmitAsync("/admin/channels/boards", new Dictionary<string, string>
        {
            ["Title"] = "政务公开栏", ["PaperSize"] = "A4", ["Sections"] = $"{column.Name}|{column.Id}|3",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Contains("下载海报（PDF）", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        int boardId;
        IReadOnlyList<DocumentSummary> latest;
        db = factory.NewDbContext(out scope);
        using (scope)
        {
            boardId = await db.Set<Gongkai.Channels.Print.NoticeBoard>().Where(b => b.Title == "政务公开栏").MaxAsync(b => b.Id);
            latest = (await scope.ServiceProvider.GetRequiredService<PublishedDocuments>().PageAsync(1, 3, new DocumentFilter(NodeIds: [column.Id]))).Items;
        }

        using var visitor = factory.CreateClient();
        var pdf = await visitor.GetByteArrayAsync(new Uri($"/notice-boards/{boardId}/poster.pdf", UriKind.Relative));
        using (var read = PdfDocument.Open(pdf))
        {
            Assert.Equal(595, read.GetPage(1).Width, 0);
        }

        var text = string.Concat(PdfText.Of(pdf).Where(c => !char.IsWhiteSpace(c)));
        Assert.StartsWith("政务公开栏", text, StringComparison.Ordinal);
        Assert.Contains("印制日期：", text, StringComparison.Ordinal);
        Assert.Contains("关于公示栏测试的第二份通知", text, StringComparison.Ordinal);
        Assert.Contains(latest, d => d.Title == "关于公示栏测试的第一份通知");
        Assert.Equal(latest.Select(d => "http://localhost" + d.Url), PdfQr.Decode(pdf));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri("/notice-boards/987654/poster.pdf", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_booklet_of_chosen_documents_has_contents_and_page_numbers()
    {
        var indexNos = new List<string>();
        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            var body = await db.Set<Body>().SingleAsync(b => b.Id == 1);
            foreach (var title in new[] { "典型案例一：网上办事一次办好", "典型案例二：公示栏进社区" })
            {
                var document = await scope.ServiceProvider.GetRequiredService<DocumentPublisher>().PublishAsync(
                    new DocumentDraft(title, null, body.Id, DocumentCatalog.Notice, "综合政务", new DateOnly(2026, 5, 1), "案例正文第一段。\n案例正文第二段。"));
                indexNos.Add(document.IndexNo ?? "");
            }
        }

        using var editor = await factory.CreateStaffClientAsync("booklet.editor", StaffRoles.Editor);
        using (var wrong = await editor.SubmitAsync("/admin/channels/booklet", new Dictionary<string, string>
        {
            ["Title"] = "典型案例选编", ["Foreword"] = "前言文字", ["IndexNos"] = indexNos[0] + "\n不存在的索引号",
        }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            var page = await wrong.Content.ReadAsStringAsync();
            Assert.Contains("没有索引号为“不存在的索引号”的已公开文件。", page, StringComparison.Ordinal);
            Assert.Contains("前言文字</textarea>", page, StringComparison.Ordinal);
        }

        using var booklet = await editor.SubmitAsync("/admin/channels/booklet", new Dictionary<string, string>
        {
            ["Title"] = "典型案例选编", ["Foreword"] = "", ["IndexNos"] = string.Join('\n', indexNos),
        });
        Assert.Equal("application/pdf", booklet.Content.Headers.ContentType?.MediaType);
        var pdf = await booklet.Content.ReadAsByteArrayAsync();
        using var read = PdfDocument.Open(pdf);
        var pages = read.GetPages().Select(p => string.Concat(PdfTextLayer.Of(p).Where(c => !char.IsWhiteSpace(c)))).ToList();
        Assert.Equal(4, pages.Count);
        Assert.StartsWith("目录典型案例一：网上办事一次办好3典型案例二：公示栏进社区4", pages[1], StringComparison.Ordinal);
        Assert.StartsWith("典型案例二：公示栏进社区", pages[3], StringComparison.Ordinal);
        Assert.EndsWith("—4—", pages[3], StringComparison.Ordinal);
    }
}
