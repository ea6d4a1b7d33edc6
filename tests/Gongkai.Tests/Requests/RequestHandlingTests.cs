using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Requests;
using Gongkai.Requests.Rules;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Requests;

/// <summary>The officer's work beside the clock, through the pages and the API on a frozen "today" (Mon 2025-06-02):
/// fees, review and litigation cases with tables 三 and 四, assignment, duplicates, letter edits, the auditor's view.</summary>
public sealed class RequestHandlingTests(FrozenClockFactory factory) : IClassFixture<FrozenClockFactory>
{
    private static readonly DateOnly Today = new(2025, 6, 2);
    private static readonly string[] TableFourKeys = ["upheld", "corrected", "other", "pending", "total"];

    private async Task<Body> BodyAsync(int id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Body>().AsNoTracking().SingleAsync(b => b.Id == id);
    }

    /// <summary>Files through the desk as the public form does (no rate limit in the way).</summary>
    private async Task<string> FileAsync(string idNumber, string description, string name = "李四", string phone = "13800000000")
    {
        using var scope = factory.Services.CreateScope();
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var filed = await desk.FileAsync(new RequestApplication
        {
            ApplicantType = "自然人", Name = name, IdType = "护照", IdNumber = idNumber, Phone = phone,
            Description = description, Form = "electronic", Delivery = "online", Body = (await BodyAsync(1)).Code,
        }, null);
        Assert.True(filed.Succeeded, filed.Refusal?.Message);
        return filed.Value.Request.TrackingNumber;
    }

    private static async Task<HttpResponseMessage> EventAsync(HttpClient officer, string number, object body) =>
        await officer.PostAsJsonAsync(new Uri($"/api/v1/requests/{number}/events", UriKind.Relative), body);

    [Fact]
    public async Task The_eleventh_application_of_the_month_costs_100_yuan_and_120_pages_cost_1100_yuan()
    {
        var numbers = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            numbers.Add(await FileAsync("FEE000001", $"第{i + 1}份材料：某工程第{i + 1}标段的验收报告"));
        }

