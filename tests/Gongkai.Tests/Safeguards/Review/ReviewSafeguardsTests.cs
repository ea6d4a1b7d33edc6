using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Publishing;
using Gongkai.Publishing.Rules;
using Gongkai.Publishing.Checks;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Safeguards.Review;

/// <summary>The safeguards in the review workflow of 绵阳市人民政府 (myszf): findings on the staff pages, one-click
/// masking and correction, and 终审 blocked while personal data is open unless the final reviewer overrides.</summary>
public sealed class ReviewSafeguardsTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private const string IdNumber = "11010519491231002X";
    private const string MaskedId = "1101**********002X";

    private static DocumentInput Notice(string title, string bodyHtml) =>
        new(title, null, DocumentCatalog.Notice, "综合政务", new DateOnly(2024, 9, 27), bodyHtml);

    private Task<HttpClient> Editor() => factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);

    private Task<HttpClient> Reviewer(int stage) => factory.CreateStaffClientAsync($"reviewer{stage}.myszf",
        stage switch { 1 => StaffRoles.FirstReviewer, 2 => StaffRoles.SecondReviewer, _ => StaffRoles.FinalReviewer });

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<int> DraftAsync(string title, string bodyHtml)
    {
        using var response = await (await Editor()).PostAsJsonAsync("/api/v1/documents/", new CreateDocumentRequest(Notice(title, bodyHtml)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response)).GetProperty("id").GetInt32();
    }

    private async Task<int> AwaitingFinalAsync(string title, string bodyHtml)
    {
        var id = await DraftAsync(title, bodyHtml);
        (await (await Editor()).PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        (await (await Reviewer(1)).PostAsJsonAsync($"/api/v1/documents/{id}/review/first", new ReviewRequest("approve", null))).EnsureSuccessStatusCode();
        (await (await Reviewer(2)).PostAsJsonAsync($"/api/v1/documents/{id}/review/second", new ReviewRequest("approve", null))).EnsureSuccessStatusCode();
        return id;
    }

    private static Task<HttpResponseMessage> FinalAsync(HttpClient reviewer, int id, string? overrideReason = null) =>
        reviewer.PostAsJsonAsync($"/api/v1/documents/{id}/review/final", new ReviewRequest("approve", "同意", OverrideReason: overrideReason));

    private async Task<T> InDbAsync<T>(Func<GongkaiDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>());
    }

    private Task<Document> LoadAsync(int id) => InDbAsync(db => db.Set<Document>().AsNoTracking().SingleAsync(d => d.Id == id));

    private static Task<HttpResponseMessage> FixAsync(HttpClient client, int id, string handler, Dictionary<string, string> fields) =>
        client.SubmitAsync($"/admin/documents/{id}/findings", fields, handler);

    [Fact]
    public async Task Final_review_is_refused_with_the_findings_while_an_id_number_is_open()
    {
        const string body = "<p>经查，当事人身份证号码" + IdNumber + "。</p>";
        var id = await AwaitingFinalAsync("关于补发证件的公告", body);

        using var refused = await FinalAsync(await Reviewer(3), id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await Json(refused);
        Assert.Contains("个人信息", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var finding = Assert.Single(problem.GetProperty("findings").EnumerateArray());
        Assert.Equal("id-number", finding.GetProperty("kind").GetString());
        Assert.Equal("body", finding.GetProperty("source").GetString());
        Assert.Equal(body.IndexOf(IdNumber, StringComparison.Ordinal), finding.GetProperty("start").GetInt32());
        Assert.Equal(MaskedId, finding.GetProperty("replacement").GetString());
        Assert.Equal(DocumentStatus.AwaitingFinalReview, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task The_final_reviewer_masks_the_id_number_in_one_click_and_then_passes_final_review()
    {
        const string body = "<p>申请人身份证号码" + IdNumber + "，经审核符合条件。</p>";
        var id = await AwaitingFinalAsync("关于发放补贴的公示", body);
        var reviewer = await Reviewer(3);

        var page = await reviewer.GetStringAsync(new Uri($"/admin/documents/{id}", UriKind.Relative));
        Assert.Contains("<mark class=\"finding finding-personal\"", page, StringComparison.Ordinal);
        Assert.Contains("遮盖第 1 处身份证号码", page, StringComparison.Ordinal);

        using var masked = await FixAsync(reviewer, id, "Mask", new()
        {
            ["kind"] = "id-number", ["start"] = body.IndexOf(IdNumber, StringComparison.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["text"] = IdNumber, ["returnUrl"] = $"/admin/documents/{id}",
        });

        Assert.Equal(HttpStatusCode.OK, masked.StatusCode);
        Assert.EndsWith($"/admin/documents/{id}", masked.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("已遮盖：" + MaskedId, await masked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var document = await LoadAsync(id);
        Assert.Equal("<p>申请人身份证号码" + MaskedId + "，经审核符合条件。</p>", document.BodyHtml);
        var audited = await InDbAsync(db => db.Set<AuditEntry>().Where(a => a.Action == "document.masked" && a.Target == "document:" + id).Select(a => a.Detail).ToListAsync());
        Assert.DoesNotContain(IdNumber, Assert.Single(audited), StringComparison.Ordinal);

        using var passed = await FinalAsync(reviewer, id);
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        Assert.Equal("Published", (await Json(passed)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_fix_for_text_that_changed_meanwhile_changes_nothing_and_says_why()
    {
        const string body = "<p>联系人手机13812345678。</p>";
        var id = await DraftAsync("关于征集意见的通知", body);
        var editor = await Editor();
        var start = body.IndexOf("138", StringComparison.Ordinal);

        using var stale = await FixAsync(editor, id, "Mask", new() { ["kind"] = "mobile", ["start"] = (start + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ["text"] = "13812345678" });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("文字已经改变", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(body, (await LoadAsync(id)).BodyHtml);
    }

    [Fact]
    public async Task The_editor_masks_all_personal_data_and_applies_a_suggested_correction()
    {
        const string body = "<p>当事人：张三，手机13812345678，银行卡号6222020200112233445。</p><p>请各单位认真布署。</p>";
        var id = await DraftAsync("行政处罚决定书", body);
        var editor = await Editor();

        var editorPage = await editor.GetStringAsync(new Uri($"/admin/documents/edit/{id}", UriKind.Relative));
        Assert.Contains("发布前检查", editorPage, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"finding finding-wording\"", editorPage, StringComparison.Ordinal);

        using var all = await FixAsync(editor, id, "MaskAll", new() { ["returnUrl"] = $"/admin/documents/edit/{id}" });
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Contains("已遮盖 3 处个人信息", await all.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var afterMask = (await LoadAsync(id)).BodyHtml;
        Assert.Equal("<p>当事人：张某，手机138****5678，银行卡号***************3445。</p><p>请各单位认真布署。</p>", afterMask);

        using var corrected = await FixAsync(editor, id, "Correct", new()
        {
            ["kind"] = "miswriting", ["start"] = afterMask.IndexOf("布署", StringComparison.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture), ["text"] = "布署",
        });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.EndsWith("请各单位认真部署。</p>", (await LoadAsync(id)).BodyHtml, StringComparison.Ordinal);
        var history = await InDbAsync(db => db.Set<DocumentHistoryEntry>().Where(h => h.DocumentId == id).Select(h => h.Action).ToListAsync());
        Assert.Equal(["created", "masked", "wording-corrected"], history);
    }

    [Fact]
    public async Task A_reviewer_of_an_earlier_stage_may_not_change_the_text_awaiting_final_review()
    {
        var id = await AwaitingFinalAsync("关于资格审核结果的公示", "<p>身份证号码" + IdNumber + "</p>");

        var reviewer = await Reviewer(1);
        // The panel offers this reviewer no fix buttons, so the antiforgery token comes from another console page.
        var token = PageForms.AntiforgeryToken(await reviewer.GetStringAsync(new Uri("/admin/account/tokens", UriKind.Relative)));
        using var form = new FormUrlEncodedContent([new(PageForms.TokenField, token)]);
        using var refused = await reviewer.PostAsync(new Uri($"/admin/documents/{id}/findings?handler=MaskAll", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(IdNumber, (await LoadAsync(id)).BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_final_reviewer_overrides_with_a_reason_which_is_recorded_and_audited()
    {
        var id = await AwaitingFinalAsync("行政处罚决定书（违法占道经营）", "<p>当事人：张三，男，汉族。</p><p>依法作出罚款200元的行政处罚。</p>");
        var reviewer = await Reviewer(3);

        using (var tooShort = await FinalAsync(reviewer, id, "需要"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort.StatusCode);
        }

        using var passed = await FinalAsync(reviewer, id, "依法须公开行政处罚决定书当事人姓名");

        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        var overrides = await InDbAsync(db => db.Set<FindingOverride>().Where(o => o.DocumentId == id).ToListAsync());
        var single = Assert.Single(overrides);
        Assert.Equal(("person-name", "张三", "依法须公开行政处罚决定书当事人姓名", "reviewer3.myszf"), (single.Kind, single.Text, single.Reason, single.UserName));
        Assert.NotNull(single.UserId);
        var audit = await InDbAsync(db => db.Set<AuditEntry>().Where(a => a.Action == "document.safeguards-overridden" && a.Target == "document:" + id).Select(a => a.Detail!).ToListAsync());
        Assert.Contains("自然人姓名 1 项", Assert.Single(audit), StringComparison.Ordinal);
        var page = await reviewer.GetStringAsync(new Uri($"/admin/documents/{id}", UriKind.Relative));
        Assert.Contains("终审确认公开的个人信息", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_adding_an_id_number_to_a_published_document_is_blocked()
    {
        var id = await AwaitingFinalAsync("关于开展安全检查的通知", "<p>各单位请于月底前完成自查。</p>");
        (await FinalAsync(await Reviewer(3), id)).EnsureSuccessStatusCode();

        using var correction = await (await Editor()).PostAsJsonAsync($"/api/v1/documents/{id}/correct",
            new CorrectionRequest(Notice("关于开展安全检查的通知", "<p>各单位请于月底前完成自查。联系人身份证" + IdNumber + "。</p>"), "补充联系人"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, correction.StatusCode);
        Assert.DoesNotContain(IdNumber, (await LoadAsync(id)).BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submission_and_each_review_stage_record_a_check_summary()
    {
        var id = await AwaitingFinalAsync("关于公布咨询电话的通知", "<p>联系人手机13812345678。</p>");

        var details = await InDbAsync(db => db.Set<AuditEntry>().Where(a => a.Action == "document.checked" && a.Target == "document:" + id).OrderBy(a => a.Id).Select(a => a.Detail!).ToListAsync());

        Assert.Equal(["提交审核：发布前检查：个人信息 1 处，表述问题 0 处", "初审：发布前检查：个人信息 1 处，表述问题 0 处", "复审：发布前检查：个人信息 1 处，表述问题 0 处"], details);
    }

    [Fact]
    public async Task A_body_longer_than_the_check_limit_is_checked_in_parts_to_its_end()
    {
        var paragraphs = string.Concat(Enumerable.Repeat("<p>各单位要认真做好政府信息公开工作，依法依规及时准确公开政府信息。</p>", 16000));
        var document = new Document
        {
            Title = "长文件", DocumentType = DocumentCatalog.Notice, Subject = "综合政务", BodyId = 1, SignedOn = new DateOnly(2024, 9, 27),
            BodyHtml = paragraphs + "<p>附：申请人身份证号码" + IdNumber + "</p>",
        };
        Assert.True(document.BodyHtml.Length > Gongkai.Safeguards.SafeguardsChecker.MaxTextLength * 2);

        using var scope = factory.Services.CreateScope();
        var findings = await scope.ServiceProvider.GetRequiredService<BodyTextFindingSource>().FindAsync(document, CancellationToken.None);

        var finding = Assert.Single(findings);
        Assert.Equal(document.BodyHtml.IndexOf(IdNumber, StringComparison.Ordinal), finding.Start);
    }
}
