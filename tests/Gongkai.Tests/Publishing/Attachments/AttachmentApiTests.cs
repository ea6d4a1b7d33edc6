using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform.Audit;
using Gongkai.Staff;
using Gongkai.Publishing;
using Gongkai.Publishing.Attachments;
using Gongkai.Tests.Infrastructure;
using Gongkai.UnitTests.Publishing.Attachments;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Publishing.Attachments;

/// <summary>Attachments through the staff API and the public download, on whichever database the run uses.</summary>
public sealed class AttachmentApiTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private static DocumentInput Draft(string title) => new(
        title, null, "工作动态", "综合政务", new DateOnly(2024, 9, 27), "<p>附件见下。</p>");

    private Task<HttpClient> Editor() => factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<int> CreateDraftAsync(string title)
    {
        using var response = await (await Editor()).PostAsJsonAsync("/api/v1/documents/", new CreateDocumentRequest(Draft(title)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response)).GetProperty("id").GetInt32();
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, int documentId, string fileName, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return client.PostAsync(new Uri($"/api/v1/documents/{documentId}/attachments/", UriKind.Relative), form);
    }

    private async Task PublishAsync(int id)
    {
        (await (await Editor()).PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        foreach (var (stage, role) in new[] { ("first", StaffRoles.FirstReviewer), ("second", StaffRoles.SecondReviewer), ("final", StaffRoles.FinalReviewer) })
        {
            var reviewer = await factory.CreateStaffClientAsync($"reviewer-{stage}.myszf", role);
            (await reviewer.PostAsJsonAsync($"/api/v1/documents/{id}/review/{stage}", new ReviewRequest("approve", "同意"))).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task An_uploaded_word_file_is_stored_with_its_hash_text_and_personal_data_findings()
    {
        var id = await CreateDraftAsync("关于发放2024年临时救助金的公示");
        var docx = AttachmentFixtures.Docx("临时救助对象名单", $"申请人：张三，身份证号码：{AttachmentFixtures.IdNumber}");
        using var response = await UploadAsync(await Editor(), id, "救助名单.docx", docx);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await Json(response);
        Assert.Equal("docx", view.GetProperty("kind").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(docx)), view.GetProperty("sha256").GetString());
        Assert.Equal("extracted", view.GetProperty("textStatus").GetString());
        var kinds = view.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).ToList();
        Assert.Contains("id-number", kinds);

        using var scope = factory.Services.CreateScope();
        var texts = await scope.ServiceProvider.GetRequiredService<AttachmentTexts>().ForDocumentAsync(id, CancellationToken.None);
        var (_, fileName, text) = Assert.Single(texts);
        Assert.Equal("救助名单.docx", fileName);
        Assert.Contains(AttachmentFixtures.IdNumber, text, StringComparison.Ordinal);

        var db = scope.ServiceProvider.GetRequiredService<Gongkai.Platform.Data.GongkaiDbContext>();
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Action == "document.attachment-added" && a.Target.StartsWith($"document:{id}/attachment:")));
    }

    [Fact]
    public async Task A_file_whose_content_does_not_match_its_name_is_refused_and_nothing_is_stored()
    {
        var id = await CreateDraftAsync("关于开展安全检查的通知");
        var editor = await Editor();
        using var response = await UploadAsync(editor, id, "检查方案.docx", AttachmentFixtures.Pdf("plan"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("内容实际是PDF 文档", (await Json(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var list = await Json(await editor.GetAsync(new Uri($"/api/v1/documents/{id}/attachments/", UriKind.Relative)));
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task A_damaged_file_is_kept_but_flagged_as_unreadable()
    {
        var id = await CreateDraftAsync("关于公布2024年项目清单的通知");
        using var response = await UploadAsync(await Editor(), id, "清单.docx", AttachmentFixtures.BrokenDocx());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await Json(response);
        Assert.Equal("failed", view.GetProperty("textStatus").GetString());
        Assert.StartsWith("无法提取文本", view.GetProperty("textProblem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_size_cap_is_refused_with_the_cap_named()
    {
        using var small = factory.WithWebHostBuilder(host => host.UseSetting("Publishing:Attachments:MaxBytes", "2048"));
        var id = await CreateDraftAsync("关于调整办事指南的通知");
        var user = await TestAuth.EnsureUserAsync(factory.Services, "editor.myszf", [StaffRoles.Editor]);
        using var editor = small.CreateClient().SignedInAs("editor.myszf", user.BodyId, StaffRoles.Editor);
        using var response = await UploadAsync(editor, id, "大文件.pdf", [.. "%PDF-1.4\n"u8, .. new byte[4096]]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不能超过 2 KB", (await Json(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_word_file_is_masked_in_one_click_and_replaces_the_original()
    {
        var id = await CreateDraftAsync("关于行政处罚决定的公示");
        var editor = await Editor();
        var created = await Json(await UploadAsync(editor, id, "处罚决定.docx", AttachmentFixtures.Docx($"当事人身份证号码：{AttachmentFixtures.IdNumber}")));
        var attachmentId = created.GetProperty("id").GetInt32();

        using var masked = await editor.PostAsync(new Uri($"/api/v1/documents/{id}/attachments/{attachmentId}/mask", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, masked.StatusCode);
        var view = await Json(masked);
        Assert.NotEqual(created.GetProperty("sha256").GetString(), view.GetProperty("sha256").GetString());
        Assert.DoesNotContain("id-number", view.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString()));

        using var scope = factory.Services.CreateScope();
        var texts = await scope.ServiceProvider.GetRequiredService<AttachmentTexts>().ForDocumentAsync(id, CancellationToken.None);
        Assert.DoesNotContain(AttachmentFixtures.IdNumber, Assert.Single(texts).Text, StringComparison.Ordinal);
        var db = scope.ServiceProvider.GetRequiredService<Gongkai.Platform.Data.GongkaiDbContext>();
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Action == "document.attachment-masked" && a.Target == $"document:{id}/attachment:{attachmentId}"));
    }

    [Fact]
    public async Task Attachments_are_public_only_while_the_document_is_published()
    {
        var id = await CreateDraftAsync("关于2024年重点项目计划的公告");
        var editor = await Editor();
        var pdf = AttachmentFixtures.Pdf("Key projects 2024");
        var attachmentId = (await Json(await UploadAsync(editor, id, "重点项目计划.pdf", pdf))).GetProperty("id").GetInt32();
        var url = new Uri($"/attachments/{attachmentId}", UriKind.Relative);
        using var visitor = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url)).StatusCode);

        await PublishAsync(id);
        using (var download = await visitor.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("重点项目计划.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
            var etag = download.Headers.ETag!;
            using var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.NotModified, (await visitor.SendAsync(again)).StatusCode);
        }

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Gongkai.Platform.Data.GongkaiDbContext>();
            var indexNo = await db.Set<Document>().Where(d => d.Id == id).Select(d => d.IndexNo).SingleAsync();
            var page = await visitor.GetStringAsync(new Uri("/documents/" + indexNo, UriKind.Relative));
            Assert.Contains($"href=\"/attachments/{attachmentId}\"", page, StringComparison.Ordinal);
            Assert.Contains("重点项目计划.pdf", page, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await editor.DeleteAsync(new Uri($"/api/v1/documents/{id}/attachments/{attachmentId}", UriKind.Relative))).StatusCode);

        var final = await factory.CreateStaffClientAsync("reviewer-final.myszf", StaffRoles.FinalReviewer);
        (await final.PostAsJsonAsync($"/api/v1/documents/{id}/withdraw", new WithdrawalRequest("内容有误"))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_draft_attachment_can_be_deleted()
    {
        var id = await CreateDraftAsync("关于召开座谈会的通知");
        var editor = await Editor();
        var attachmentId = (await Json(await UploadAsync(editor, id, "议程.xlsx", AttachmentFixtures.Xlsx(["时间", "议程"])))).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync(new Uri($"/api/v1/documents/{id}/attachments/{attachmentId}", UriKind.Relative))).StatusCode);
        Assert.Equal(0, (await Json(await editor.GetAsync(new Uri($"/api/v1/documents/{id}/attachments/", UriKind.Relative)))).GetArrayLength());
    }

    [Fact]
    public async Task Personal_data_in_an_attachment_blocks_the_final_review_until_the_file_is_masked()
    {
        var id = await CreateDraftAsync("关于临时救助对象的公示");
        var editor = await Editor();
        var attachmentId = (await Json(await UploadAsync(editor, id, "救助对象.docx", AttachmentFixtures.Docx($"申请人身份证号码：{AttachmentFixtures.IdNumber}"))))
            .GetProperty("id").GetInt32();
        (await editor.PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        foreach (var (stage, role) in new[] { ("first", StaffRoles.FirstReviewer), ("second", StaffRoles.SecondReviewer) })
        {
            var reviewer = await factory.CreateStaffClientAsync($"reviewer-{stage}.myszf", role);
            (await reviewer.PostAsJsonAsync($"/api/v1/documents/{id}/review/{stage}", new ReviewRequest("approve", "同意"))).EnsureSuccessStatusCode();
        }

        var final = await factory.CreateStaffClientAsync("reviewer-final.myszf", StaffRoles.FinalReviewer);
        using (var blocked = await final.PostAsJsonAsync($"/api/v1/documents/{id}/review/final", new ReviewRequest("approve", "同意")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
            var finding = Assert.Single((await Json(blocked)).GetProperty("findings").EnumerateArray());
            Assert.Equal($"attachment:{attachmentId}", finding.GetProperty("source").GetString());
            Assert.Equal("id-number", finding.GetProperty("kind").GetString());
        }

        // Attachments change on drafts only: the final reviewer returns the document, the editor masks the Word file in
        // one click and resubmits, and this time 终审 passes.
        (await final.PostAsJsonAsync($"/api/v1/documents/{id}/review/final", new ReviewRequest("return", "附件含身份证号码，请遮盖"))).EnsureSuccessStatusCode();
        (await editor.PostAsync(new Uri($"/api/v1/documents/{id}/attachments/{attachmentId}/mask", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await PublishAsync(id);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Gongkai.Platform.Data.GongkaiDbContext>();
        Assert.Equal(Gongkai.Publishing.Rules.DocumentStatus.Published, await db.Set<Document>().Where(d => d.Id == id).Select(d => d.Status).SingleAsync());
    }

    [Fact]
    public async Task Words_that_appear_only_in_an_attachment_find_the_published_document()
    {
        var id = await CreateDraftAsync("关于公布年度重点工作的通知");
        var editor = await Editor();
        (await UploadAsync(editor, id, "重点工作.docx", AttachmentFixtures.Docx("推进獐子岛海参养殖示范区建设"))).EnsureSuccessStatusCode();
        await PublishAsync(id);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Gongkai.Platform.Data.GongkaiDbContext>();
        var indexNo = await db.Set<Document>().Where(d => d.Id == id).Select(d => d.IndexNo).SingleAsync();
        await Gongkai.Tests.Search.SearchIntegrationTests.WaitForAsync(factory.CreateClient(), "海参养殖示范区", r => r.Items.Any(i => i.IndexNo == indexNo));
    }
}