        using var officer = await factory.CreateStaffClientAsync("officer.fees", StaffRoles.RequestOfficer);
        var eleventh = await EventAsync(officer, numbers[10], new { type = "fee-notice-issued", on = "2025-06-02" });
        Assert.True(eleventh.StatusCode == HttpStatusCode.OK, await eleventh.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Null, (await eleventh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dueOn").ValueKind);

        var perPage = await EventAsync(officer, numbers[0], new { type = "fee-notice-issued", on = "2025-06-02", feeMethod = "per-page", pages = 120 });
        Assert.Equal(HttpStatusCode.OK, perPage.StatusCode);

        var noPages = await EventAsync(officer, numbers[1], new { type = "fee-notice-issued", on = "2025-06-02", feeMethod = "per-page" });
        Assert.Equal(HttpStatusCode.BadRequest, noPages.StatusCode);
        Assert.Contains("页数", await noPages.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var notices = await db.Set<RequestEventRecord>().Where(e => e.Type == "fee-notice-issued")
                .Join(db.Set<DisclosureRequest>(), e => e.RequestId, r => r.Id, (e, r) => new { r.TrackingNumber, e.FeeMethod, e.FeeUnits, e.FeeAmountYuan })
                .ToListAsync();
            var byCount = notices.Single(n => n.TrackingNumber == numbers[10]);
            Assert.Equal(("per-application", 11, 100), (byCount.FeeMethod, byCount.FeeUnits!.Value, byCount.FeeAmountYuan!.Value));
            var byPage = notices.Single(n => n.TrackingNumber == numbers[0]);
            Assert.Equal(("per-page", 120, 1100), (byPage.FeeMethod, byPage.FeeUnits!.Value, byPage.FeeAmountYuan!.Value));
        }

        var casePage = await officer.GetStringAsync(new Uri($"/admin/requests/{numbers[0]}", UriKind.Relative));
        Assert.Contains("发出收费通知：1100元", casePage, StringComparison.Ordinal);
        Assert.Contains("等待申请人缴费", casePage, StringComparison.Ordinal);

        // Paid the same day the notice went out: nothing was counted while waiting. Received on Mon 2025-06-02, the
        // 端午 holiday, counting starts Tue 06-03: 3–6 (4), 9–13 (9), 16–20 (14), 23–27 (19), Mon 06-30 (20).
        var paid = await EventAsync(officer, numbers[0], new { type = "fee-paid", on = "2025-06-02" });
        Assert.Equal("2025-06-30", (await paid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dueOn").GetString());
    }

    [Fact]
    public async Task A_seeded_year_gives_the_hand_computed_tables_three_and_four()
    {
        var body = await BodyAsync(3);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            DisclosureRequest Seed(string number, string type, DateOnly received, string? finalType, DateOnly? closed, string? decision)
            {
                var request = new DisclosureRequest
                {
                    TrackingNumber = number, CodeHash = new string('0', 64), CodeSalt = "00", BodyId = body.Id, ApplicantType = type, ApplicantName = "测试",
                    IdType = "护照", IdNumber = number, Description = "测试", Form = "paper", Delivery = "post", Channel = "post", ReceivedOn = received,
                    RegisteredBy = "test", RuleSetCode = "2019", ClockState = finalType is null ? "Running" : "Replied", IsClosed = finalType is not null,
                };
                request.Events.Add(new RequestEventRecord { Type = "received", On = received, RecordedBy = "test" });
                if (finalType is not null)
                {
                    request.Events.Add(new RequestEventRecord { Type = finalType, On = closed!.Value, Decision = decision, RecordedBy = "test" });
                }

                db.Set<DisclosureRequest>().Add(request);
                return request;
            }

            Seed("T4-0001", "自然人", new(2023, 12, 20), "replied", new(2024, 1, 10), "disclosed");
            var r2 = Seed("T4-0002", "自然人", new(2024, 3, 1), "replied", new(2024, 3, 20), "partly-disclosed");
            var r3 = Seed("T4-0003", "商业企业", new(2024, 5, 6), "replied", new(2024, 5, 30), "withheld.third-party");
            Seed("T4-0004", "自然人", new(2024, 12, 20), null, null, null);
            Seed("T4-0005", "法律服务机构", new(2024, 7, 1), "correction-lapsed", new(2024, 7, 20), null);
            await db.SaveChangesAsync();
            // Rows written directly, as before the closing outcome was stored: the backfill migration step stamps them.
            await RequestClosingBackfill.RunAsync(db);

            void Appeal(DisclosureRequest on, string kind, DateOnly filed, string outcome, DateOnly? decided) => db.Set<RequestAppeal>().Add(new RequestAppeal
            {
                RequestId = on.Id, BodyId = body.Id, Kind = kind, FiledOn = filed, Outcome = outcome, DecidedOn = decided, RecordedBy = "test",
            });

            Appeal(r2, AppealKinds.Reconsideration, new(2024, 4, 1), AppealOutcomes.Upheld, new(2024, 5, 1));
            Appeal(r3, AppealKinds.Reconsideration, new(2024, 6, 10), AppealOutcomes.Corrected, new(2024, 8, 1));
            // Decided only in 2025: still 尚未审结 in the 2024 report.
            Appeal(r3, AppealKinds.LitigationDirect, new(2024, 11, 1), AppealOutcomes.Upheld, new(2025, 1, 15));
            Appeal(r2, AppealKinds.LitigationAfterReview, new(2024, 9, 1), AppealOutcomes.Other, new(2024, 10, 1));
            // Filed in 2023: belongs to the 2023 report.
            Appeal(r2, AppealKinds.Reconsideration, new(2023, 12, 1), AppealOutcomes.Upheld, new(2024, 1, 5));
            await db.SaveChangesAsync();
        }

        using var client = factory.CreateClient();
        var json = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/requests/statistics?body={body.Code}&year=2024", UriKind.Relative));
        var rows = json.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()).ToArray());
        // Columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计.
        Assert.Equal([2, 1, 0, 0, 1, 0, 4], rows["new"]);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], rows["carried"]);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], rows["Disclosed"]);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], rows["PartlyDisclosed"]);
        Assert.Equal([0, 1, 0, 0, 0, 0, 1], rows["withheld.third-party"]);
        Assert.Equal([0, 0, 0, 0, 1, 0, 1], rows["other.correction-lapsed"]);
        Assert.Equal([2, 1, 0, 0, 1, 0, 4], rows["results"]);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], rows["carried-forward"]);
        Assert.Empty(json.GetProperty("violations").EnumerateArray());

        var four = json.GetProperty("tableFour").EnumerateArray()
            .Select(g => TableFourKeys.Select(k => g.GetProperty(k).GetInt32()))
            .SelectMany(c => c).ToArray();
        Assert.Equal([1, 1, 0, 0, 2, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1], four);

        using var staff = await factory.CreateStaffClientAsync("officer.stats", StaffRoles.RequestOfficer);
        staff.DefaultRequestHeaders.Remove(TestAuth.BodyHeader);
        staff.DefaultRequestHeaders.Add(TestAuth.BodyHeader, body.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var page = await staff.GetStringAsync(new Uri($"/admin/requests/statistics?body={body.Code}&year=2024", UriKind.Relative));
        Assert.Contains("勾稽关系核对通过", page, StringComparison.Ordinal);
        Assert.Contains("行政诉讼：未经复议直接起诉", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_records_a_reconsideration_on_the_case_page_and_updates_its_outcome()
    {
        var number = await FileAsync("APL000001", "某项目的立项批复");
        using var officer = await factory.CreateStaffClientAsync("officer.appeals", StaffRoles.RequestOfficer);
        var casePage = $"/admin/requests/{number}";
        var early = await officer.SubmitAsync(casePage, new Dictionary<string, string>
        {
            ["Appeal.Kind"] = "reconsideration", ["Appeal.FiledOn"] = "2025-06-02", ["Appeal.Outcome"] = "pending",
        }, handler: "Appeal");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("只能对已答复", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await EventAsync(officer, number, new { type = "replied", on = "2025-06-02", decision = "withheld.process-information" })).StatusCode);
        var missingDate = await officer.SubmitAsync(casePage, new Dictionary<string, string>
        {
            ["Appeal.Kind"] = "reconsideration", ["Appeal.FiledOn"] = "2025-06-02", ["Appeal.Outcome"] = "upheld", ["Appeal.Reference"] = "绵府复〔2025〕12号",
        }, handler: "Appeal");
        var missingHtml = await missingDate.Content.ReadAsStringAsync();
        Assert.Contains("须填写审结日期", missingHtml, StringComparison.Ordinal);
        Assert.Contains("绵府复〔2025〕12号", missingHtml, StringComparison.Ordinal);

        var recorded = await officer.SubmitAsync(casePage, new Dictionary<string, string>
        {
            ["Appeal.Kind"] = "reconsideration", ["Appeal.FiledOn"] = "2025-06-02", ["Appeal.Outcome"] = "pending", ["Appeal.Reference"] = "绵府复〔2025〕12号",
        }, handler: "Appeal");
        var html = await recorded.Content.ReadAsStringAsync();
        Assert.Contains("尚未审结", html, StringComparison.Ordinal);
        Assert.Contains("登记复议诉讼", html, StringComparison.Ordinal);

        int appealId;
        using (var scope = factory.Services.CreateScope())
        {
            appealId = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<RequestAppeal>()
                .Where(a => a.Reference == "绵府复〔2025〕12号").Select(a => a.Id).SingleAsync();
        }

        var decided = await officer.SubmitAsync(casePage, new Dictionary<string, string>
        {
            ["appealId"] = appealId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["outcome"] = "corrected", ["decidedOn"] = "2025-06-02",
        }, handler: "DecideAppeal");
        var decidedHtml = await decided.Content.ReadAsStringAsync();
        Assert.Contains("结果纠正", decidedHtml, StringComparison.Ordinal);
        Assert.Contains("尚未审结 → 结果纠正", decidedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_coded_decision_needs_a_reason_and_shows_in_the_history_while_wording_changes_freely()
    {
        var number = await FileAsync("EDT000001", "某道路的规划许可证");
        using var officer = await factory.CreateStaffClientAsync("officer.letters", StaffRoles.RequestOfficer);
        Assert.Equal(HttpStatusCode.OK, (await EventAsync(officer, number, new { type = "replied", on = "2025-06-02", decision = "disclosed" })).StatusCode);
        var edit = $"/admin/requests/{number}/letter/edit";

        var noReason = await officer.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Decision"] = "partly-disclosed", ["Reason"] = "", ["LetterText"] = "李四：\n经审查，现提供可以公开的部分。",
        });
        var noReasonHtml = await noReason.Content.ReadAsStringAsync();
        Assert.Contains("改变答复类型须写明理由", noReasonHtml, StringComparison.Ordinal);
        Assert.Contains("现提供可以公开的部分", noReasonHtml, StringComparison.Ordinal);

        var wording = await officer.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Decision"] = "disclosed", ["Reason"] = "", ["LetterText"] = "李四：\n经审查，您申请的规划许可证可以公开，随函附上。",
        });
        Assert.Contains("随函附上", await wording.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var changed = await officer.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Decision"] = "partly-disclosed", ["Reason"] = "许可证附图含个人信息，需区分处理", ["LetterText"] = "李四：\n经审查，现提供可以公开的部分。",
        });
        Assert.Contains("部分公开", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var casePage = await officer.GetStringAsync(new Uri($"/admin/requests/{number}", UriKind.Relative));
        Assert.Contains("修改答复类型", casePage, StringComparison.Ordinal);
        Assert.Contains("许可证附图含个人信息，需区分处理", casePage, StringComparison.Ordinal);
        Assert.Contains("修改告知书措辞", casePage, StringComparison.Ordinal);
        Assert.Contains("修改答复被拒绝", casePage, StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var request = await db.Set<DisclosureRequest>().Include(r => r.Events).SingleAsync(r => r.TrackingNumber == number);
        Assert.Equal("partly-disclosed", request.Events.Single(e => e.Type == "replied").Decision);
    }

    [Fact]
    public async Task An_officer_assigns_a_case_and_it_appears_in_the_assignees_own_queue()
    {
        var number = await FileAsync("ASG000001", "某学校的建设用地批复");
        using var lead = await factory.CreateStaffClientAsync("officer.lead", StaffRoles.RequestOfficer);
        using var colleague = await factory.CreateStaffClientAsync("officer.colleague", StaffRoles.RequestOfficer);
        var casePage = $"/admin/requests/{number}";

        var refused = await lead.SubmitAsync(casePage, new Dictionary<string, string> { ["assignee"] = "editor.nobody" }, handler: "Assign");
        Assert.Contains("不是本机关的依申请公开经办人", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var assigned = await lead.SubmitAsync(casePage, new Dictionary<string, string> { ["assignee"] = "officer.colleague" }, handler: "Assign");
        Assert.Contains("未分配 → officer.colleague", await assigned.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Contains(number, await colleague.GetStringAsync(new Uri("/admin/requests?view=mine", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(number, await lead.GetStringAsync(new Uri("/admin/requests?view=mine", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_overdue_list_holds_only_open_requests_past_their_due_date()
    {
        var overdue = await FileAsync("OVD000001", "某年度的财政专项资金分配结果");
        var fresh = await FileAsync("OVD000002", "某公园改造的设计方案");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            await DeadlinesRecomputedAsync(db);
            await db.Set<DisclosureRequest>().Where(r => r.TrackingNumber == overdue).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueOn, Today.AddDays(-3)));
        }

        using var officer = await factory.CreateStaffClientAsync("officer.overdue", StaffRoles.RequestOfficer);
        var page = await officer.GetStringAsync(new Uri("/admin/requests?view=overdue", UriKind.Relative));
        Assert.Contains(overdue, page, StringComparison.Ordinal);
        Assert.Contains("已超期", page, StringComparison.Ordinal);
        Assert.DoesNotContain(fresh, page, StringComparison.Ordinal);
    }

    /// <summary>A new host's deadline follower recomputes every open request once it reads the seeded calendar's change
    /// rows; a due date moved by hand before that would be put back. Waits until the follower has passed them.</summary>
    private static async Task DeadlinesRecomputedAsync(GongkaiDbContext db)
    {
        var calendar = Gongkai.Calendar.CalendarChanges.Changed;
        var last = await db.Set<ChangeLogEntry>().Where(e => e.Kind == calendar.Name && e.Entity == calendar.Entity).MaxAsync(e => (long?)e.Id) ?? 0;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!await db.Set<ChangeLogCursor>().AsNoTracking().AnyAsync(c => c.Follower.Contains("requests.deadlines") && c.Position >= last))
        {
            Assert.True(DateTime.UtcNow < deadline, "the deadline follower did not pass the calendar's change rows within 2 minutes");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_repeat_looking_application_is_flagged_on_the_case_and_in_the_queue_but_accepted()
    {
        var first = await FileAsync("DUP000001", "城南污水处理厂二期工程的环评批复", name: "周八", phone: "13911112222");
        // Another ID document, same name and phone: the same applicant.
        var again = await FileAsync("DUP000002", "城南污水处理厂二期工程的环评批复文件", name: "周八", phone: "139-1111-2222");
        // The same ID number again: flagged in the queue too.
        await FileAsync("DUP000001", "城南污水处理厂二期工程环评批复", name: "周八", phone: "13911112222");
        using var officer = await factory.CreateStaffClientAsync("officer.dups", StaffRoles.RequestOfficer);

        var casePage = await officer.GetStringAsync(new Uri($"/admin/requests/{again}", UriKind.Relative));
        Assert.Contains("疑似重复申请", casePage, StringComparison.Ordinal);
        Assert.Contains($"/admin/requests/{first}", casePage, StringComparison.Ordinal);
        Assert.Contains("疑似重复申请", await officer.GetStringAsync(new Uri("/admin/requests", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_auditor_reads_a_case_read_only_while_a_body_admin_and_the_public_see_no_applicant_data()
    {
        var number = await FileAsync("PRV000001", "某街道的拆迁补偿方案", name: "吴九");
        using var auditor = await factory.CreateStaffClientAsync("auditor.requests", StaffRoles.Auditor);
        var record = await auditor.GetStringAsync(new Uri($"/admin/requests/records/{number}", UriKind.Relative));
        Assert.Contains("吴九", record, StringComparison.Ordinal);
        Assert.Contains("提交申请", record, StringComparison.Ordinal);
        Assert.DoesNotContain("登记办理事项</h2>", record, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Event.Type\"", record, StringComparison.Ordinal);
        Assert.Contains(number, await auditor.GetStringAsync(new Uri("/admin/requests/records", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync(new Uri($"/admin/requests/{number}", UriKind.Relative))).StatusCode);

        using var bodyAdmin = await factory.CreateStaffClientAsync("bodyadmin.requests", StaffRoles.BodyAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await bodyAdmin.GetAsync(new Uri($"/admin/requests/records/{number}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(number, await bodyAdmin.GetStringAsync(new Uri("/admin/requests/records", UriKind.Relative)), StringComparison.Ordinal);

        using var anonymous = factory.CreateClient();
        var statistics = await anonymous.GetStringAsync(new Uri($"/api/v1/requests/statistics?body={(await BodyAsync(1)).Code}&year=2025", UriKind.Relative));
        Assert.DoesNotContain("吴九", statistics, StringComparison.Ordinal);
        Assert.DoesNotContain("PRV000001", statistics, StringComparison.Ordinal);
    }
}
