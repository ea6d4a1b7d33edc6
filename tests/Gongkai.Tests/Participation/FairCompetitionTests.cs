using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Participation;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Participation;

/// <summary>公平竞争审查 as the editor and reviewers of 绵阳市人民政府 use it: a document marked as touching market activity
/// is refused at 终审 without a review, passes with a 符合 review, and is held by a 不符合 one until a new review.</summary>
public sealed class FairCompetitionTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private static DocumentInput Tender(string title) => new(
        title, null, DocumentCatalog.OtherPolicyDocument, "商贸、海关、旅游", new DateOnly(2024, 9, 27),
        "<p>第一条　为规范本市政府投资项目招标投标活动，制定本办法。</p><p>第二条　本办法自发布之日起施行。</p>");

    private Task<HttpClient> Editor() => factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);

    private Task<HttpClient> Reviewer(int stage) => factory.CreateStaffClientAsync($"reviewer{stage}.myszf",
        stage switch { 1 => StaffRoles.FirstReviewer, 2 => StaffRoles.SecondReviewer, _ => StaffRoles.FinalReviewer });

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static List<ReviewItemRequest> AllNo() => FairCompetitionRules.Items.Select(i => new ReviewItemRequest(i.Code, "no")).ToList();

    private async Task<int> AwaitingFinalAsync(string title, params string[] areas)
    {
        var editor = await Editor();
        using var created = await editor.PostAsJsonAsync("/api/v1/documents/", new CreateDocumentRequest(Tender(title)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetInt32();
        if (areas.Length > 0)
        {
            using var marked = await editor.PutAsJsonAsync($"/api/v1/documents/{id}/market-activity", new MarketActivityRequest(areas));
            Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        }

        (await editor.PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        (await (await Reviewer(1)).PostAsJsonAsync($"/api/v1/documents/{id}/review/first", new ReviewRequest("approve", null))).EnsureSuccessStatusCode();
        (await (await Reviewer(2)).PostAsJsonAsync($"/api/v1/documents/{id}/review/second", new ReviewRequest("approve", null))).EnsureSuccessStatusCode();
        return id;
    }

    private static Task<HttpResponseMessage> FinalAsync(HttpClient final, int id) =>
        final.PostAsJsonAsync($"/api/v1/documents/{id}/review/final", new ReviewRequest("approve", "同意发布"));

    [Fact]
    public async Task A_marked_document_is_refused_at_final_review_without_a_review_and_passes_with_a_compliant_one()
    {
        var id = await AwaitingFinalAsync("绵阳市政府投资项目招标投标管理办法", "bidding", "market-access");
        var final = await Reviewer(3);

        using (var refused = await FinalAsync(final, id))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var problem = await Json(refused);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var detail = problem.GetProperty("detail").GetString()!;
            Assert.Contains("市场准入、招标投标", detail, StringComparison.Ordinal);
            Assert.Contains("尚未完成公平竞争审查", detail, StringComparison.Ordinal);
            Assert.Equal("/admin/fair-competition/documents/" + id, problem.GetProperty("conditions")[0].GetProperty("url").GetString());
        }

        // An incomplete checklist is refused and names the items left.
        using (var incomplete = await final.PutAsJsonAsync($"/api/v1/documents/{id}/fair-competition-review",
                   new FairCompetitionReviewRequest(AllNo().Take(17).ToList(), "compliant")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
            Assert.Contains("第 4.4 项", (await Json(incomplete)).GetProperty("errors").GetProperty("items")[0].GetString(), StringComparison.Ordinal);
        }

        using var reviewed = await final.PutAsJsonAsync($"/api/v1/documents/{id}/fair-competition-review", new FairCompetitionReviewRequest(AllNo(), "compliant", Note: "未发现排除、限制竞争的内容"));
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        var state = await Json(reviewed);
        Assert.True(state.GetProperty("mayPassFinalReview").GetBoolean());
        Assert.Equal("compliant", state.GetProperty("review").GetProperty("conclusion").GetString());
        Assert.Equal(18, state.GetProperty("review").GetProperty("items").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(state.GetProperty("review").GetProperty("reviewer").GetString()));

        using var approved = await FinalAsync(final, id);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Published", (await Json(approved)).GetProperty("status").GetString());

        // After 终审 the record is closed.
        using var late = await final.PutAsJsonAsync($"/api/v1/documents/{id}/fair-competition-review", new FairCompetitionReviewRequest(AllNo(), "compliant"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var audited = await db.Set<AuditEntry>().Where(a => a.Target == "document:" + id).Select(a => a.Action).ToListAsync();
        Assert.Contains("fair-competition.marked", audited);
        Assert.Contains("fair-competition.reviewed", audited);
        var review = await db.Set<FairCompetitionReview>().SingleAsync(r => r.DocumentId == id);
        Assert.Equal("market-access,bidding", review.Areas);
    }

    [Fact]
    public async Task A_non_compliant_review_holds_the_document_until_a_new_review()
    {
        var id = await AwaitingFinalAsync("绵阳市本地企业优先采购办法", "government-procurement");
        var final = await Reviewer(3);
        var items = AllNo().Select(i => i.Code == "2.3" ? new ReviewItemRequest("2.3", "yes", "第二条要求投标人在本市注册") : i).ToList();
        (await final.PutAsJsonAsync($"/api/v1/documents/{id}/fair-competition-review", new FairCompetitionReviewRequest(items, "non-compliant"))).EnsureSuccessStatusCode();

        using (var refused = await FinalAsync(final, id))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("不符合", (await Json(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // The first reviewer (any stage may review) records the new review after the clause was struck out.
        (await (await Reviewer(1)).PutAsJsonAsync($"/api/v1/documents/{id}/fair-competition-review", new FairCompetitionReviewRequest(AllNo(), "compliant"))).EnsureSuccessStatusCode();
        using var approved = await FinalAsync(final, id);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var list = await Json(await final.GetAsync(new Uri($"/api/v1/fair-competition-reviews?year={DateTime.UtcNow.AddHours(8).Year}", UriKind.Relative)));
        Assert.Equal(["compliant", "non-compliant"], list.EnumerateArray().Where(r => r.GetProperty("documentId").GetInt32() == id).Select(r => r.GetProperty("conclusion").GetString()!).ToArray());
    }

    [Fact]
    public async Task A_document_not_marked_passes_final_review_as_before()
    {
        var id = await AwaitingFinalAsync("绵阳市图书馆开放时间调整的通知");

        var state = await Json(await (await Reviewer(3)).GetAsync(new Uri($"/api/v1/documents/{id}/fair-competition-review", UriKind.Relative)));
        Assert.False(state.GetProperty("required").GetBoolean());
        using var approved = await FinalAsync(await Reviewer(3), id);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }

    [Fact]
    public async Task Only_editors_mark_only_reviewers_review_and_another_body_sees_nothing()
    {
        var id = await AwaitingFinalAsync("绵阳市招商引资优惠政策", "investment-promotion");

        using var reviewerMarks = await (await Reviewer(3)).PutAsJsonAsync($"/api/v1/documents/{id}/market-activity", new MarketActivityRequest(["bidding"]));
        Assert.Equal(HttpStatusCode.Forbidden, reviewerMarks.StatusCode);
        using var editorReviews = await (await Editor()).PutAsJsonAsync($"/api/v1/documents/{id}/fair-competition-review", new FairCompetitionReviewRequest(AllNo(), "compliant"));
        Assert.Equal(HttpStatusCode.Forbidden, editorReviews.StatusCode);
        using var unknownArea = await (await Editor()).PutAsJsonAsync($"/api/v1/documents/{id}/market-activity", new MarketActivityRequest(["tourism"]));
        Assert.Equal(HttpStatusCode.BadRequest, unknownArea.StatusCode);

        int otherBody;
        using (var scope = factory.Services.CreateScope())
        {
            otherBody = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Gongkai.Organizations.Body>().Where(b => b.Id != 1).Select(b => b.Id).FirstAsync();
        }

        using var other = factory.CreateClient().SignedInAs("reviewer.other", otherBody, StaffRoles.FinalReviewer);
        using var foreign = await other.GetAsync(new Uri($"/api/v1/documents/{id}/fair-competition-review", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
