using System.Net;
using System.Net.Http.Json;
using Gongkai.Organizations;
using Gongkai.Publishing;
using Gongkai.Publishing.Rules;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Gongkai.UnitTests.Platform.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Gongkai.Tests.Channels;

/// <summary>The 惠民政策明白卡 a visitor downloads from an interpretation page: one page, the interpretation's words as
/// they copy out of the PDF, and a QR code that opens the interpretation online.</summary>
public sealed class PolicyCardPdfTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    [Fact]
    public async Task An_interpretation_page_offers_a_one_page_card_whose_text_and_qr_code_read_back()
    {
        Document document;
        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            var body = await db.Set<Body>().SingleAsync(b => b.Code == "myszf");
            document = await scope.ServiceProvider.GetRequiredService<DocumentPublisher>().PublishAsync(
                new DocumentDraft("关于提高城乡低保标准的通知", "绵府发〔2026〕9号", body.Id, DocumentCatalog.Notice, "综合政务", new DateOnly(2026, 5, 1), "通知正文。"));
        }

        using var editor = await factory.CreateStaffClientAsync("card.editor", StaffRoles.Editor);
        using var created = await editor.PostAsJsonAsync("/api/v1/interpretations/", new InterpretationInput(
            "《关于提高城乡低保标准的通知》解读", InterpretationKind.Text,
            "<h2>一、提高多少</h2><p>城市低保标准提高到每人每月760元。</p><p>二、怎么申请：到户籍所在地乡镇（街道）人民政府申请。</p>", null, null, [document.Id]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var createdId = await created.Content.ReadFromJsonAsync<IdOnly>();
        Assert.NotNull(createdId);
        var id = createdId.Id;

        using var visitor = factory.CreateClient();
        var page = await visitor.GetStringAsync(new Uri($"/interpretations/{id}", UriKind.Relative));
        Assert.Contains($"href=\"/interpretations/{id}/card.pdf\"", page, StringComparison.Ordinal);

        using var response = await visitor.GetAsync(new Uri($"/interpretations/{id}/card.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        using (var read = PdfDocument.Open(pdf))
        {
            Assert.Equal(1, read.NumberOfPages);
        }

        var online = $"http://localhost/interpretations/{id}";
        var expected = "文字解读政策要点一、提高多少城市低保标准提高到每人每月760元。二、怎么申请：到户籍所在地乡镇（街道）人民政府申请。"
            + "政策依据《关于提高城乡低保标准的通知》（绵府发〔2026〕9号）扫码查看网上全文" + online + "印制日期：";
        var text = string.Concat(PdfText.Of(pdf).Where(c => !char.IsWhiteSpace(c)));
        Assert.StartsWith("《关于提高城乡低保标准的通知》解读惠民政策明白卡", text, StringComparison.Ordinal);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Matches(@"印制日期：\d{4}年\d{1,2}月\d{1,2}日$", text);
        Assert.Equal([online], PdfQr.Decode(pdf));

        using var wrongSize = await visitor.GetAsync(new Uri($"/interpretations/{id}/card.pdf?size=B5", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, wrongSize.StatusCode);
        Assert.Contains("纸张只能是 A5 或 A4", await wrongSize.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var missing = await visitor.GetAsync(new Uri("/interpretations/987654/card.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private sealed record IdOnly(int Id);
}
