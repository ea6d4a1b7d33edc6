using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Attachments;
using Gongkai.Publishing.Checks;
using Gongkai.Publishing.Rules;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Gongkai.Tests.Publishing.Attachments;
using Gongkai.UnitTests.Publishing.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Safeguards.Review;

/// <summary>Masking attachments at every review stage (issue 13): 「遮盖全部个人信息」 covers the attachments, the reviewer
/// of the stage masks one attachment instead of sending the document back, a new version replaces the file while the
/// original stays downloadable for staff only, and every masking is audited without the personal data.</summary>
public sealed class AttachmentMaskingTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private const string IdNumber = AttachmentFixtures.IdNumber;
    private const string MaskedId = "1101**********002X";

    private Task<HttpClient> Editor() => factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);

    private Task<HttpClient> Reviewer(int stage) => factory.CreateStaffClientAsync($"reviewer{stage}.myszf",
        stage switch { 1 => StaffRoles.FirstReviewer, 2 => StaffRoles.SecondReviewer, _ => StaffRoles.FinalReviewer });

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<T> InDbAsync<T>(Func<GongkaiDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>());
    }

    /// <summary>A draft with a clean body and a Word attachment holding an ID number, submitted and approved up to
    /// <paramref name="awaiting"/> (1 = waiting for 一审 … 3 = waiting for 终审).</summary>
    private async Task<(int Document, int Attachment, string OriginalSha256)> UnderReviewAsync(string title, int awaiting)
    {
        var editor = await Editor();
        using var created = await editor.PostAsJsonAsync("/api/v1/documents/", new CreateDocumentRequest(
            new DocumentInput(title, null, DocumentCatalog.Notice, "综合政务", new DateOnly(2024, 9, 27), "<p>名单见附件。</p>")));
        var id = (await Json(created)).GetProperty("id").GetInt32();
        var docx = AttachmentFixtures.Docx("临时救助对象名单", $"申请人身份证号码：{IdNumber}");
        using var uploaded = await AttachmentApiTests.UploadAsync(editor, id, "救助对象名单.docx", docx);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var attachmentId = (await Json(uploaded)).GetProperty("id").GetInt32();
        (await editor.PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        foreach (var (stage, name) in new[] { (1, "first"), (2, "second") }.Where(s => s.Item1 < awaiting))
        {
            (await (await Reviewer(stage)).PostAsJsonAsync($"/api/v1/documents/{id}/review/{name}", new ReviewRequest("approve", null))).EnsureSuccessStatusCode();
        }

        return (id, attachmentId, Convert.ToHexStringLower(SHA256.HashData(docx)));
    }

    private static Task<HttpResponseMessage> FixAsync(HttpClient client, int id, string handler, Dictionary<string, string> fields) =>
        client.SubmitAsync($"/admin/documents/{id}/findings", fields, handler);

    [Fact]
    public async Task The_final_reviewer_masks_all_personal_data_including_the_attachment_and_the_original_is_kept_for_staff()
    {
        var (id, attachmentId, originalHash) = await UnderReviewAsync("关于2024年临时救助对象的公示", awaiting: 3);
        var reviewer = await Reviewer(3);

        using var blocked = await reviewer.PostAsJsonAsync($"/api/v1/documents/{id}/review/final", new ReviewRequest("approve", "同意"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        var panel = await reviewer.GetStringAsync(new Uri($"/admin/documents/{id}", UriKind.Relative));
        Assert.Contains("遮盖全部个人信息", panel, StringComparison.Ordinal);
        Assert.Contains("遮盖该附件中的个人信息", panel, StringComparison.Ordinal);

        using var masked = await FixAsync(reviewer, id, "MaskAll", new() { ["returnUrl"] = $"/admin/documents/{id}" });

        Assert.Equal(HttpStatusCode.OK, masked.StatusCode);
        var page = await masked.Content.ReadAsStringAsync();
        Assert.Contains("其中附件 1 处", page, StringComparison.Ordinal);
        Assert.Contains("附件遮盖前的原件", page, StringComparison.Ordinal);
        var attachment = await InDbAsync(db => db.Set<DocumentAttachment>().AsNoTracking().SingleAsync(a => a.Id == attachmentId));
        Assert.Contains(MaskedId, attachment.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(IdNumber, attachment.Text, StringComparison.Ordinal);
        Assert.Equal("[]", attachment.FindingsJson);
        Assert.NotEqual(originalHash, attachment.Sha256);
        var original = await InDbAsync(db => db.Set<AttachmentOriginal>().AsNoTracking().SingleAsync(o => o.AttachmentId == attachmentId));
        Assert.Equal(originalHash, original.Sha256);
        Assert.Equal(ReviewWorkflow.ChineseName(DocumentStatus.AwaitingFinalReview), original.Stage);
        var audited = await InDbAsync(db => db.Set<AuditEntry>().Where(a => a.Action == "document.attachment-masked").Select(a => a.Detail).ToListAsync());
        var detail = Assert.Single(audited, d => d!.Contains(attachment.Sha256, StringComparison.Ordinal))!;
        Assert.Contains(originalHash, detail, StringComparison.Ordinal);
        Assert.DoesNotContain(IdNumber, detail, StringComparison.Ordinal);

        // the original is there for the body's staff, with the personal data, and never cached
        using var download = await reviewer.GetAsync(new Uri($"/admin/documents/{id}/findings?handler=Original&originalId={original.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(originalHash, Convert.ToHexStringLower(SHA256.HashData(await download.Content.ReadAsByteArrayAsync())));
        Assert.Contains("no-store", download.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var otherBody = factory.CreateClient().SignedInAs("editor.other", 2, StaffRoles.Editor);
        using var refused = await otherBody.GetAsync(new Uri($"/admin/documents/{id}/findings?handler=Original&originalId={original.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        // no longer blocked; once published the public gets the masked version
        using var passed = await reviewer.PostAsJsonAsync($"/api/v1/documents/{id}/review/final", new ReviewRequest("approve", "同意"));
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        var published = await factory.CreateClient().GetByteArrayAsync(new Uri($"/attachments/{attachmentId}", UriKind.Relative));
        Assert.Equal(attachment.Sha256, Convert.ToHexStringLower(SHA256.HashData(published)));
    }

    [Fact]
    public async Task The_second_reviewer_masks_one_attachment_without_sending_the_document_back()
    {
        var (id, attachmentId, _) = await UnderReviewAsync("关于困难群众救助资金发放的公示", awaiting: 2);

        using var masked = await FixAsync(await Reviewer(2), id, "MaskAttachment", new() { ["attachmentId"] = attachmentId.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.OK, masked.StatusCode);
        Assert.Contains("已遮盖附件《救助对象名单.docx》中的 1 处个人信息", await masked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var document = await InDbAsync(db => db.Set<Document>().AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal(DocumentStatus.AwaitingSecondReview, document.Status);
        var history = await InDbAsync(db => db.Set<DocumentHistoryEntry>().Where(h => h.DocumentId == id).Select(h => h.Action).ToListAsync());
        Assert.Equal("masked", history[^1]);
        Assert.Equal(1, await InDbAsync(db => db.Set<AttachmentOriginal>().CountAsync(o => o.AttachmentId == attachmentId)));
    }

    [Fact]
    public async Task A_reviewer_of_another_stage_may_not_mask_an_attachment()
    {
        var (id, attachmentId, originalHash) = await UnderReviewAsync("关于低保对象调整的公示", awaiting: 2);
        var reviewer = await Reviewer(1);
        var token = PageForms.AntiforgeryToken(await reviewer.GetStringAsync(new Uri("/admin/account/tokens", UriKind.Relative)));
        using var form = new FormUrlEncodedContent([new(PageForms.TokenField, token), new("attachmentId", attachmentId.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        using var refused = await reviewer.PostAsync(new Uri($"/admin/documents/{id}/findings?handler=MaskAttachment", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(originalHash, await InDbAsync(db => db.Set<DocumentAttachment>().Where(a => a.Id == attachmentId).Select(a => a.Sha256).SingleAsync()));
        Assert.Equal(0, await InDbAsync(db => db.Set<AttachmentOriginal>().CountAsync(o => o.AttachmentId == attachmentId)));
    }
}
