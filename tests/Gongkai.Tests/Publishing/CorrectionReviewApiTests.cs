using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Publishing;

/// <summary>Issue 23, defect 7: an editor alone rewrote a published document through 更正. A correction is now a
/// proposal: the public page, API, feeds and search keep the published version until a reviewer of the body holding
/// 终审 approves it; the author cannot approve it; a reviewer may return it with a reason.</summary>
public sealed class CorrectionReviewApiTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private static Uri U(string path) => new(path, UriKind.Relative);

    private Task<HttpClient> Editor() => factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);

    private Task<HttpClient> Final() => factory.CreateStaffClientAsync("reviewer3.myszf", StaffRoles.FinalReviewer);

    private static DocumentInput Input(string title, string text = "<p>第一条　原来的规定。</p><p>第二条　本通知自发布之日起施行。</p>") =>
        new(title, "绵府办发〔2024〕21号", DocumentCatalog.Notice, "综合政务", new DateOnly(2024, 3, 1), text);

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<Document> PublishAsync(string title)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var myszf = await db.Set<Body>().SingleAsync(b => b.Code == "myszf");
        return await scope.ServiceProvider.GetRequiredService<DocumentPublisher>().PublishAsync(new DocumentDraft(
            title, "绵府办发〔2024〕21号", myszf.Id, DocumentCatalog.Notice, "综合政务", new DateOnly(2024, 3, 1), "第一条　原来的规定。\n第二条　本通知自发布之日起施行。"));
    }

    private async Task<int> ChangeRowsAsync(string indexNo)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<ChangeLogEntry>()
            .CountAsync(c => c.Kind == PublishingChanges.DocumentCorrected.Name && c.EntityId == indexNo);
    }

    [Fact]
    public async Task An_editors_correction_leaves_the_public_version_until_a_final_reviewer_approves_it()
    {
        var document = await PublishAsync("更正须经终审的通知");
        var indexNo = document.IndexNo!;
        using var visitor = factory.CreateClient();
        var before = await Json(await visitor.GetAsync(U("/api/v1/documents/by-index?indexNo=" + Uri.EscapeDataString(indexNo))));

        using var proposed = await (await Editor()).PostAsJsonAsync($"/api/v1/documents/{document.Id}/correct",
            new CorrectionRequest(Input("更正须经终审的通知（修订）", "<p>第一条　新的规定。</p><p>第二条　本通知自发布之日起施行。</p>"), "第一条表述有误"));

        Assert.Equal(HttpStatusCode.Accepted, proposed.StatusCode);
        var pending = await Json(proposed);
        Assert.Equal("AwaitingFinalReview", pending.GetProperty("state").GetString());
        Assert.Equal("更正待终审", pending.GetProperty("stateName").GetString());
        var correctionId = pending.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/documents/{document.Id}/corrections/{correctionId}", proposed.Headers.Location?.OriginalString);

        // Nothing public moved: API, page, versions, change log (so search and caches stay too).
        var during = await Json(await visitor.GetAsync(U("/api/v1/documents/by-index?indexNo=" + Uri.EscapeDataString(indexNo))));
        Assert.Equal("更正须经终审的通知", during.GetProperty("title").GetString());
        Assert.Equal(before.GetProperty("contentHash").GetString(), during.GetProperty("contentHash").GetString());
        Assert.Equal(0, during.GetProperty("corrections").GetArrayLength());
        var page = await visitor.GetStringAsync(U("/documents/" + indexNo));
        Assert.Contains("原来的规定", page, StringComparison.Ordinal);
        Assert.DoesNotContain("新的规定", page, StringComparison.Ordinal);
        Assert.Equal(0, await ChangeRowsAsync(indexNo));

        // The author may not approve, not even holding 终审 as well; a 初审 reviewer may not either.
        var author = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor, StaffRoles.FinalReviewer);
        using (var own = await author.PostAsync(U($"/api/v1/documents/{document.Id}/corrections/{correctionId}/approve"), null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
            Assert.Contains("本人提交的更正", (await Json(own)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var first = await factory.CreateStaffClientAsync("reviewer1.myszf", StaffRoles.FirstReviewer);
        using (var notFinal = await first.PostAsync(U($"/api/v1/documents/{document.Id}/corrections/{correctionId}/approve"), null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notFinal.StatusCode);
        }

        using var approved = await (await Final()).PostAsync(U($"/api/v1/documents/{document.Id}/corrections/{correctionId}/approve"), null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Approved", (await Json(approved)).GetProperty("state").GetString());

        var after = await Json(await visitor.GetAsync(U("/api/v1/documents/by-index?indexNo=" + Uri.EscapeDataString(indexNo))));
        Assert.Equal("更正须经终审的通知（修订）", after.GetProperty("title").GetString());
        Assert.Equal("第一条表述有误", after.GetProperty("corrections")[0].GetProperty("reason").GetString());
        Assert.Contains("新的规定", await visitor.GetStringAsync(U("/documents/" + indexNo)), StringComparison.Ordinal);
        Assert.Equal(1, await ChangeRowsAsync(indexNo));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var actions = await db.Set<AuditEntry>().Where(a => a.Target == "document:" + indexNo).Select(a => a.Action).ToListAsync();
        Assert.Contains("document.correction-submitted", actions);
        Assert.Contains("document.correction-approved-final", actions);
        Assert.Contains(PublishingChanges.DocumentCorrected.Name, actions);
        var history = await db.Set<DocumentHistoryEntry>().Where(h => h.DocumentId == document.Id).OrderBy(h => h.Id).Select(h => h.Action).ToListAsync();
        Assert.Equal(["published", "correction-submitted", "correction-approved-final", "corrected"], history);
    }

    [Fact]
    public async Task A_returned_correction_needs_a_reason_changes_nothing_public_and_only_one_waits_at_a_time()
    {
        var document = await PublishAsync("更正被退回的通知");
        var editor = await Editor();
        using var proposed = await editor.PostAsJsonAsync($"/api/v1/documents/{document.Id}/correct",
            new CorrectionRequest(Input("更正被退回的通知（错误修改）"), "修改标题"));
        var correctionId = (await Json(proposed)).GetProperty("id").GetInt32();

        using (var second = await editor.PostAsJsonAsync($"/api/v1/documents/{document.Id}/correct", new CorrectionRequest(Input("又一次修改"), "再改")))
        {
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        }

        var final = await Final();
        using (var noReason = await final.PostAsJsonAsync($"/api/v1/documents/{document.Id}/corrections/{correctionId}/return", new CorrectionReturnRequest(" ")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.True((await Json(noReason)).GetProperty("errors").TryGetProperty("reason", out _));
        }

        using var returned = await final.PostAsJsonAsync($"/api/v1/documents/{document.Id}/corrections/{correctionId}/return", new CorrectionReturnRequest("标题不应修改"));
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var view = await Json(returned);
        Assert.Equal("Returned", view.GetProperty("state").GetString());
        Assert.Equal("标题不应修改", view.GetProperty("returnReason").GetString());

        using (var again = await final.PostAsync(U($"/api/v1/documents/{document.Id}/corrections/{correctionId}/approve"), null))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        using var visitor = factory.CreateClient();
        Assert.Equal("更正被退回的通知", (await Json(await visitor.GetAsync(U("/api/v1/documents/by-index?indexNo=" + Uri.EscapeDataString(document.IndexNo!)))))
            .GetProperty("title").GetString());
        Assert.Equal(0, await ChangeRowsAsync(document.IndexNo!));
        var list = await Json(await editor.GetAsync(U($"/api/v1/documents/{document.Id}/corrections")));
        Assert.Equal("Returned", list[0].GetProperty("state").GetString());

        // Once returned, the editor may propose again.
        using var retry = await editor.PostAsJsonAsync($"/api/v1/documents/{document.Id}/correct", new CorrectionRequest(Input("更正被退回的通知"), "只改正文"));
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
    }

    [Fact]
    public async Task With_the_full_review_configured_three_different_reviewers_pass_a_correction()
    {
        // The factory already authenticates with TestAuth; only the setting changes.
        using var full = factory.WithWebHostBuilder(builder => builder.UseSetting("Publishing:CorrectionReview", "Full"));
        var document = await PublishAsync("更正须经三审的通知");
        // Test principals without an account: each name is its own user id.
        Task<HttpClient> As(string name, string role) => Task.FromResult(full.CreateClient().SignedInAs(name, document.BodyId, role));

        using var proposed = await (await As("editor.myszf", StaffRoles.Editor)).PostAsJsonAsync($"/api/v1/documents/{document.Id}/correct",
            new CorrectionRequest(Input("更正须经三审的通知（修订）"), "标题补充"));
        var pending = await Json(proposed);
        Assert.Equal("AwaitingFirstReview", pending.GetProperty("state").GetString());
        var approve = U($"/api/v1/documents/{document.Id}/corrections/{pending.GetProperty("id").GetInt32()}/approve");

        using (var tooEarly = await (await As("reviewer3.myszf", StaffRoles.FinalReviewer)).PostAsync(approve, null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, tooEarly.StatusCode);
        }

        Assert.Equal("AwaitingSecondReview", (await Json(await (await As("reviewer1.myszf", StaffRoles.FirstReviewer)).PostAsync(approve, null))).GetProperty("state").GetString());
        Assert.Equal("AwaitingFinalReview", (await Json(await (await As("reviewer2.myszf", StaffRoles.SecondReviewer)).PostAsync(approve, null))).GetProperty("state").GetString());
        using var visitor = full.CreateClient();
        Assert.Equal("更正须经三审的通知", (await Json(await visitor.GetAsync(U("/api/v1/documents/by-index?indexNo=" + Uri.EscapeDataString(document.IndexNo!)))))
            .GetProperty("title").GetString());
        Assert.Equal("Approved", (await Json(await (await As("reviewer3.myszf", StaffRoles.FinalReviewer)).PostAsync(approve, null))).GetProperty("state").GetString());
        Assert.Equal("更正须经三审的通知（修订）", (await Json(await visitor.GetAsync(U("/api/v1/documents/by-index?indexNo=" + Uri.EscapeDataString(document.IndexNo!)))))
            .GetProperty("title").GetString());
    }
}
