using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Staff;
using Gongkai.Publishing;
using Gongkai.Tests.Infrastructure;
using Gongkai.UnitTests.Publishing.Attachments;

namespace Gongkai.Tests.Publishing.Attachments;

/// <summary>The editor's attachment page: upload through the form, findings shown beside the file, masking offered.</summary>
public sealed class AttachmentPageTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private static async Task<HttpResponseMessage> UploadThroughPageAsync(HttpClient client, string pageUrl, string fileName, byte[] bytes)
    {
        var page = await client.GetStringAsync(new Uri(pageUrl, UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PageForms.AntiforgeryToken(page)), PageForms.TokenField },
            { new ByteArrayContent(bytes), "Upload", fileName },
        };
        return await client.PostAsync(new Uri(pageUrl + "?handler=Upload", UriKind.Relative), form);
    }

    private async Task<(HttpClient Editor, string PageUrl)> DraftAsync(string title)
    {
        var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);
        using var created = await editor.PostAsJsonAsync("/api/v1/documents/",
            new CreateDocumentRequest(new DocumentInput(title, null, "工作动态", "综合政务", new DateOnly(2024, 9, 27), "<p>正文</p>")));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        return (editor, $"/admin/documents/{id}/attachments");
    }

    [Fact]
    public async Task An_editor_uploads_a_word_file_and_sees_the_id_number_flagged_with_one_click_masking()
    {
        var (editor, pageUrl) = await DraftAsync("关于低保对象的公示");
        using var response = await UploadThroughPageAsync(editor, pageUrl, "低保名单.docx", AttachmentFixtures.Docx($"户主身份证号码 {AttachmentFixtures.IdNumber}"));
        // The client follows the redirect back to the page (post/redirect/get).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("已上传附件“低保名单.docx”", page, StringComparison.Ordinal);
        Assert.Contains("身份证号码：“11010519491231002X”", page, StringComparison.Ordinal);
        Assert.Contains("一键遮盖个人信息", page, StringComparison.Ordinal);

        using var masked = await editor.SubmitAsync(pageUrl + "?attachmentId=" + AttachmentIdIn(page), [], handler: "Mask");
        Assert.Equal(HttpStatusCode.OK, masked.StatusCode);
        page = await masked.Content.ReadAsStringAsync();
        Assert.Contains("原文件已被替换", page, StringComparison.Ordinal);
        Assert.Contains("未发现个人信息", page, StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mismatched_file_is_refused_on_the_page_with_a_Chinese_message()
    {
        var (editor, pageUrl) = await DraftAsync("关于征求意见的公告");
        using var response = await UploadThroughPageAsync(editor, pageUrl, "意见表.xlsx", AttachmentFixtures.Png());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("内容实际是PNG 图片", html, StringComparison.Ordinal);
        Assert.Contains("尚无附件", html, StringComparison.Ordinal);
    }

    private static string AttachmentIdIn(string page)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, "attachmentId=(\\d+)");
        Assert.True(match.Success);
        return match.Groups[1].Value;
    }
}
