using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Publishing;

/// <summary>联合发文: a document of 绵阳市发展和改革委员会 (myfgw) naming 绵阳市人民政府 (myszf) as co-issuer shows under
/// the city government — its list, API and feed — only after a reviewer of the city government countersigns; a
/// declined co-issue never shows there. (Issue 23, defect 3: one body published under another's name.)</summary>
public sealed class CoIssueCountersignTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private const string CoIssuerCode = "myszf";
    private const string IssuerCode = "myfgw";

    private async Task<int> BodyIdAsync(string code)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Body>().Where(b => b.Code == code).Select(b => b.Id).SingleAsync();
    }

    private async Task<HttpClient> IssuerStaffAsync(string name, params string[] roles) =>
        factory.CreateClient().SignedInAs($"{name}.{IssuerCode}", await BodyIdAsync(IssuerCode), roles);

    private async Task<HttpClient> CoIssuerStaffAsync(string name, params string[] roles) =>
        factory.CreateClient().SignedInAs($"{name}.{CoIssuerCode}", await BodyIdAsync(CoIssuerCode), roles);

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>Drafts a notice of myfgw naming myszf as co-issuer and passes it through the issuer's 三审.</summary>
    private async Task<(int Id, string IndexNo)> PublishCoIssuedAsync(string title)
    {
        var editor = await IssuerStaffAsync("editor", StaffRoles.Editor);
        var input = new DocumentInput(title, null, DocumentCatalog.Notice, "综合政务", new DateOnly(2024, 9, 27),
            "<p>两个机关联合印发本通知。</p>", CoIssuers: [CoIssuerCode]);
        using var created = await editor.PostAsJsonAsync("/api/v1/documents/", new CreateDocumentRequest(input));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetInt32();
        (await editor.PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        foreach (var (stage, role) in new[] { ("first", StaffRoles.FirstReviewer), ("second", StaffRoles.SecondReviewer), ("final", StaffRoles.FinalReviewer) })
        {
            var reviewer = await IssuerStaffAsync("reviewer-" + stage, role);
            using var reviewed = await reviewer.PostAsJsonAsync($"/api/v1/documents/{id}/review/{stage}", new ReviewRequest("approve", null));
            Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
            if (stage == "final")
            {
                return (id, (await Json(reviewed)).GetProperty("indexNo").GetString()!);
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    private async Task<bool> ListedUnderCoIssuerAsync(string indexNo)
    {
        using var visitor = factory.CreateClient();
        var list = await Json(await visitor.GetAsync(new Uri($"/api/v1/documents/?body={CoIssuerCode}&size=100", UriKind.Relative)));
        var inApi = list.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("indexNo").GetString() == indexNo);
        var feed = await visitor.GetStringAsync(new Uri($"/feeds/bodies/{CoIssuerCode}/atom.xml", UriKind.Relative));
        var inFeed = feed.Contains(indexNo, StringComparison.Ordinal);
        var document = await Json(await visitor.GetAsync(new Uri("/api/v1/documents/by-index?indexNo=" + Uri.EscapeDataString(indexNo), UriKind.Relative)));
        var named = document.GetProperty("coIssuers").EnumerateArray().Any(c => c.GetString() == "绵阳市人民政府");
        Assert.True(inApi == inFeed && inFeed == named, $"list {inApi}, feed {inFeed}, named on the document {named}");
        return inApi;
    }

    [Fact]
    public async Task A_co_issued_document_shows_under_the_co_issuer_only_after_its_reviewer_countersigns()
    {
        var (id, indexNo) = await PublishCoIssuedAsync("关于联合开展项目核查的通知（会签）");

        Assert.False(await ListedUnderCoIssuerAsync(indexNo));

        // The request waits on the co-issuer's console and in its API.
        var coReviewer = await CoIssuerStaffAsync("reviewer", StaffRoles.FinalReviewer);
        var pending = await Json(await coReviewer.GetAsync(new Uri("/api/v1/co-issues", UriKind.Relative)));
        var request = Assert.Single(pending.EnumerateArray(), r => r.GetProperty("documentId").GetInt32() == id);
        Assert.Equal("绵阳市发展和改革委员会", request.GetProperty("issuer").GetString());
        Assert.Equal("待确认", request.GetProperty("stateName").GetString());
        var console = await coReviewer.GetStringAsync(new Uri("/admin/co-issues", UriKind.Relative));
        Assert.Contains("关于联合开展项目核查的通知（会签）", console, StringComparison.Ordinal);

        // Neither an editor of the co-issuer, nor a reviewer of the issuing body, nor a system administrator may sign for it.
        var coEditor = await CoIssuerStaffAsync("editor", StaffRoles.Editor);
        using (var refused = await coEditor.PostAsync(new Uri($"/api/v1/co-issues/{id}/accept", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("审核权限", (await Json(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var issuerReviewer = await IssuerStaffAsync("reviewer-final", StaffRoles.FinalReviewer);
        using (var refused = await issuerReviewer.PostAsync(new Uri($"/api/v1/co-issues/{id}/accept", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        var admin = await IssuerStaffAsync("admin", StaffRoles.SystemAdmin);
        using (var refused = await admin.PostAsync(new Uri($"/api/v1/co-issues/{id}/accept", UriKind.Relative), null))
        {
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        }

        Assert.False(await ListedUnderCoIssuerAsync(indexNo));

        using (var accepted = await coReviewer.PostAsync(new Uri($"/api/v1/co-issues/{id}/accept", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Equal("已会签", (await Json(accepted)).GetProperty("stateName").GetString());
        }

        Assert.True(await ListedUnderCoIssuerAsync(indexNo));

        // A second decision on the same request is a conflict, not a silent change.
        using (var again = await coReviewer.PostAsJsonAsync($"/api/v1/co-issues/{id}/decline", new { reason = "改变主意" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var audited = await db.Set<AuditEntry>().Where(a => a.Target == "document:" + indexNo).Select(a => new { a.Action, a.BodyId }).ToListAsync();
        Assert.Contains(audited, a => a.Action == "document.co-issue.accepted" && a.BodyId == 1);
    }

    [Fact]
    public async Task A_declined_co_issue_needs_a_reason_and_never_shows_under_the_co_issuer()
    {
        var (id, indexNo) = await PublishCoIssuedAsync("关于联合开展质量抽查的通知（拒签）");
        var coReviewer = await CoIssuerStaffAsync("reviewer1", StaffRoles.FirstReviewer);

        using (var noReason = await coReviewer.PostAsJsonAsync($"/api/v1/co-issues/{id}/decline", new { reason = "  " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("理由", (await Json(noReason)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var declined = await coReviewer.PostAsJsonAsync($"/api/v1/co-issues/{id}/decline", new { reason = "本机关未参与该文件的起草和会签。" }))
        {
            Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
            Assert.Equal("已拒绝", (await Json(declined)).GetProperty("stateName").GetString());
        }

        Assert.False(await ListedUnderCoIssuerAsync(indexNo));

        // The issuing body sees the refusal and its reason on the document.
        var issuerEditor = await IssuerStaffAsync("editor", StaffRoles.Editor);
        var staffView = await Json(await issuerEditor.GetAsync(new Uri($"/api/v1/documents/{id}", UriKind.Relative)));
        var coIssue = Assert.Single(staffView.GetProperty("coIssueStates").EnumerateArray());
        Assert.Equal("Declined", coIssue.GetProperty("state").GetString());
        Assert.Equal("本机关未参与该文件的起草和会签。", coIssue.GetProperty("reason").GetString());

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Target == "document:" + indexNo && a.Action == "document.co-issue.declined"));
    }

    [Fact]
    public async Task The_co_issuers_console_asks_to_confirm_keeps_a_missing_reason_on_the_page_and_countersigns()
    {
        var (id, indexNo) = await PublishCoIssuedAsync("关于联合发布年度工作要点的通知（控制台会签）");
        var coReviewer = await CoIssuerStaffAsync("reviewer2", StaffRoles.SecondReviewer);

        var page = await coReviewer.GetStringAsync(new Uri("/admin/co-issues", UriKind.Relative));
        Assert.Contains("待确认", page, StringComparison.Ordinal);
        Assert.Contains("关于联合发布年度工作要点的通知（控制台会签）", page, StringComparison.Ordinal);
        Assert.Contains("会签（同意联合发文）", page, StringComparison.Ordinal);

        using (var noReason = await coReviewer.SubmitAsync("/admin/co-issues", [new("DocumentId", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Reason", "")], handler: "Decline"))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            Assert.Contains("拒绝联合发文时请填写理由。", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.False(await ListedUnderCoIssuerAsync(indexNo));
        using (var accepted = await coReviewer.SubmitAsync("/admin/co-issues", [new("DocumentId", id.ToString(System.Globalization.CultureInfo.InvariantCulture))], handler: "Accept"))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            var after = await accepted.Content.ReadAsStringAsync();
            Assert.Contains("已会签。", after, StringComparison.Ordinal);
        }

        Assert.True(await ListedUnderCoIssuerAsync(indexNo));

        // An editor of the co-issuer sees the requests but is told who may answer, with no buttons.
        var coEditor = await CoIssuerStaffAsync("editor2", StaffRoles.Editor);
        var editorPage = await coEditor.GetStringAsync(new Uri("/admin/co-issues", UriKind.Relative));
        Assert.Contains("您没有审核权限", editorPage, StringComparison.Ordinal);
        Assert.DoesNotContain("会签（同意联合发文）", editorPage, StringComparison.Ordinal);
    }
}
