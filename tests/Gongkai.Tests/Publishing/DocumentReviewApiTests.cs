using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Gongkai.Publishing;
using Gongkai.Publishing.Rules;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Publishing;

/// <summary>The staff document API: drafting, three-stage review, publication, correction and withdrawal, as the
/// editor and reviewers of 绵阳市人民政府 (myszf) would use it, and what the public then sees.</summary>
public sealed class DocumentReviewApiTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private static DocumentInput Normative(string title, string? docNumber = "绵府发[2024]3号") => new(
        title, docNumber, DocumentCatalog.NormativeDocument, "民政、扶贫、救灾", new DateOnly(2024, 9, 27),
        "<p>第一条　为保障困难群众基本生活，制定本办法。</p><p>第二条　本办法自发布之日起施行。</p>", Keywords: "低保, 救助，标准");

    private Task<HttpClient> Editor() => factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);

    private Task<HttpClient> Reviewer(int stage) => factory.CreateStaffClientAsync($"reviewer{stage}.myszf",
        stage switch { 1 => StaffRoles.FirstReviewer, 2 => StaffRoles.SecondReviewer, _ => StaffRoles.FinalReviewer });

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<int> CreateAsync(HttpClient editor, DocumentInput input)
    {
        using var response = await editor.PostAsJsonAsync("/api/v1/documents/", new CreateDocumentRequest(input));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response)).GetProperty("id").GetInt32();
    }

    private static Task<HttpResponseMessage> ReviewAsync(HttpClient reviewer, int id, string stage, string decision, string? comment = null, string? noInterpretationReason = null, DateTimeOffset? publishAt = null) =>
        reviewer.PostAsJsonAsync($"/api/v1/documents/{id}/review/{stage}", new ReviewRequest(decision, comment, noInterpretationReason, publishAt));

    /// <summary>Creates, submits and passes 初审 and 复审.</summary>
    private async Task<int> AwaitingFinalAsync(DocumentInput input)
    {
        var id = await CreateAsync(await Editor(), input);
        (await (await Editor()).PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        (await ReviewAsync(await Reviewer(1), id, "first", "approve")).EnsureSuccessStatusCode();
        (await ReviewAsync(await Reviewer(2), id, "second", "approve")).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task A_normative_document_goes_from_draft_through_three_reviews_to_a_public_page()
    {
        var id = await AwaitingFinalAsync(Normative("绵阳市人民政府关于调整最低生活保障标准的通知"));
        var final = await Reviewer(3);

        using (var refused = await ReviewAsync(final, id, "final", "approve"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("政策解读", (await Json(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var approved = await ReviewAsync(final, id, "final", "approve", "同意发布", noInterpretationReason: "标准调整，已在正文说明，无需另行解读");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var staffView = await Json(approved);
        Assert.Equal("Published", staffView.GetProperty("status").GetString());
        Assert.Equal("绵府发〔2024〕3号", staffView.GetProperty("docNumber").GetString());
        Assert.Equal(
            ["created", "submitted", "approved-first", "approved-second", "approved-final", "published"],
            staffView.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()!).ToArray());
        var indexNo = staffView.GetProperty("indexNo").GetString()!;

        using var visitor = factory.CreateClient();
        var publicView = await Json(await visitor.GetAsync(new Uri("/api/v1/documents/" + indexNo, UriKind.Relative)));
        var html = publicView.GetProperty("bodyHtml").GetString()!;
        Assert.Equal(Hash(publicView.GetProperty("title").GetString()!, "绵府发〔2024〕3号", DocumentCatalog.NormativeDocument, "民政、扶贫、救灾", "2024-09-27", html),
            publicView.GetProperty("contentHash").GetString());
        Assert.Equal("低保；救助；标准", publicView.GetProperty("keywords").GetString());
        var page = await visitor.GetStringAsync(new Uri("/documents/" + indexNo, UriKind.Relative));
        Assert.Contains("第一条　为保障困难群众基本生活", page, StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        Assert.True(await db.Set<ChangeLogEntry>().AnyAsync(c => c.Kind == "document.published" && c.EntityId == indexNo));
        var audited = await db.Set<AuditEntry>().Where(a => a.Target == "document:" + indexNo || a.Target == "document:" + id).Select(a => a.Action).ToListAsync();
        Assert.Contains("document.approved-first", audited);
        Assert.Contains("document.approved-final", audited);
        Assert.Contains("document.published", audited);
        var stored = await db.Set<Document>().SingleAsync(d => d.Id == id);
        Assert.Equal(new DateOnly(2024, 10, 8), stored.DueOn);
    }

    private static string Hash(string title, string docNumber, string type, string subject, string signedOn, string html) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', title, docNumber, type, subject, signedOn, html))));

    [Fact]
    public async Task Nobody_approves_a_stage_of_their_own_submission()
    {
        var editorAndReviewer = await factory.CreateStaffClientAsync("bodyadmin.myszf", StaffRoles.Editor, StaffRoles.FirstReviewer);
        var id = await CreateAsync(editorAndReviewer, Normative("自己提交自己审核的文件"));
        (await editorAndReviewer.PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();

        using var response = await ReviewAsync(editorAndReviewer, id, "first", "approve");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("不能审核本人提交的文件。", (await Json(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Missing_metadata_a_bad_document_number_and_a_future_signing_date_are_each_explained_and_nothing_is_saved()
    {
        var editor = await Editor();
        var input = new DocumentInput("", "绵府发2024年3号", DocumentCatalog.NormativeDocument, null, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3), "<p>正文</p>");
        int before;
        using (var scope = factory.Services.CreateScope())
        {
            before = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Document>().CountAsync();
        }

        using var response = await editor.PostAsJsonAsync("/api/v1/documents/", new CreateDocumentRequest(input));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json(response)).GetProperty("errors");
        Assert.Equal("请填写标题。", errors.GetProperty("title")[0].GetString());
        Assert.Equal("请选择主题分类。", errors.GetProperty("subject")[0].GetString());
        Assert.Contains("格式不正确", errors.GetProperty("docNumber")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("晚于今天", errors.GetProperty("signedOn")[0].GetString(), StringComparison.Ordinal);
        using var scope2 = factory.Services.CreateScope();
        Assert.Equal(before, await scope2.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Document>().CountAsync());
    }

    [Fact]
    public async Task Script_in_rich_text_is_removed_and_the_rest_of_the_text_kept()
    {
        var editor = await Editor();
        var input = Normative("含脚本的文件") with
        {
            BodyHtml = "<p onclick=\"steal()\">第一段<script>alert(1)</script></p><p><a href=\"javascript:alert(2)\">链接</a><strong>第二段</strong></p>",
        };

        using var response = await editor.PostAsJsonAsync("/api/v1/documents/", new CreateDocumentRequest(input));

        var html = (await Json(response)).GetProperty("bodyHtml").GetString()!;
        Assert.Equal("<p>第一段</p><p><a>链接</a><strong>第二段</strong></p>", html);
    }

    [Fact]
    public async Task A_reviewer_returns_the_document_with_a_comment_and_the_editor_resubmits_it()
    {
        var editor = await Editor();
        var id = await CreateAsync(editor, Normative("需要退回修改的文件"));
        (await editor.PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var first = await Reviewer(1);
        (await ReviewAsync(first, id, "first", "approve")).EnsureSuccessStatusCode();

        using (var withoutComment = await ReviewAsync(await Reviewer(2), id, "second", "return"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, withoutComment.StatusCode);
        }

        using var returned = await ReviewAsync(await Reviewer(2), id, "second", "return", "请补充政策依据");
        var view = await Json(returned);
        Assert.Equal("Returned", view.GetProperty("status").GetString());
        var last = view.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("returned-second", last.GetProperty("action").GetString());
        Assert.Equal("请补充政策依据", last.GetProperty("comment").GetString());

        using var edited = await editor.PutAsJsonAsync($"/api/v1/documents/{id}", Normative("需要退回修改的文件（修改稿）"));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        (await editor.PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        // A new submission starts again at 初审, and the earlier 初审 approval no longer counts.
        using var again = await ReviewAsync(first, id, "first", "approve");
        Assert.Equal("AwaitingSecondReview", (await Json(again)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_second_reviewer_acting_on_a_step_already_taken_gets_a_conflict_in_chinese()
    {
        var id = await CreateAsync(await Editor(), Normative("两人同时审核的文件"));
        (await (await Editor()).PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var other = await factory.CreateStaffClientAsync("officer.myszf", StaffRoles.FirstReviewer);

        using var winner = await ReviewAsync(await Reviewer(1), id, "first", "approve");
        using var loser = await ReviewAsync(other, id, "first", "return", "不同意");

        Assert.Equal(HttpStatusCode.OK, winner.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, loser.StatusCode);
        Assert.Contains("已不在初审环节", (await Json(loser)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_reviewers_saving_the_same_step_at_the_same_time_one_wins_and_the_other_is_told()
    {
        var id = await CreateAsync(await Editor(), Normative("真正同时审核的文件"));
        (await (await Editor()).PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var first = await TestAuth.EnsureUserAsync(factory.Services, "reviewer1.myszf", [StaffRoles.FirstReviewer]);
        var other = await TestAuth.EnsureUserAsync(factory.Services, "officer.myszf", [StaffRoles.FirstReviewer]);

        using var slowScope = factory.Services.CreateScope();
        var slowDb = slowScope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        // The slower reviewer's request has read the document before the faster one saves.
        await slowDb.Set<Document>().Include(d => d.CoIssuers).SingleAsync(d => d.Id == id);

        using (var fastScope = factory.Services.CreateScope())
        {
            var fast = await fastScope.ServiceProvider.GetRequiredService<DocumentDesk>()
                .ReviewAsync(Principal(first), id, ReviewStage.First, new ReviewDecision(true, null));
            Assert.True(fast.Succeeded);
        }

        var slow = await slowScope.ServiceProvider.GetRequiredService<DocumentDesk>()
            .ReviewAsync(Principal(other), id, ReviewStage.First, new ReviewDecision(false, "不同意"));

        Assert.Equal(RefusalKind.Conflict, slow.Refusal?.Kind);
        Assert.Equal(DocumentDesk.LostRaceMessage, slow.Refusal?.Message);
        using var check = factory.Services.CreateScope();
        var stored = await check.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Document>().AsNoTracking().SingleAsync(d => d.Id == id);
        Assert.Equal(DocumentStatus.AwaitingSecondReview, stored.Status);
        Assert.Equal(first.Id, stored.FirstApprovedBy);
    }

    private static System.Security.Claims.ClaimsPrincipal Principal(StaffUser user) => new(new System.Security.Claims.ClaimsIdentity(
    [
        new(System.Security.Claims.ClaimTypes.NameIdentifier, user.Id),
        new(System.Security.Claims.ClaimTypes.Name, user.UserName!),
        new(System.Security.Claims.ClaimTypes.Role, StaffRoles.FirstReviewer),
        new(StaffClaims.BodyId, user.BodyId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ], "test"));

    [Fact]
    public async Task A_correction_adds_a_version_shown_publicly_with_its_reason()
    {
        var id = await AwaitingFinalAsync(Normative("需要更正的文件", "绵府发〔2024〕5号"));
        var published = await Json(await ReviewAsync(await Reviewer(3), id, "final", "approve", noInterpretationReason: "程序性文件"));
        var indexNo = published.GetProperty("indexNo").GetString()!;
        using var visitor = factory.CreateClient();
        var firstHash = (await Json(await visitor.GetAsync(new Uri("/api/v1/documents/" + indexNo, UriKind.Relative)))).GetProperty("contentHash").GetString();

        using var corrected = await (await Editor()).PostAsJsonAsync($"/api/v1/documents/{id}/correct",
            new CorrectionRequest(Normative("需要更正的文件", "绵府发〔2024〕6号"), "文号有误，由5号更正为6号"));
        Assert.Equal(HttpStatusCode.Accepted, corrected.StatusCode);
        var correctionId = (await Json(corrected)).GetProperty("id").GetInt32();
        // Public once the body's 终审 approves it (CorrectionReviewApiTests covers the waiting state).
        using var approved = await (await Reviewer(3)).PostAsync(new Uri($"/api/v1/documents/{id}/corrections/{correctionId}/approve", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var view = await Json(await visitor.GetAsync(new Uri("/api/v1/documents/" + indexNo, UriKind.Relative)));
        Assert.Equal("绵府发〔2024〕6号", view.GetProperty("docNumber").GetString());
        Assert.NotEqual(firstHash, view.GetProperty("contentHash").GetString());
        Assert.Equal("文号有误，由5号更正为6号", view.GetProperty("corrections")[0].GetProperty("reason").GetString());
        Assert.Contains("文号有误，由5号更正为6号", await visitor.GetStringAsync(new Uri("/documents/" + indexNo, UriKind.Relative)), StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var versions = await db.Set<DocumentVersion>().Where(v => v.DocumentId == id).OrderBy(v => v.Number).ToListAsync();
        Assert.Equal(["绵府发〔2024〕5号", "绵府发〔2024〕6号"], versions.Select(v => v.DocNumber!).ToArray());
        Assert.True(await db.Set<ChangeLogEntry>().AnyAsync(c => c.Kind == "document.corrected" && c.EntityId == indexNo));
    }

    [Fact]
    public async Task A_withdrawn_document_leaves_the_lists_and_its_page_stays_with_the_reason()
    {
        var id = await AwaitingFinalAsync(Normative("将被撤回的文件", "绵府发〔2024〕7号"));
        var indexNo = (await Json(await ReviewAsync(await Reviewer(3), id, "final", "approve", noInterpretationReason: "程序性文件")))
            .GetProperty("indexNo").GetString()!;
        using var visitor = factory.CreateClient();
        Assert.Contains("将被撤回的文件", await visitor.GetStringAsync(new Uri("/api/v1/documents/?body=myszf&size=100", UriKind.Relative)), StringComparison.Ordinal);

        using (var noReason = await (await Reviewer(3)).PostAsJsonAsync($"/api/v1/documents/{id}/withdraw", new WithdrawalRequest(" ")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        }

        using var withdrawn = await (await Reviewer(3)).PostAsJsonAsync($"/api/v1/documents/{id}/withdraw", new WithdrawalRequest("内容已被新文件替代"));
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);

        using var page = await visitor.GetAsync(new Uri("/documents/" + indexNo, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("该文件已撤回", html, StringComparison.Ordinal);
        Assert.Contains("内容已被新文件替代", html, StringComparison.Ordinal);
        Assert.DoesNotContain("将被撤回的文件", await visitor.GetStringAsync(new Uri("/api/v1/documents/?body=myszf&size=100", UriKind.Relative)), StringComparison.Ordinal);
        var view = await Json(await visitor.GetAsync(new Uri("/api/v1/documents/" + indexNo, UriKind.Relative)));
        Assert.True(view.GetProperty("withdrawn").GetBoolean());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("bodyHtml").ValueKind);

        using var scope = factory.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<ChangeLogEntry>()
            .AnyAsync(c => c.Kind == "document.withdrawn" && c.EntityId == indexNo));
    }

    [Fact]
    public async Task A_final_approval_with_a_later_time_is_published_only_when_that_time_comes()
    {
        var id = await AwaitingFinalAsync(Normative("定时发布的文件", "绵府发〔2024〕8号"));
        var final = await Reviewer(3);
        using var scheduled = await ReviewAsync(final, id, "final", "approve", noInterpretationReason: "程序性文件", publishAt: DateTimeOffset.UtcNow.AddDays(2));
        var view = await Json(scheduled);
        Assert.Equal("Scheduled", view.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("indexNo").ValueKind);

        using var visitor = factory.CreateClient();
        Assert.DoesNotContain("定时发布的文件", await visitor.GetStringAsync(new Uri("/api/v1/documents/?body=myszf&size=100", UriKind.Relative)), StringComparison.Ordinal);

        using var now = await final.PostAsync(new Uri($"/api/v1/documents/{id}/publish", UriKind.Relative), null);
        Assert.Equal("Published", (await Json(now)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Other_bodies_documents_are_out_of_reach()
    {
        var id = await CreateAsync(await Editor(), Normative("市政府的草稿"));
        var foreign = await factory.CreateStaffClientAsync("editor.finance", StaffRoles.Editor);
        using (var scope = factory.Services.CreateScope())
        {
            var finance = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Gongkai.Organizations.Body>().SingleAsync(b => b.Code == "myczj");
            foreign.DefaultRequestHeaders.Remove(TestAuth.BodyHeader);
            foreign.DefaultRequestHeaders.Add(TestAuth.BodyHeader, finance.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using var read = await foreign.GetAsync(new Uri($"/api/v1/documents/{id}", UriKind.Relative));
        using var submit = await foreign.PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
    }

    [Fact]
    public async Task The_public_list_filters_by_body_type_subject_year_and_validity_and_pages()
    {
        using var visitor = factory.CreateClient();

        var normative = await Json(await visitor.GetAsync(new Uri("/api/v1/documents/?type=行政规范性文件&year=2018&validity=有效", UriKind.Relative)));
        var bySubject = await Json(await visitor.GetAsync(new Uri("/api/v1/documents/?subject=" + Uri.EscapeDataString("财政、金融、审计"), UriKind.Relative)));
        var byBody = await Json(await visitor.GetAsync(new Uri("/api/v1/documents/?body=stxzf&year=2018", UriKind.Relative)));
        var otherYear = await Json(await visitor.GetAsync(new Uri("/api/v1/documents/?body=stxzf&year=2017", UriKind.Relative)));
        var paged = await Json(await visitor.GetAsync(new Uri("/api/v1/documents/?year=2018&size=2&page=2", UriKind.Relative)));
        using var badValidity = await visitor.GetAsync(new Uri("/api/v1/documents/?validity=maybe", UriKind.Relative));

        Assert.Equal(["三府发〔2018〕15号", "绵府发〔2018〕8号"],
            normative.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("docNumber").GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.All(bySubject.GetProperty("items").EnumerateArray(), i => Assert.Equal("绵阳市财政局", i.GetProperty("body").GetString()));
        Assert.Equal(1, byBody.GetProperty("total").GetInt32());
        Assert.Equal(0, otherYear.GetProperty("total").GetInt32());
        Assert.Equal(7, paged.GetProperty("total").GetInt32());
        Assert.Equal(2, paged.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, badValidity.StatusCode);
    }

    [Fact]
    public async Task A_normative_document_with_an_interpretation_passes_final_review_and_both_pages_link_each_other()
    {
        var id = await AwaitingFinalAsync(Normative("有解读的规范性文件", "绵府发〔2024〕9号"));
        var editor = await Editor();

        using (var imageWithoutAlt = await editor.PostAsJsonAsync("/api/v1/interpretations/",
            new InterpretationInput("一图读懂", InterpretationKind.Image, "", "https://example.gov.cn/a.png", null, [id])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, imageWithoutAlt.StatusCode);
            Assert.Contains("替代文字", await imageWithoutAlt.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var created = await editor.PostAsJsonAsync("/api/v1/interpretations/",
            new InterpretationInput("《有解读的规范性文件》政策解读", InterpretationKind.Text, "<p>一、制定背景……</p><script>x()</script>", null, null, [id]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var interpretationUrl = (await Json(created)).GetProperty("url").GetString()!;
        using var visitor = factory.CreateClient();
        using (var beforePublication = await visitor.GetAsync(new Uri(interpretationUrl, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, beforePublication.StatusCode);
        }

        using var approved = await ReviewAsync(await Reviewer(3), id, "final", "approve");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var indexNo = (await Json(approved)).GetProperty("indexNo").GetString()!;

        var documentPage = await visitor.GetStringAsync(new Uri("/documents/" + indexNo, UriKind.Relative));
        Assert.Contains($"href=\"{interpretationUrl}\"", documentPage, StringComparison.Ordinal);
        var interpretationPage = await visitor.GetStringAsync(new Uri(interpretationUrl, UriKind.Relative));
        Assert.Contains("一、制定背景", interpretationPage, StringComparison.Ordinal);
        Assert.DoesNotContain("x()", interpretationPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/documents/{indexNo}\"", interpretationPage, StringComparison.Ordinal);
    }
}
