using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Gongkai.UnitTests.Publishing.WordImport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Publishing;

/// <summary>导入 Word on the console's document editor: a plain multipart form post (no JavaScript), the body filled
/// from a real .docx and everything else typed kept.</summary>
public sealed partial class WordImportPageTests(AfterNationalDayFactory factory) : IClassFixture<AfterNationalDayFactory>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<textarea id=\"f-bodyHtml\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex BodyTextarea();

    private static Uri U(string path) => new(path, UriKind.Relative);

    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string pagePath, string action, Dictionary<string, string> fields,
        (string Name, byte[] Content)? file)
    {
        var page = await client.GetStringAsync(U(pagePath));
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(AntiforgeryToken().Match(page).Groups[1].Value), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        if (file is { } upload)
        {
            var part = new ByteArrayContent(upload.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            content.Add(part, "wordFile", upload.Name);
        }

        return await client.PostAsync(U(action), content);
    }

    private static Dictionary<string, string> Typed(string title) => new()
    {
        ["Form.Title"] = title,
        ["Form.DocumentType"] = DocumentCatalog.Notice,
        ["Form.Subject"] = "综合政务",
        ["Form.DocNumber"] = "绵府办发〔2024〕31号",
        ["Form.SignedOn"] = "2024-10-08",
        ["Form.Keywords"] = "政务公开；要点",
        ["Form.BodyHtml"] = "<p>原来的正文</p>",
    };

    [Fact]
    public async Task A_docx_becomes_the_body_with_its_title_the_typed_fields_stay_and_saving_keeps_table_and_picture()
    {
        var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);

        using var imported = await PostMultipartAsync(editor, "/admin/documents/edit", "/admin/documents/edit?handler=ImportWord", Typed(""),
            ("2024年政务公开要点.docx", WordFixtures.Notice()));
        var html = await imported.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("已导入：3 个标题、2 个列表、1 个表格、1 张图片。", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{WordFixtures.Title}\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"绵府办发〔2024〕31号\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"政务公开；要点\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2024-10-08\"", html, StringComparison.Ordinal);
        var body = WebUtility.HtmlDecode(BodyTextarea().Match(html).Groups[1].Value);
        Assert.DoesNotContain("原来的正文", body, StringComparison.Ordinal);
        Assert.Contains("<h2>一、总体要求</h2>", body, StringComparison.Ordinal);
        Assert.Contains("<td colspan=\"2\">办公室</td>", body, StringComparison.Ordinal);

        // Saving the form as shown stores the imported body through the ordinary save.
        var fields = Typed(WordFixtures.Title);
        fields["Form.BodyHtml"] = body;
        fields["submit"] = "false";
        using var saved = await PostMultipartAsync(editor, "/admin/documents/edit", "/admin/documents/edit", fields, null);
        Assert.Matches("^/admin/documents/[0-9]+$", saved.RequestMessage?.RequestUri?.AbsolutePath ?? "");
        Assert.Contains("草稿已保存。", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Document>()
            .Where(d => d.Title == WordFixtures.Title).Select(d => new { d.BodyHtml, d.DocNumber }).SingleAsync();
        Assert.Equal("绵府办发〔2024〕31号", stored.DocNumber);
        Assert.Contains("<th>牵头单位</th>", stored.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("rowspan=\"2\"", stored.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<img src=\"data:image/png;base64,", stored.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_title_is_kept_and_a_file_without_a_title_style_gives_its_first_heading_only_to_an_empty_title()
    {
        var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);

        using var typedTitle = await PostMultipartAsync(editor, "/admin/documents/edit", "/admin/documents/edit?handler=ImportWord", Typed("我自己填的标题"),
            ("通知.docx", WordFixtures.Notice()));
        var typedHtml = await typedTitle.Content.ReadAsStringAsync();
        Assert.Contains("value=\"我自己填的标题\"", typedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("标题取自文档", typedHtml, StringComparison.Ordinal);

        using var untitled = await PostMultipartAsync(editor, "/admin/documents/edit", "/admin/documents/edit?handler=ImportWord", Typed(""),
            ("通知.docx", WordFixtures.Notice(withTitleParagraph: false)));
        Assert.Contains("标题取自文档：“一、总体要求”", await untitled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("扫描件.docx", "无法作为 Word 文档读取")]
    [InlineData("通知.doc", "只能导入 Word 文档（.docx）")]
    public async Task A_bad_file_is_refused_in_chinese_beside_the_file_field_and_nothing_typed_is_lost(string name, string message)
    {
        var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);

        using var response = await PostMultipartAsync(editor, "/admin/documents/edit", "/admin/documents/edit?handler=ImportWord", Typed("保留的标题"),
            (name, "%PDF-1.4 不是 Word"u8.ToArray()));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches($"<p class=\"field-error\" id=\"wordFile-error\">[^<]*{Regex.Escape(message)}", html);
        Assert.Contains("aria-describedby=\"wordFile-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"保留的标题\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"绵府办发〔2024〕31号\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;p&gt;原来的正文&lt;/p&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("已导入", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_without_choosing_a_file_says_so()
    {
        var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);

        using var response = await PostMultipartAsync(editor, "/admin/documents/edit", "/admin/documents/edit?handler=ImportWord", Typed("标题"), null);

        Assert.Contains("请先选择要导入的 Word 文档（.docx）", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_into_another_bodys_draft_or_without_the_edit_permission_is_refused()
    {
        var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);
        using var created = await editor.PostAsJsonAsync("/api/v1/documents/", new CreateDocumentRequest(
            new DocumentInput("他人草稿", null, DocumentCatalog.Notice, "综合政务", new DateOnly(2024, 10, 8), "<p>正文。</p>")));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        int otherBody;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var bodyId = await db.Users.Where(u => u.UserName == "editor.myszf").Select(u => u.BodyId).SingleAsync();
            otherBody = await db.Set<Gongkai.Organizations.Body>().Where(b => b.Id != bodyId && b.ParentId == bodyId).Select(b => b.Id).FirstAsync();
        }

        using var outsider = factory.CreateClient().SignedInAs("editor.other", otherBody, StaffRoles.Editor);
        using var foreign = await PostMultipartAsync(outsider, "/admin/documents/edit", $"/admin/documents/edit/{id}?handler=ImportWord", Typed(""),
            ("通知.docx", WordFixtures.Notice()));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        var reviewer = await factory.CreateStaffClientAsync("reviewer1.myszf", StaffRoles.FirstReviewer);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(WordFixtures.Notice()), "wordFile", "通知.docx" } };
        using var refused = await reviewer.PostAsync(U("/admin/documents/edit?handler=ImportWord"), form);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("已导入", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
