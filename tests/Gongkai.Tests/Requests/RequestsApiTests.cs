using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Requests;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Tests.Requests;

/// <summary>Monday 1 June 2026, 10:00 in China, whatever day the suite runs: a filing's 20 working days then stay
/// inside a year whose holidays the calendar has (on the real clock, a run in late December reaches into a year not yet
/// published, where no due date can be computed).</summary>
public sealed class RequestsApiClockFactory : TestAuthFactory
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
    }
}

public sealed class RequestsApiTests(RequestsApiClockFactory factory) : IClassFixture<RequestsApiClockFactory>
{
    private static readonly Uri Requests = new("/api/v1/requests", UriKind.Relative);

    private async Task<string> BodyCodeAsync(int id = 1)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        return await db.Set<Body>().Where(b => b.Id == id).Select(b => b.Code).SingleAsync();
    }

    private async Task<Dictionary<string, object?>> ApplicationAsync() => new()
    {
        ["applicantType"] = "自然人",
        ["name"] = "张三",
        ["idType"] = "居民身份证",
        ["idNumber"] = "11010519491231002x",
        ["phone"] = "0816-2345678",
        ["email"] = "zhangsan@example.cn",
        ["address"] = "绵阳市涪城区某路1号",
        ["description"] = "2024年本市老旧小区改造项目清单",
        ["docNumber"] = "",
        ["form"] = "electronic",
        ["delivery"] = "email",
        ["body"] = await BodyCodeAsync(),
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static Task<HttpResponseMessage> TrackAsync(HttpClient client, string trackingNumber, string code)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/requests/{trackingNumber}", UriKind.Relative));
        request.Headers.Add(RequestsApi.CodeHeader, code);
        return client.SendAsync(request);
    }

    private async Task<(string Number, string Code)> FileByStaffAsync(HttpClient officer, string receivedOn)
    {
        var application = await ApplicationAsync();
        application["channel"] = "post";
        application["receivedOn"] = receivedOn;
        var response = await officer.PostAsJsonAsync(Requests, application);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await JsonAsync(response);
        return (json.GetProperty("trackingNumber").GetString()!, json.GetProperty("code").GetString()!);
    }

    [Fact]
    public async Task A_citizen_files_without_an_account_and_gets_a_tracking_number_a_code_and_a_due_date()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync(Requests, await ApplicationAsync());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Matches(@"^YSQ-\d{4}-\d{6}$", json.GetProperty("trackingNumber").GetString());
        Assert.Equal(10, json.GetProperty("code").GetString()!.Length);
        var received = DateOnly.Parse(json.GetProperty("receivedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var due = DateOnly.Parse(json.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new DateOnly(2026, 6, 1), received);
        Assert.Equal(new DateOnly(2026, 6, 30), due); // 20 working days from 2 June, 端午节 (19 June) not counted

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var stored = await db.Set<DisclosureRequest>().SingleAsync(r => r.TrackingNumber == json.GetProperty("trackingNumber").GetString());
        Assert.DoesNotContain(json.GetProperty("code").GetString()!, stored.CodeHash, StringComparison.Ordinal);
        Assert.Equal("11010519491231002X", stored.IdNumber);
        Assert.Equal("2019", stored.RuleSetCode);
    }

    [Fact]
    public async Task Invalid_id_numbers_and_missing_parts_are_refused_in_chinese_field_by_field()
    {
        using var client = factory.CreateClient();
        var application = await ApplicationAsync();
        application["idNumber"] = "110105194912310021";
        application["description"] = "";
        application["delivery"] = "post";
        application["address"] = "";

        var response = await client.PostAsJsonAsync(Requests, application);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Contains("校验位", errors.GetProperty("idNumber")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("请描述", errors.GetProperty("description")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("通信地址", errors.GetProperty("address")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_is_checked_by_its_credit_code()
    {
        using var client = factory.CreateClient();
        var application = await ApplicationAsync();
        application["applicantType"] = "律师事务所";
        var response = await client.PostAsJsonAsync(Requests, application);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("applicantType", out _));

        application["applicantType"] = "法律服务机构";
        application["name"] = "某律师事务所";
        application["idType"] = "统一社会信用代码";
        application["idNumber"] = "91110000600037341L";
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(Requests, application)).StatusCode);

        application["idNumber"] = "91110000600037341M";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync(Requests, application)).StatusCode);
    }

    [Fact]
    public async Task The_public_may_not_choose_the_receipt_date()
    {
        using var client = factory.CreateClient();
        var application = await ApplicationAsync();
        application["receivedOn"] = "2024-09-27";
        var response = await client.PostAsJsonAsync(Requests, application);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_applicant_tracks_with_number_and_code_and_a_wrong_code_reveals_nothing()
    {
        using var officer = await factory.CreateStaffClientAsync("officer.api1", StaffRoles.RequestOfficer);
        var (number, code) = await FileByStaffAsync(officer, "2024-09-27");
        using var client = factory.CreateClient();

        var status = await JsonAsync(await TrackAsync(client, number, code.ToLowerInvariant()));
        Assert.Equal("2024-10-30", status.GetProperty("dueOn").GetString());
        Assert.False(status.TryGetProperty("idNumber", out _));

        var wrong = await TrackAsync(client, number, "AAAAAAAAAA");
        var unknown = await TrackAsync(client, "YSQ-1999-000001", code);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // The code never travels in the address, where access logs and browser histories keep it.
        var inAddress = await client.GetAsync(new Uri($"/api/v1/requests/{number}?code={code}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, inAddress.StatusCode);
        Assert.Contains(RequestsApi.CodeHeader, (await JsonAsync(inAddress)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var wrongProblem = await JsonAsync(wrong);
        var unknownProblem = await JsonAsync(unknown);
        Assert.Equal(wrongProblem.GetProperty("title").GetString(), unknownProblem.GetProperty("title").GetString());
        Assert.Equal(wrongProblem.GetProperty("detail").GetString(), unknownProblem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_officer_records_a_correction_and_gets_the_recomputed_deadline_with_its_explanation()
    {
        using var officer = await factory.CreateStaffClientAsync("officer.api2", StaffRoles.RequestOfficer);
        var (number, _) = await FileByStaffAsync(officer, "2025-09-22");
        var events = new Uri($"/api/v1/requests/{number}/events", UriKind.Relative);

        var stopped = await JsonAsync(await officer.PostAsJsonAsync(events, new { type = "correction-requested", on = "2025-09-24" }));
        Assert.Equal(JsonValueKind.Null, stopped.GetProperty("dueOn").ValueKind);

        var response = await officer.PostAsJsonAsync(events, new { type = "correction-received", on = "2025-09-30" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var restarted = await JsonAsync(response);
        Assert.Equal("2025-11-04", restarted.GetProperty("dueOn").GetString());
        var explanation = restarted.GetProperty("explanation").EnumerateArray().ToList();
        Assert.Contains(explanation, d => d.GetProperty("date").GetString() == "2025-10-11" && d.GetProperty("workingDay").GetInt32() == 3);
        Assert.Contains("事件发生当日不计入", restarted.GetProperty("convention").GetString(), StringComparison.Ordinal);

        var extended = await JsonAsync(await officer.PostAsJsonAsync(events, new { type = "extension-approved", on = "2025-10-31", workingDays = 20, details = "科长批准" }));
        Assert.Equal("2025-12-02", extended.GetProperty("dueOn").GetString());
    }

    [Fact]
    public async Task Out_of_order_events_are_refused_with_422_and_every_refusal_is_audited()
    {
        using var officer = await factory.CreateStaffClientAsync("officer.api3", StaffRoles.RequestOfficer);
        var (number, _) = await FileByStaffAsync(officer, "2025-09-22");
        var events = new Uri($"/api/v1/requests/{number}/events", UriKind.Relative);

        var response = await officer.PostAsJsonAsync(events, new { type = "correction-received", on = "2025-09-23" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("尚未告知补正", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var badType = await officer.PostAsJsonAsync(events, new { type = "lunch", on = "2025-09-23" });
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        var noDecision = await officer.PostAsJsonAsync(events, new { type = "replied", on = "2025-09-23" });
        Assert.Equal(HttpStatusCode.BadRequest, noDecision.StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var refusals = await db.Set<AuditEntry>().CountAsync(a => a.Target == number && a.Action == "request.event.refused");
        Assert.Equal(3, refusals);
    }

    [Fact]
    public async Task Officers_of_another_body_and_other_roles_cannot_record_events()
    {
        using var officer = await factory.CreateStaffClientAsync("officer.api4", StaffRoles.RequestOfficer);
        var (number, _) = await FileByStaffAsync(officer, "2025-09-22");
        var events = new Uri($"/api/v1/requests/{number}/events", UriKind.Relative);

        using var editor = await factory.CreateStaffClientAsync("editor.api4", StaffRoles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsJsonAsync(events, new { type = "consultation-started", on = "2025-09-23" })).StatusCode);

        using var elsewhere = await factory.CreateStaffClientAsync("officer.api5", StaffRoles.RequestOfficer);
        elsewhere.DefaultRequestHeaders.Remove(TestAuth.BodyHeader);
        elsewhere.DefaultRequestHeaders.Add(TestAuth.BodyHeader, "2");
        var refused = await elsewhere.PostAsJsonAsync(events, new { type = "consultation-started", on = "2025-09-23" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Target == number && a.Action == "request.event.refused" && a.ActorName == "officer.api5"));
    }

    [Fact]
    public async Task A_reply_records_the_coded_decision_and_a_letter_naming_the_review_body()
    {
        using var officer = await factory.CreateStaffClientAsync("officer.api6", StaffRoles.RequestOfficer);
        var (number, code) = await FileByStaffAsync(officer, "2024-09-27");
        var events = new Uri($"/api/v1/requests/{number}/events", UriKind.Relative);

        var replied = await JsonAsync(await officer.PostAsJsonAsync(events, new { type = "replied", on = "2024-10-29", decision = "partly-disclosed", details = "附件中的个人信息已删除" }));
        Assert.Equal("Replied", replied.GetProperty("state").GetString());

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var request = await db.Set<DisclosureRequest>().SingleAsync(r => r.TrackingNumber == number);
        var reply = await db.Set<RequestReply>().SingleAsync(r => r.RequestId == request.Id);
        Assert.Equal("partly-disclosed", reply.Decision);
        Assert.Contains("第三十七条", reply.LetterText, StringComparison.Ordinal);
        Assert.Contains($"60日内向{reply.ReviewBody}申请行政复议", reply.LetterText, StringComparison.Ordinal);
        Assert.Contains("6个月内", reply.LetterText, StringComparison.Ordinal);
        Assert.Equal(RequestStage.Answered, request.Stage);

        using var client = factory.CreateClient();
        var status = await JsonAsync(await TrackAsync(client, number, code));
        Assert.Contains(status.GetProperty("events").EnumerateArray(), e => e.GetProperty("decision").GetString() == "partly-disclosed");
    }

    [Fact]
    public async Task Statistics_count_a_replied_request_under_its_decision_and_keep_the_invariants()
    {
        using var officer = await factory.CreateStaffClientAsync("officer.api7", StaffRoles.RequestOfficer);
        var (number, _) = await FileByStaffAsync(officer, "2019-09-27");
        await officer.PostAsJsonAsync(new Uri($"/api/v1/requests/{number}/events", UriKind.Relative), new { type = "replied", on = "2019-10-20", decision = "withheld.state-secret" });

        using var client = factory.CreateClient();
        var stats = await JsonAsync(await client.GetAsync(new Uri($"/api/v1/requests/statistics?body={await BodyCodeAsync()}&year=2019", UriKind.Relative)));
        var rows = stats.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()).ToArray());
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], rows["withheld.state-secret"]);
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], rows["new"]);
        Assert.Empty(stats.GetProperty("violations").EnumerateArray());

        var missing = await client.GetAsync(new Uri("/api/v1/requests/statistics?body=nosuchbody&year=2019", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
