using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Publishing;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Publishing;

/// <summary>The staff correction form (更正) of a published document.</summary>
public sealed class DocumentCorrectionPageTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private static Uri U(string path) => new(path, UriKind.Relative);

    private async Task<Document> PublishAsync(string title)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var myszf = await db.Set<Body>().SingleAsync(b => b.Code == "myszf");
        return await scope.ServiceProvider.GetRequiredService<DocumentPublisher>().PublishAsync(new DocumentDraft(
            title, "绵府办发〔2024〕7号", myszf.Id, DocumentCatalog.Notice, "综合政务", new DateOnly(2024, 3, 1), "原来的正文。"));
    }

    private static Dictionary<string, string> Fields(string title, string reason, string signedOn = "2024-03-01") => new()
    {
        ["Form.Title"] = title,
        ["Form.DocNumber"] = "绵府办发〔2024〕7号",
        ["Form.DocumentType"] = DocumentCatalog.Notice,
        ["Form.Subject"] = "综合政务",
        ["Form.SignedOn"] = signedOn,
        ["Form.BodyHtml"] = "<p>原来的正文。</p>",
        ["Form.Validity"] = "Valid",
        ["Reason"] = reason,
    };

    private async Task<int> VersionCountAsync(int documentId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<DocumentVersion>().CountAsync(v => v.DocumentId == documentId);
    }

    [Fact]
    public async Task A_correction_saved_on_the_form_waits_for_the_final_reviewer_who_sees_the_diff_then_the_public_page_shows_the_change_and_reason()
    {
        var document = await PublishAsync("标题有错字的通知");
        var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);
        var staffPage = $"/admin/documents/{document.Id}";
        var form = staffPage + "/correct";

        Assert.Contains($"href=\"{form}\"", await editor.GetStringAsync(U(staffPage)), StringComparison.Ordinal);
        var prefilled = await editor.GetStringAsync(U(form));
        Assert.Contains("value=\"标题有错字的通知\"", prefilled, StringComparison.Ordinal);
        // The text goes back as the form showed it.
        var fields = Fields("标题已更正的通知", "标题中的错字已更正");
        fields["Form.BodyHtml"] = WebUtility.HtmlDecode(Regex.Match(prefilled, "<textarea id=\"f-bodyHtml\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline).Groups[1].Value);
        using var saved = await editor.SubmitAsync(form, fields);

        // Submitted for review: the correction's page, and nothing public yet.
        var correctionPage = saved.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith(staffPage + "/corrections/", correctionPage, StringComparison.Ordinal);
        Assert.Contains("待本单位终审通过后公开", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await VersionCountAsync(document.Id));
        using var visitor = factory.CreateClient();
        Assert.Contains("标题有错字的通知", await visitor.GetStringAsync(U("/documents/" + document.IndexNo)), StringComparison.Ordinal);
        Assert.DoesNotContain("标题已更正的通知", await visitor.GetStringAsync(U("/documents/" + document.IndexNo)), StringComparison.Ordinal);

        // The final reviewer finds it in the review queue, reads old against new, and approves.
        var reviewer = await factory.CreateStaffClientAsync("reviewer3.myszf", StaffRoles.FinalReviewer);
        var queue = await reviewer.GetStringAsync(U("/admin/documents"));
        Assert.Contains($"href=\"{correctionPage}\"", queue, StringComparison.Ordinal);
        Assert.Contains("审核更正", queue, StringComparison.Ordinal);
        var review = await reviewer.GetStringAsync(U(correctionPage));
        Assert.Contains("<del>标题有错字的通知</del>", review, StringComparison.Ordinal);
        Assert.Contains("<ins>标题已更正的通知</ins>", review, StringComparison.Ordinal);
        Assert.Contains("正文没有改动", review, StringComparison.Ordinal);
        Assert.DoesNotContain("通过并公开更正", await editor.GetStringAsync(U(correctionPage)), StringComparison.Ordinal);
        using var approved = await reviewer.SubmitAsync(correctionPage, [], "Approve");
        Assert.Contains("更正已通过终审并公开", await approved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(2, await VersionCountAsync(document.Id));
        var page = await visitor.GetStringAsync(U("/documents/" + document.IndexNo));
        Assert.Contains("标题已更正的通知", page, StringComparison.Ordinal);
        Assert.Contains("更正：标题中的错字已更正", page, StringComparison.Ordinal);
        Assert.Contains("更正项目：标题", page, StringComparison.Ordinal);
        Assert.DoesNotContain("更正项目：标题、", page, StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>()
            .Where(a => a.Action == PublishingChanges.DocumentCorrected.Name && a.Detail == "标题中的错字已更正").ToListAsync();
        Assert.Single(audit);
    }

    [Fact]
    public async Task A_correction_without_a_reason_or_with_a_bad_date_comes_back_in_chinese_with_the_input_kept_and_nothing_saved()
    {
        var document = await PublishAsync("待更正但理由缺失的通知");
        var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);
        var form = $"/admin/documents/{document.Id}/correct";

        using var noReason = await editor.SubmitAsync(form, Fields("改过的标题一", " "));
        var noReasonHtml = await noReason.Content.ReadAsStringAsync();
        using var badDate = await editor.SubmitAsync(form, Fields("改过的标题二", "日期更正", signedOn: "2024-13-40"));
        var badDateHtml = await badDate.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("请填写更正说明。", noReasonHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"改过的标题一\"", noReasonHtml, StringComparison.Ordinal);
        Assert.Contains("成文日期“2024-13-40”不是有效日期", badDateHtml, StringComparison.Ordinal);
        Assert.Contains("日期更正</textarea>", badDateHtml, StringComparison.Ordinal);
        Assert.Equal(1, await VersionCountAsync(document.Id));
    }

    [Fact]
    public async Task Only_editors_of_the_documents_body_may_correct_it()
    {
        var document = await PublishAsync("他人不能更正的通知");
        var form = $"/admin/documents/{document.Id}/correct";
        var reviewer = await factory.CreateStaffClientAsync("reviewer1.myszf", StaffRoles.FirstReviewer);
        var foreign = await factory.CreateStaffClientAsync("editor.finance", StaffRoles.Editor);
        using (var scope = factory.Services.CreateScope())
        {
            var finance = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Body>().SingleAsync(b => b.Code == "myczj");
            foreign.DefaultRequestHeaders.Remove(TestAuth.BodyHeader);
            foreign.DefaultRequestHeaders.Add(TestAuth.BodyHeader, finance.Id.ToString(CultureInfo.InvariantCulture));
        }

        using var reviewerGet = await reviewer.GetAsync(U(form));
        using var foreignGet = await foreign.GetAsync(U(form));
        // The form itself is closed to this editor, so the token comes from a page of their own.
        var token = PageForms.AntiforgeryToken(await foreign.GetStringAsync(U("/admin/documents/edit")));
        using var foreignForm = new FormUrlEncodedContent(Fields("被他人更正的标题", "越权更正").Append(new(PageForms.TokenField, token)));
        using var foreignPost = await foreign.PostAsync(U(form), foreignForm);

        Assert.Equal(HttpStatusCode.Forbidden, reviewerGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignGet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignPost.StatusCode);
        Assert.Equal(1, await VersionCountAsync(document.Id));
    }
}
