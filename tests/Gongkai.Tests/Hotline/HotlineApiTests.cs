using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Hotline;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Hotline;

public sealed class HotlineApiTests(HotlineClockFactory factory) : IClassFixture<HotlineClockFactory>
{
    private static readonly Uri Tickets = new("/api/v1/hotline/tickets", UriKind.Relative);

    private static DateTimeOffset China(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<JsonElement> PostEventAsync(HttpClient client, int id, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync(new Uri($"/api/v1/hotline/tickets/{id}/events", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>The done-when journey through the staff API, with the clock moved across 国庆节 2026.</summary>
    [Fact]
    public async Task A_phone_ticket_goes_through_return_redispatch_extension_reply_unsatisfied_reopening_and_final_reply_with_the_clock_right()
    {
        // A host of its own: the journey sets the clock back to 30 September, which the class's other tests have passed.
        await using var journey = new HotlineClockFactory();
        var (first, second) = await HotlineTestData.BodiesWithRouteAsync(journey.Services);
        using var operatorClient = await journey.CreateStaffClientAsync("hotline.op", StaffRoles.HotlineOperator);
        using var firstHandler = journey.CreateClient().SignedInAs("handler.first", first.Id, StaffRoles.HotlineHandler);
        using var secondHandler = journey.CreateClient().SignedInAs("handler.second", second.Id, StaffRoles.HotlineHandler);
        journey.Clock.SetUtcNow(HotlineClockFactory.Start);

        var intake = await operatorClient.PostAsJsonAsync(Tickets, new
        {
            channel = "phone", category = "0102", description = "小区门口早晚有流动摊贩占道经营，影响通行。", address = "涪城区某街道某小区东门",
            district = "涪城区", callerName = "王五", callerPhone = "13912345678",
        });
        Assert.Equal(HttpStatusCode.Created, intake.StatusCode);
        var ticket = await JsonAsync(intake);
        var id = ticket.GetProperty("id").GetInt32();
        Assert.Matches(@"^12345-2026-\d{7}$", ticket.GetProperty("serviceRequestId").GetString());
        Assert.Equal("received", ticket.GetProperty("status").GetString());
        Assert.DoesNotContain("13912345678", ticket.ToString(), StringComparison.Ordinal);

        // The routing table proposes the first body; the dispatcher sends it there on the eve of the holiday.
        using (var scope = journey.Services.CreateScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<HotlineTicket>().SingleAsync(t => t.Id == id);
            Assert.Equal(first.Id, stored.ProposedBodyId);
            Assert.Equal("13912345678", stored.CallerPhone);
        }

        var dispatched = await PostEventAsync(operatorClient, id, new { type = "dispatched", body = first.Code });
        Assert.Equal(China(10, 9, 0), dispatched.GetProperty("signDueAt").GetDateTimeOffset());
        Assert.Equal(China(10, 14, 0), dispatched.GetProperty("replyDueAt").GetDateTimeOffset());

        // The second body may not act on the first body's ticket; the first returns it.
        await PostEventAsync(secondHandler, id, new { type = "signed" }, HttpStatusCode.Forbidden);
        await PostEventAsync(firstHandler, id, new { type = "returned" }, HttpStatusCode.BadRequest);
        journey.Clock.SetUtcNow(China(10, 8, 9));
        var returned = await PostEventAsync(firstHandler, id, new { type = "returned", reason = "占道经营属城管执法，不属本单位职责" });
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, returned.GetProperty("replyDueAt").ValueKind);

        // Re-dispatched on Thursday 8 October: sign by the end of Friday 9, reply within 5 working days: 9, 10 (Saturday,
        // make-up working day), 12, 13, 14 October.
        journey.Clock.SetUtcNow(China(10, 8, 10));
        var redispatched = await PostEventAsync(operatorClient, id, new { type = "dispatched", body = second.Code });
        Assert.Equal(China(10, 10, 0), redispatched.GetProperty("signDueAt").GetDateTimeOffset());
        Assert.Equal(China(10, 15, 0), redispatched.GetProperty("replyDueAt").GetDateTimeOffset());

        await PostEventAsync(secondHandler, id, new { type = "replied", text = "已处理" }, HttpStatusCode.Conflict);
        journey.Clock.SetUtcNow(China(10, 9, 11));
        var signed = await PostEventAsync(secondHandler, id, new { type = "signed" });
        Assert.Equal("signed", signed.GetProperty("status").GetString());

        await PostEventAsync(secondHandler, id, new { type = "extension-approved", workingDays = 3 }, HttpStatusCode.Forbidden);
        var extended = await PostEventAsync(operatorClient, id, new { type = "extension-approved", workingDays = 3 });
        Assert.Equal(China(10, 20, 0), extended.GetProperty("replyDueAt").GetDateTimeOffset()); // 15, 16, 19 October

        journey.Clock.SetUtcNow(China(10, 16, 15));
        var replied = await PostEventAsync(secondHandler, id, new { type = "replied", text = "已会同街道清理占道摊贩，设置提示牌并安排早晚巡查。" });
        Assert.Equal("replied", replied.GetProperty("status").GetString());
        await PostEventAsync(firstHandler, id, new { type = "returned", reason = "x" }, HttpStatusCode.Forbidden);
        await PostEventAsync(secondHandler, id, new { type = "returned", reason = "晚了" }, HttpStatusCode.Conflict);

        journey.Clock.SetUtcNow(China(10, 19, 10));
        await PostEventAsync(operatorClient, id, new { type = "evaluated", rating = "不满意" });
        var reopened = await PostEventAsync(operatorClient, id, new { type = "reopened", reason = "市民反映摊贩仍在；中心决定重办" });
        Assert.Equal("reopened", reopened.GetProperty("status").GetString());
        Assert.Equal(China(10, 27, 0), reopened.GetProperty("replyDueAt").GetDateTimeOffset()); // 20, 21, 22, 23, 26 October

        journey.Clock.SetUtcNow(China(10, 22, 10));
        await PostEventAsync(secondHandler, id, new { type = "replied", text = "已与市场监管、街道联合执法，摊贩已搬入规范市场。" });
        await PostEventAsync(operatorClient, id, new { type = "evaluated", rating = "满意" });
        var refused = await PostEventAsync(operatorClient, id, new { type = "reopened", reason = "再次重办" }, HttpStatusCode.Conflict);
        Assert.Contains("重办", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var final = await JsonAsync(await operatorClient.GetAsync(new Uri($"/api/v1/hotline/tickets/{id}", UriKind.Relative)));
        Assert.Equal("evaluated", final.GetProperty("status").GetString());
        Assert.Equal(second.Code, final.GetProperty("body").GetString());
        Assert.Equal(
            ["received", "dispatched", "returned", "dispatched", "signed", "extension-approved", "replied", "evaluated", "reopened", "replied", "evaluated"],
            final.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()));

        using var check = journey.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var number = final.GetProperty("serviceRequestId").GetString()!;
        var audit = await db.Set<AuditEntry>().Where(a => a.Target == number).ToListAsync();
        Assert.True(audit.Count >= 11, "every change is audited");
        Assert.DoesNotContain(audit, a => (a.Detail ?? "").Contains("13912345678", StringComparison.Ordinal) || (a.Detail ?? "").Contains("王五", StringComparison.Ordinal));
        var row = await db.Set<HotlineTicket>().SingleAsync(t => t.Id == id);
        Assert.True(row.SignedOnTime);
        Assert.True(row.RepliedOnTime);
        Assert.False(row.IsOpen);
    }

    [Fact]
    public async Task Lists_are_scoped_to_the_handlers_body_and_filter_overdue_tickets()
    {
        var (first, second) = await HotlineTestData.BodiesWithRouteAsync(factory.Services);
        using var operatorClient = await factory.CreateStaffClientAsync("hotline.op2", StaffRoles.HotlineOperator);
        using var secondHandler = factory.CreateClient().SignedInAs("handler.second2", second.Id, StaffRoles.HotlineHandler);
        using var editor = factory.CreateClient().SignedInAs("editor.x", first.Id, StaffRoles.Editor);
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8)));
        var created = await JsonAsync(await operatorClient.PostAsJsonAsync(Tickets, new { channel = "letter", category = "0601", description = "夜间施工噪声扰民。", district = "游仙区" }));
        var id = created.GetProperty("id").GetInt32();
        await PostEventAsync(operatorClient, id, new { type = "dispatched", body = first.Code });

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(Tickets)).StatusCode);
        var theirs = await JsonAsync(await secondHandler.GetAsync(Tickets));
        Assert.DoesNotContain(theirs.EnumerateArray(), t => t.GetProperty("id").GetInt32() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await secondHandler.GetAsync(new Uri($"/api/v1/hotline/tickets/{id}", UriKind.Relative))).StatusCode);

        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 4, 9, 0, 0, TimeSpan.FromHours(8))); // sign was due by the end of 3 November
        var overdue = await JsonAsync(await operatorClient.GetAsync(new Uri($"/api/v1/hotline/tickets?overdue=true&body={first.Code}", UriKind.Relative)));
        Assert.Contains(overdue.EnumerateArray(), t => t.GetProperty("id").GetInt32() == id && t.GetProperty("overdue").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await operatorClient.GetAsync(new Uri("/api/v1/hotline/tickets?status=nonsense", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Intake_refuses_bad_input_field_by_field_in_chinese()
    {
        using var operatorClient = await factory.CreateStaffClientAsync("hotline.op3", StaffRoles.HotlineOperator);
        var response = await operatorClient.PostAsJsonAsync(Tickets, new { channel = "phone", category = "01", description = new string('长', 4001), district = "火星区" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("category", out _), "a non-leaf category takes no tickets");
        Assert.True(errors.TryGetProperty("description", out _));
        Assert.True(errors.TryGetProperty("district", out _));
        using var handler = factory.CreateClient().SignedInAs("handler.h", 1, StaffRoles.HotlineHandler);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PostAsJsonAsync(Tickets, new { channel = "phone", category = "0101", description = "x" })).StatusCode);
    }

    [Fact]
    public async Task The_staff_api_is_in_the_openapi_document()
    {
        using var client = factory.CreateClient();
        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Contains("/api/v1/hotline/tickets/{id}/events", document, StringComparison.Ordinal);
        Assert.Contains("TicketEventRequest", document, StringComparison.Ordinal);
    }
}
