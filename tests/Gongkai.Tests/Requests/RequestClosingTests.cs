using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Requests;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Requests;

/// <summary>The closing outcome stored on each request (the date and table 三 decision that the annual statistics
/// count) follows every way a request closes or is re-decided, and the queue pages through a long list. Frozen
/// "today": Mon 2025-06-02.</summary>
public sealed partial class RequestClosingTests(ManyFilingsFactory factory) : IClassFixture<ManyFilingsFactory>
{
    [GeneratedRegex("<td><a href=\"/admin/requests/([A-Z0-9-]+)\">")]
    private static partial Regex QueueRowPattern();

    [GeneratedRegex("href=\"([^\"]*after=[^\"]+)\" rel=\"next\"")]
    private static partial Regex NextPagePattern();

    private async Task<Body> BodyAsync(int id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Body>().AsNoTracking().SingleAsync(b => b.Id == id);
    }

    /// <summary>Registered by an officer as received by post on <paramref name="receivedOn"/>.</summary>
    private static async Task<string> FileByPostAsync(HttpClient officer, string bodyCode, string idNumber, string receivedOn)
    {
        var response = await officer.PostAsJsonAsync(new Uri("/api/v1/requests", UriKind.Relative), new Dictionary<string, string>
        {
            ["applicantType"] = "自然人", ["name"] = "王五", ["idType"] = "护照", ["idNumber"] = idNumber, ["phone"] = "13800000000",
            ["description"] = "某项目" + idNumber + "的批复文件", ["form"] = "paper", ["delivery"] = "online", ["body"] = bodyCode,
            ["channel"] = "post", ["receivedOn"] = receivedOn,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString()!;
    }

    private static async Task EventAsync(HttpClient officer, string number, object body)
    {
        var response = await officer.PostAsJsonAsync(new Uri($"/api/v1/requests/{number}/events", UriKind.Relative), body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<(DateOnly? ClosedOn, string? Decision, bool IsClosed)> StoredAsync(string number)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var row = await db.Set<DisclosureRequest>().AsNoTracking().Where(r => r.TrackingNumber == number)
            .Select(r => new { r.ClosedOn, r.ClosingDecision, r.IsClosed }).SingleAsync();
        return (row.ClosedOn, row.ClosingDecision, row.IsClosed);
    }

    /// <summary>Table 三 for 2025 from the public API: the counts by row key (自然人 … 其他, 总计).</summary>
    private async Task<Dictionary<string, int[]>> TableThreeAsync(string bodyCode)
    {
        using var client = factory.CreateClient();
        var json = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/requests/statistics?body={bodyCode}&year=2025", UriKind.Relative));
        Assert.Empty(json.GetProperty("violations").EnumerateArray());
        return json.GetProperty("rows").EnumerateArray().ToDictionary(
            r => r.GetProperty("key").GetString()!, r => r.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()).ToArray());
    }

    [Theory]
    [InlineData("replied", "2025-05-20", "partly-disclosed", "PartlyDisclosed")]
    [InlineData("transferred", "2025-05-20", "unavailable.not-held", "unavailable.not-held")]
    [InlineData("correction-lapsed", "2025-05-20", "other.correction-lapsed", "other.correction-lapsed")]
    [InlineData("fee-lapsed", "2025-05-20", "other.fee-lapsed", "other.fee-lapsed")]
    public async Task Each_way_of_closing_stores_its_date_and_table_three_decision_and_is_counted(string closing, string on, string decision, string row)
    {
        var body = await BodyAsync(1);
        using var officer = await factory.CreateStaffClientAsync("officer.closing", StaffRoles.RequestOfficer);
        var number = await FileByPostAsync(officer, body.Code, "CLS" + closing.Length.ToString("D6", CultureInfo.InvariantCulture), "2025-04-01");
        var before = await TableThreeAsync(body.Code);
        if (closing == "correction-lapsed")
        {
            await EventAsync(officer, number, new { type = "correction-requested", on = "2025-04-03" });
        }
        else if (closing == "fee-lapsed")
        {
            await EventAsync(officer, number, new { type = "fee-notice-issued", on = "2025-04-03" });
        }

        Assert.Equal((null, null, false), await StoredAsync(number));
        await EventAsync(officer, number, new { type = closing, on, decision = closing == "replied" ? decision : null });

        Assert.Equal((DateOnly.Parse(on, CultureInfo.InvariantCulture), decision, true), await StoredAsync(number));
        var after = await TableThreeAsync(body.Code);
        Assert.Equal(before[row][0] + 1, after[row][0]);
        Assert.Equal(before["results"][^1] + 1, after["results"][^1]);
        Assert.Equal(before["carried-forward"][^1] - 1, after["carried-forward"][^1]);
    }

    [Fact]
    public async Task Changing_the_coded_decision_after_the_reply_moves_the_request_between_table_three_rows()
    {
        var body = await BodyAsync(1);
        using var officer = await factory.CreateStaffClientAsync("officer.redecide", StaffRoles.RequestOfficer);
        var number = await FileByPostAsync(officer, body.Code, "RED000001", "2025-05-06");
        await EventAsync(officer, number, new { type = "replied", on = "2025-05-28", decision = "disclosed" });
        var before = await TableThreeAsync(body.Code);

        var changed = await officer.SubmitAsync($"/admin/requests/{number}/letter/edit", new Dictionary<string, string>
        {
            ["Decision"] = "withheld.third-party", ["Reason"] = "第三方不同意公开", ["LetterText"] = "王五：\n经征求第三方意见，决定不予公开。",
        });
        Assert.Contains("不予公开", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal((new DateOnly(2025, 5, 28), "withheld.third-party", true), await StoredAsync(number));
        var after = await TableThreeAsync(body.Code);
        Assert.Equal(before["Disclosed"][0] - 1, after["Disclosed"][0]);
        Assert.Equal(before["withheld.third-party"][0] + 1, after["withheld.third-party"][0]);
        Assert.Equal(before["results"][^1], after["results"][^1]);
    }

    [Fact]
    public async Task Requests_closed_before_the_outcome_was_stored_are_stamped_by_the_backfill_migration_step()
    {
        var body = await BodyAsync(1);
        var before = await TableThreeAsync(body.Code);
        using (var scope = factory.Services.CreateScope())
        {
            // Written as an older version left them: closed, with events, but nothing stamped on the row.
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            foreach (var (number, type, decision) in new[] { ("OLD-0001", "replied", "unavailable.needs-compilation"), ("OLD-0002", "fee-lapsed", (string?)null) })
            {
                var request = new DisclosureRequest
                {
                    TrackingNumber = number, CodeHash = new string('0', 64), CodeSalt = "00", BodyId = body.Id, ApplicantType = "科研机构", ApplicantName = "测试",
                    IdType = "护照", IdNumber = number, Description = "测试", Form = "paper", Delivery = "post", Channel = "post",
                    ReceivedOn = new DateOnly(2025, 2, 10), RegisteredBy = "test", RuleSetCode = "2019", ClockState = "Replied", IsClosed = true,
                };
                request.Events.Add(new RequestEventRecord { Type = "received", On = request.ReceivedOn, RecordedBy = "test" });
                request.Events.Add(new RequestEventRecord { Type = type, On = new DateOnly(2025, 3, 14), Decision = decision, RecordedBy = "test" });
                db.Add(request);
            }

            await db.SaveChangesAsync();
            Assert.Equal(2, await RequestClosingBackfill.RunAsync(db));
            Assert.Equal(0, await RequestClosingBackfill.RunAsync(db));
        }

        Assert.Equal((new DateOnly(2025, 3, 14), "unavailable.needs-compilation", true), await StoredAsync("OLD-0001"));
        Assert.Equal((new DateOnly(2025, 3, 14), "other.fee-lapsed", true), await StoredAsync("OLD-0002"));
        var after = await TableThreeAsync(body.Code);
        const int research = 2;
        Assert.Equal(before["new"][research] + 2, after["new"][research]);
        Assert.Equal(before["unavailable.needs-compilation"][research] + 1, after["unavailable.needs-compilation"][research]);
        Assert.Equal(before["other.fee-lapsed"][research] + 1, after["other.fee-lapsed"][research]);
    }

    [Fact]
    public async Task The_queue_shows_fifty_requests_a_page_and_next_page_continues_through_stopped_clocks_without_repeats()
    {
        var body = await BodyAsync(2);
        using var officer = await factory.CreateStaffClientAsync("officer.paging", StaffRoles.RequestOfficer);
        officer.DefaultRequestHeaders.Remove(TestAuth.BodyHeader);
        officer.DefaultRequestHeaders.Add(TestAuth.BodyHeader, body.Id.ToString(CultureInfo.InvariantCulture));
        var filed = new List<string>();
        for (var i = 0; i < 57; i++)
        {
            // Same receipt date for most: the order (due date, receipt, id) must break the ties by id.
            filed.Add(await FileByPostAsync(officer, body.Code, "PAG" + i.ToString("D6", CultureInfo.InvariantCulture), i % 10 == 0 ? "2025-05-12" : "2025-05-19"));
        }

        foreach (var stopped in filed.Take(5))
        {
            await EventAsync(officer, stopped, new { type = "correction-requested", on = "2025-05-20" });
        }

        var page = await officer.GetStringAsync(new Uri("/admin/requests", UriKind.Relative));
        Assert.Contains("共57件", page, StringComparison.Ordinal);
        var first = QueueRowPattern().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(50, first.Count);
        Assert.DoesNotContain(filed[0], first);
        var next = System.Net.WebUtility.HtmlDecode(NextPagePattern().Match(page).Groups[1].Value);
        Assert.StartsWith("/admin/requests?after=", next, StringComparison.Ordinal);

        var second = await officer.GetStringAsync(new Uri(next, UriKind.Relative));
        var rest = QueueRowPattern().Matches(second).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(7, rest.Count);
        Assert.DoesNotMatch(NextPagePattern(), second);
        Assert.Contains("回到第一页", second, StringComparison.Ordinal);
        Assert.Equal(filed.Order(StringComparer.Ordinal), first.Concat(rest).Order(StringComparer.Ordinal));
        // The stopped clocks come last, after every dated request.
        Assert.Equal(filed.Take(5).Order(StringComparer.Ordinal), rest.TakeLast(5).Order(StringComparer.Ordinal));

        var garbled = await officer.GetStringAsync(new Uri("/admin/requests?after=not-a-cursor", UriKind.Relative));
        Assert.Equal(first, QueueRowPattern().Matches(garbled).Select(m => m.Groups[1].Value).ToList());
    }
}

/// <summary>The frozen-clock host with the filing rate limit raised: these tests register dozens of applications.</summary>
public sealed class ManyFilingsFactory : FrozenClockFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Requests:ApplyPerMinute"] = "10000" };
}
