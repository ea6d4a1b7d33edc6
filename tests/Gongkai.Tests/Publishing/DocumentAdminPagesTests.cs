using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Publishing;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Tests.Publishing;

/// <summary>The application on Tuesday 2024-10-08, 10:00 China time: the first working day after the national day
/// holiday, with the make-up working day Sunday 2024-09-29 just before it.</summary>
public sealed class AfterNationalDayFactory : TestAuthFactory
{
    public static readonly DateTimeOffset Now = new(2024, 10, 8, 2, 0, 0, TimeSpan.Zero);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FakeTimeProvider(Now))));
    }
}

/// <summary>The staff console's document pages: editor form, review page, queue and the deadline dashboard.</summary>
public sealed partial class DocumentAdminPagesTests(AfterNationalDayFactory factory) : IClassFixture<AfterNationalDayFactory>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private static Uri U(string path) => new(path, UriKind.Relative);

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pagePath, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(U(pagePath));
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(U(action), content);
    }

    private static DocumentInput Normative(string title, DateOnly signedOn) => new(
        title, "绵府发〔2024〕20号", DocumentCatalog.NormativeDocument, "综合政务", signedOn, "<p>正文。</p>");

    private static async Task<int> DraftAsync(HttpClient editor, DocumentInput input)
    {
        using var response = await editor.PostAsJsonAsync("/api/v1/documents/", new CreateDocumentRequest(input));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task The_editor_form_shows_each_mistake_in_chinese_and_keeps_what_was_typed()
    {
        var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);

        using var response = await PostFormAsync(editor, "/admin/documents/edit", "/admin/documents/edit", new()
        {
            ["Form.Title"] = "",
            ["Form.DocumentType"] = DocumentCatalog.NormativeDocument,
            ["Form.Subject"] = "综合政务",
            ["Form.DocNumber"] = "绵府发第20号",
            ["Form.SignedOn"] = "2024-10-09",
            ["Form.BodyHtml"] = "<p>保留的正文</p>",
            ["submit"] = "false",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请填写标题。", html, StringComparison.Ordinal);
        Assert.Contains("文号“绵府发第20号”格式不正确", html, StringComparison.Ordinal);
        Assert.Contains("成文日期 2024-10-09 晚于今天", html, StringComparison.Ordinal);
        Assert.Contains("value=\"绵府发第20号\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;p&gt;保留的正文&lt;/p&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviewers_approve_on_the_review_page_and_a_return_needs_a_comment()
    {
        var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);
        using var saved = await PostFormAsync(editor, "/admin/documents/edit", "/admin/documents/edit", new()
        {
            ["Form.Title"] = "经页面审核的通知",
            ["Form.DocumentType"] = DocumentCatalog.Notice,
            ["Form.Subject"] = "综合政务",
            ["Form.SignedOn"] = "2024-10-08",
            ["Form.BodyHtml"] = "<p>通知正文。</p>",
            ["submit"] = "true",
        });
        // The client follows the redirect to the new document's review page.
        var page = saved.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/admin/documents/[0-9]+$", page);
        var savedHtml = await saved.Content.ReadAsStringAsync();
        Assert.Contains("待初审", savedHtml, StringComparison.Ordinal);
        Assert.Contains("已保存并提交初审。", savedHtml, StringComparison.Ordinal);

        var first = await factory.CreateStaffClientAsync("reviewer1.myszf", StaffRoles.FirstReviewer);
        Assert.Contains("经页面审核的通知", await first.GetStringAsync(U("/admin/documents")), StringComparison.Ordinal);
        using var noComment = await PostFormAsync(first, page, page + "?handler=Review", new() { ["decision"] = "return", ["Comment"] = "" });
        Assert.Contains("退回时请填写退回意见。", await noComment.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var approved = await PostFormAsync(first, page, page + "?handler=Review", new() { ["decision"] = "approve", ["Comment"] = "同意" });
        Assert.Equal(page, approved.RequestMessage!.RequestUri!.AbsolutePath);
        var after = await approved.Content.ReadAsStringAsync();
        Assert.Contains("待复审", after, StringComparison.Ordinal);
        Assert.Contains("初审通过", after, StringComparison.Ordinal);
        Assert.Contains("role=\"status\">初审已通过。", after, StringComparison.Ordinal);

        // The confirmation is said once: reading the page again shows the state, not the message.
        Assert.DoesNotContain("初审已通过。", await first.GetStringAsync(U(page)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_find_any_document_of_their_bodies_by_title_index_number_or_status_page_by_number_and_reach_correction_in_one_click()
    {
        var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);
        for (var i = 1; i <= 22; i++)
        {
            await DraftAsync(editor, new DocumentInput($"列表测试通知第{i}号", null, DocumentCatalog.Notice, "综合政务", new DateOnly(2024, 10, 8), "<p>正文。</p>"));
        }

        var first = await editor.GetStringAsync(U("/admin/documents/all?q=列表测试&status=Draft"));
        Assert.Contains("共 22 个文件，第 1 / 2 页", first, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\"", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/documents/all?q=%E5%88%97%E8%A1%A8%E6%B5%8B%E8%AF%95&amp;status=Draft&amp;page=2\"", first, StringComparison.Ordinal);
        var second = await editor.GetStringAsync(U("/admin/documents/all?q=列表测试&status=Draft&page=2"));
        Assert.Contains("共 22 个文件，第 2 / 2 页", second, StringComparison.Ordinal);
        Assert.Contains("列表测试通知第1号", second, StringComparison.Ordinal);
        Assert.Contains("共 0 个文件", await editor.GetStringAsync(U("/admin/documents/all?q=列表测试&status=Published")), StringComparison.Ordinal);

        // A published document of the editor's body, found by its 索引号, offers correction; only 终审 may withdraw.
        int bodyId;
        int publishedId;
        string publishedIndexNo;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            bodyId = await db.Users.Where(u => u.UserName == "editor.myszf").Select(u => u.BodyId).SingleAsync();
            var row = await db.Set<Document>().Where(d => d.BodyId == bodyId && d.Status == Gongkai.Publishing.Rules.DocumentStatus.Published && d.IndexNo != null)
                .OrderBy(d => d.Id).Select(d => new { d.Id, d.IndexNo }).FirstAsync();
            (publishedId, publishedIndexNo) = (row.Id, row.IndexNo!);
        }

        var found = await editor.GetStringAsync(U($"/admin/documents/all?q={Uri.EscapeDataString(publishedIndexNo)}"));
        Assert.Contains("共 1 个文件", found, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/documents/{publishedId}/correct\"", found, StringComparison.Ordinal);
        Assert.DoesNotContain("撤回：", found, StringComparison.Ordinal);
        var final = await factory.CreateStaffClientAsync("reviewer3.myszf", StaffRoles.FinalReviewer);
        Assert.Contains("撤回：", await final.GetStringAsync(U($"/admin/documents/all?q={Uri.EscapeDataString(publishedIndexNo)}")), StringComparison.Ordinal);

        // Someone of another body does not see these documents at all.
        int otherBody;
        using (var scope = factory.Services.CreateScope())
        {
            otherBody = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Gongkai.Organizations.Body>()
                .Where(b => b.Id != bodyId && b.ParentId == bodyId).Select(b => b.Id).FirstAsync();
        }

        using var outsider = factory.CreateClient().SignedInAs("editor.other", otherBody, StaffRoles.Editor);
        Assert.Contains("共 0 个文件", await outsider.GetStringAsync(U("/admin/documents/all?q=列表测试")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_deadline_dashboard_counts_across_the_national_day_holiday_and_its_make_up_day()
    {
        var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);
        // Signed Fri 09-27: 09-29 (make-up Sunday), 09-30, 10-08 → due today.
        await DraftAsync(editor, Normative("今日到期的规范性文件", new DateOnly(2024, 9, 27)));
        // Signed Thu 09-26: 09-27, 09-29, 09-30 → due 09-30, one working day (10-08) overdue.
        await DraftAsync(editor, Normative("已逾期的规范性文件", new DateOnly(2024, 9, 26)));
        // Signed Mon 09-30: 10-08, 10-09, 10-10 → due in two working days.
        await DraftAsync(editor, Normative("即将到期的规范性文件", new DateOnly(2024, 9, 30)));
        // Signed today: due 10-11, three working days away, not listed.
        await DraftAsync(editor, Normative("时间充裕的规范性文件", new DateOnly(2024, 10, 8)));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var myszf = await db.Set<Gongkai.Organizations.Body>().SingleAsync(b => b.Code == "myszf");
            // Signed Fri 09-20, due Wed 09-25, published today: 09-26, 09-27, 09-29, 09-30, 10-08 late.
            await scope.ServiceProvider.GetRequiredService<DocumentPublisher>().PublishAsync(new DocumentDraft(
                "逾期公开的规范性文件", "绵府发〔2024〕19号", myszf.Id, DocumentCatalog.NormativeDocument, "综合政务", new DateOnly(2024, 9, 20), "正文"));
        }

        var html = await editor.GetStringAsync(U("/admin/documents/deadlines"));

        string Section(string id) => Regex.Match(html, $"<section[^>]*aria-labelledby=\"{id}\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("今日到期的规范性文件", Section("due-today"), StringComparison.Ordinal);
        Assert.Contains("已逾期的规范性文件", Section("overdue"), StringComparison.Ordinal);
        Assert.Contains("已逾期 1 个工作日", Section("overdue"), StringComparison.Ordinal);
        Assert.Contains("即将到期的规范性文件", Section("due-soon"), StringComparison.Ordinal);
        Assert.Contains("2024-10-10", Section("due-soon"), StringComparison.Ordinal);
        Assert.Contains("逾期公开的规范性文件", Section("published-late"), StringComparison.Ordinal);
        Assert.Contains("逾期 5 个工作日公开", Section("published-late"), StringComparison.Ordinal);
        Assert.DoesNotContain("时间充裕的规范性文件", html, StringComparison.Ordinal);
    }
}
