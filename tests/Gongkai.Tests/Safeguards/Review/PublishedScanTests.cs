using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform.Data;
using Gongkai.Platform.Notifications;
using Gongkai.Publishing;
using Gongkai.Publishing.Attachments;
using Gongkai.Publishing.Checks.PublishedScan;
using Gongkai.Publishing.Rules;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Gongkai.Tests.Publishing.Attachments;
using Gongkai.UnitTests.Publishing.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Safeguards.Review;

/// <summary>The scan of documents already published (issue 13): personal data that went public before the detectors
/// knew it — in a body or an attachment — is found, listed per body on the dashboard with the scan's progress, the
/// body's staff are notified, a rescan skips what is unchanged, and the body masks and corrects in one step.</summary>
public sealed class PublishedScanTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private const string IdNumber = AttachmentFixtures.IdNumber;

    private Task<HttpClient> Editor() => factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<T> InDbAsync<T>(Func<GongkaiDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>());
    }

    private async Task<PublishedScanRun> ScanAsync()
    {
        using var scope = factory.Services.CreateScope();
        var reports = new List<ScanProgress>();
        var run = await scope.ServiceProvider.GetRequiredService<PublishedScanner>().RunAsync("测试", new Recorder(reports), CancellationToken.None);
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.InRange(r.Scanned, 0, r.Total));
        return run;
    }

    /// <summary>Publishes a clean document with a clean Word attachment through the review workflow, then puts the
    /// given text into its body and attachment as if it had been published before the detectors knew the pattern.</summary>
    private async Task<(int Document, int Attachment)> PublishedWithAsync(string title, string bodyHtml, string? attachmentText)
    {
        var editor = await Editor();
        using var created = await editor.PostAsJsonAsync("/api/v1/documents/", new CreateDocumentRequest(
            new DocumentInput(title, null, DocumentCatalog.Notice, "综合政务", new DateOnly(2024, 9, 27), "<p>详见附件。</p>")));
        var id = (await Json(created)).GetProperty("id").GetInt32();
        var docx = AttachmentFixtures.Docx("名单", attachmentText ?? "无");
        using var uploaded = await AttachmentApiTests.UploadAsync(editor, id, "名单.docx", AttachmentFixtures.Docx("名单", "无"));
        var attachmentId = (await Json(uploaded)).GetProperty("id").GetInt32();
        (await editor.PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        foreach (var (stage, role) in new[] { ("first", StaffRoles.FirstReviewer), ("second", StaffRoles.SecondReviewer), ("final", StaffRoles.FinalReviewer) })
        {
            var reviewer = await factory.CreateStaffClientAsync($"reviewer-{stage}.myszf", role);
            (await reviewer.PostAsJsonAsync($"/api/v1/documents/{id}/review/{stage}", new ReviewRequest("approve", "同意"))).EnsureSuccessStatusCode();
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var document = await db.Set<Document>().SingleAsync(d => d.Id == id);
        Assert.Equal(DocumentStatus.Published, document.Status);
        document.BodyHtml = bodyHtml;
        if (attachmentText is not null)
        {
            var attachment = await db.Set<DocumentAttachment>().SingleAsync(a => a.Id == attachmentId);
            attachment.Text = "名单\n" + attachmentText;
            (await db.Set<AttachmentContent>().SingleAsync(c => c.AttachmentId == attachmentId)).Bytes = docx;
        }

        await db.SaveChangesAsync();
        return (id, attachmentId);
    }

    [Fact]
    public async Task Personal_data_already_published_is_found_listed_notified_and_masked_with_a_correction_in_one_step()
    {
        var (id, attachmentId) = await PublishedWithAsync("关于2023年度低保对象的公示", "<p>低保对象名单：曾德胜、邓玉梅、韩超。</p>",
            $"联络员：蒋志明，身份证号码{IdNumber}");

        var run = await ScanAsync();

        Assert.NotNull(run.FinishedAt);
        Assert.Equal(run.Total, run.Scanned);
        Assert.True(run.NewlyFound >= 2);
        var results = await InDbAsync(db => db.Set<PublishedScanResult>().AsNoTracking().Where(r => r.DocumentId == id).OrderBy(r => r.Source).ToListAsync());
        Assert.Equal(["attachment:" + attachmentId, "body"], results.Select(r => r.Source));
        Assert.All(results, r => Assert.True(r.PersonalCount > 0));
        Assert.Contains("自然人姓名 3 处", results.Single(r => r.Source == "body").Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(results, r => r.Summary.Contains("曾德胜", StringComparison.Ordinal) || r.Summary.Contains(IdNumber, StringComparison.Ordinal));
        var notices = await InDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Kind == "publishing.published-scan").ToListAsync());
        Assert.Contains(notices, m => m.Body.Contains("《关于2023年度低保对象的公示》正文", StringComparison.Ordinal) && m.Body.Contains(PublishedScanPaths.Dashboard, StringComparison.Ordinal));

        var editor = await Editor();
        var dashboard = await editor.GetStringAsync(new Uri(PublishedScanPaths.Dashboard, UriKind.Relative));
        Assert.Contains($"已扫描 {run.Total} / {run.Total} 份文件", dashboard, StringComparison.Ordinal);
        Assert.Contains("《关于2023年度低保对象的公示》", dashboard, StringComparison.Ordinal);
        Assert.Contains("附件《名单.docx》", dashboard, StringComparison.Ordinal);
        Assert.Contains($"/admin/documents/{id}/correct", dashboard, StringComparison.Ordinal);

        using var corrected = await editor.SubmitAsync(PublishedScanPaths.Dashboard, [new("documentId", id.ToString(System.Globalization.CultureInfo.InvariantCulture))], "Correct");

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Contains("并提交更正《关于2023年度低保对象的公示》，待终审通过后公开", await corrected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The body's correction waits for 终审 like any other (issue 23); the attachment's masked version is public at once.
        Assert.Contains("曾德胜", (await InDbAsync(db => db.Set<Document>().AsNoTracking().SingleAsync(d => d.Id == id))).BodyHtml, StringComparison.Ordinal);
        var correctionId = await InDbAsync(db => db.Set<DocumentCorrection>().Where(c => c.DocumentId == id).Select(c => c.Id).SingleAsync());
        var final = await factory.CreateStaffClientAsync("reviewer-final.myszf", StaffRoles.FinalReviewer);
        (await final.PostAsync(new Uri($"/api/v1/documents/{id}/corrections/{correctionId}/approve", UriKind.Relative), null)).EnsureSuccessStatusCode();
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PublishedScanner>().ScanDocumentAsync(id, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().SaveChangesAsync();
        }

        var document = await InDbAsync(db => db.Set<Document>().AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal("<p>低保对象名单：曾某、邓某、韩某。</p>", document.BodyHtml);
        Assert.Equal(DocumentStatus.Published, document.Status);
        var history = await InDbAsync(db => db.Set<DocumentHistoryEntry>().Where(h => h.DocumentId == id).OrderBy(h => h.Id).Select(h => new { h.Action, h.Comment }).ToListAsync());
        Assert.Equal("corrected", history[^1].Action);
        Assert.Equal(PublishedScanDesk.CorrectionReason, history[^1].Comment);
        var attachment = await InDbAsync(db => db.Set<DocumentAttachment>().AsNoTracking().SingleAsync(a => a.Id == attachmentId));
        Assert.DoesNotContain(IdNumber, attachment.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("蒋志明", attachment.Text, StringComparison.Ordinal);
        Assert.Equal(1, await InDbAsync(db => db.Set<Gongkai.Publishing.Checks.AttachmentOriginal>().CountAsync(o => o.AttachmentId == attachmentId)));
        Assert.All(await InDbAsync(db => db.Set<PublishedScanResult>().AsNoTracking().Where(r => r.DocumentId == id).ToListAsync()), r => Assert.Equal(0, r.PersonalCount));
        Assert.DoesNotContain("《关于2023年度低保对象的公示》", await editor.GetStringAsync(new Uri(PublishedScanPaths.Dashboard, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rescan_skips_texts_already_scanned_with_the_same_rules_and_checks_a_changed_one()
    {
        await PublishedWithAsync("关于补发残疾人两项补贴的通知", "<p>申请人身份证号码" + IdNumber + "。</p>", null);
        var first = await ScanAsync();
        Assert.True(first.Checked > 0);

        var second = await ScanAsync();

        Assert.Equal(0, second.Checked);
        Assert.Equal(first.Checked + first.Skipped, second.Skipped);
        Assert.Equal(0, second.NewlyFound);

        var (changed, _) = await PublishedWithAsync("关于救助金发放的公示", "<p>救助金发放名单：1. 黄志强 身份证 " + IdNumber + "。</p>", null);
        var third = await ScanAsync();
        Assert.True(third.Checked >= 2);
        Assert.Equal(1, third.NewlyFound);
        Assert.Contains(await InDbAsync(db => db.Set<PublishedScanResult>().AsNoTracking().Where(r => r.DocumentId == changed && r.Source == "body").Select(r => r.Summary).SingleAsync()),
            (string[])["身份证号码 1 处；自然人姓名 1 处", "自然人姓名 1 处；身份证号码 1 处"]);
    }

    [Fact]
    public async Task The_dashboard_shows_only_the_users_bodies_and_the_correction_only_to_editors()
    {
        var (id, _) = await PublishedWithAsync("关于危房改造补助对象的公示", "<p>补助对象：户主唐秀英（身份证号" + IdNumber + "）。</p>", null);
        await ScanAsync();

        var otherBody = factory.CreateClient().SignedInAs("editor.other", 2, StaffRoles.Editor);
        Assert.DoesNotContain("《关于危房改造补助对象的公示》", await otherBody.GetStringAsync(new Uri(PublishedScanPaths.Dashboard, UriKind.Relative)), StringComparison.Ordinal);

        var reviewer = await factory.CreateStaffClientAsync("reviewer-first.myszf", StaffRoles.FirstReviewer);
        var page = await reviewer.GetStringAsync(new Uri(PublishedScanPaths.Dashboard, UriKind.Relative));
        Assert.Contains("《关于危房改造补助对象的公示》", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">遮盖并更正<", page, StringComparison.Ordinal);
        // the page offers this reviewer no form, so the antiforgery token comes from another console page
        var token = PageForms.AntiforgeryToken(await reviewer.GetStringAsync(new Uri("/admin/account/tokens", UriKind.Relative)));
        using var form = new FormUrlEncodedContent([new(PageForms.TokenField, token), new("documentId", id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        using var refused = await reviewer.PostAsync(new Uri(PublishedScanPaths.Dashboard + "?handler=Correct", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(IdNumber, await InDbAsync(db => db.Set<Document>().Where(d => d.Id == id).Select(d => d.BodyHtml).SingleAsync()), StringComparison.Ordinal);
    }

    private sealed class Recorder(List<ScanProgress> reports) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => reports.Add(value);
    }
}
