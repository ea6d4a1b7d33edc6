using System.Net;
using Gongkai.Publishing.Contracts;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Oversight;

public sealed class OpinionTests(OversightClockFactory factory) : IClassFixture<OversightClockFactory>
{
    [Fact]
    public async Task A_major_emergency_found_at_21_30_gets_its_5_hour_clock_at_02_30_and_its_24_hour_clock_at_21_30_the_next_day()
    {
        var environment = await OversightTestData.BodyAsync(factory.Services, "mysthjj");
        using var editor = OversightTestData.Client(factory, "生态环境编辑", environment, StaffRoles.Editor);
        var created = await editor.SendAsync(HttpMethod.Post, "/api/v1/opinions",
            new { body = "mysthjj", title = "网传某化工厂夜间排放异味", severity = "major-emergency", foundAt = "2026-12-03T21:30" }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var china = TimeSpan.FromHours(8);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 2, 30, 0, china), created.GetProperty("firstReleaseDueAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 21, 30, 0, china), created.GetProperty("pressConferenceDueAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 21, 30, 0, china), created.GetProperty("responseDueAt").GetDateTimeOffset());

        // The console shows both clocks in China time, on the next day.
        var page = await editor.GetStringAsync(new Uri($"/admin/oversight/opinions/{id}", UriKind.Relative));
        Assert.Contains("2026-12-04 02:30", page, StringComparison.Ordinal);
        Assert.Contains("2026-12-04 21:30", page, StringComparison.Ordinal);

        var important = await editor.SendAsync(HttpMethod.Post, "/api/v1/opinions",
            new { body = "mysthjj", title = "群众反映污水处理厂收费", severity = "important", foundAt = "2026-12-03T13:00:00Z" }, HttpStatusCode.Created);
        Assert.False(important.TryGetProperty("firstReleaseDueAt", out _));
        Assert.False(important.TryGetProperty("pressConferenceDueAt", out _));
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 13, 0, 0, TimeSpan.Zero), important.GetProperty("responseDueAt").GetDateTimeOffset());

        var audit = await OversightTestData.AuditAsync(factory.Services, "opinion.register");
        Assert.Contains(audit, a => a.Target == $"opinion:{id}" && a.BodyId == environment.Id);
    }

    [Fact]
    public async Task A_found_time_in_the_future_a_bad_severity_and_a_missing_title_are_refused_by_field()
    {
        using var editor = OversightTestData.Client(factory, "生态环境编辑", await OversightTestData.BodyAsync(factory.Services, "mysthjj"), StaffRoles.Editor);
        var future = await editor.SendAsync(HttpMethod.Post, "/api/v1/opinions",
            new { body = "mysthjj", title = "还没发生的事", severity = "general", foundAt = "2026-12-03T23:00" }, HttpStatusCode.BadRequest);
        Assert.Contains("晚于现在", future.GetProperty("errors").GetProperty("foundAt")[0].GetString(), StringComparison.Ordinal);

        var bad = await editor.SendAsync(HttpMethod.Post, "/api/v1/opinions",
            new { body = "mysthjj", title = "", severity = "urgent", foundAt = "2026-12-03T20:00" }, HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("severity", out _));
        Assert.True(bad.GetProperty("errors").TryGetProperty("title", out _));

        // Another body's item cannot be registered, and nobody without the permission reaches the API.
        await editor.SendAsync(HttpMethod.Post, "/api/v1/opinions",
            new { body = "myjtysj", title = "交通", severity = "general", foundAt = "2026-12-03T20:00" }, HttpStatusCode.Forbidden);
        using var auditor = OversightTestData.Client(factory, "审计", await OversightTestData.BodyAsync(factory.Services, "mysthjj"), StaffRoles.Auditor);
        await auditor.SendAsync(HttpMethod.Post, "/api/v1/opinions",
            new { body = "mysthjj", title = "x", severity = "general", foundAt = "2026-12-03T20:00" }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_response_is_recorded_and_linked_to_a_published_document_and_other_bodies_never_see_the_item()
    {
        var environment = await OversightTestData.BodyAsync(factory.Services, "mysthjj");
        using var editor = OversightTestData.Client(factory, "生态环境编辑", environment, StaffRoles.Editor);
        var id = (await editor.SendAsync(HttpMethod.Post, "/api/v1/opinions",
            new { body = "mysthjj", title = "网传饮用水源地污染", severity = "important", foundAt = "2026-12-02T09:00" }, HttpStatusCode.Created)).GetProperty("id").GetInt32();

        string indexNo;
        using (var scope = factory.Services.CreateScope())
        {
            indexNo = (await scope.ServiceProvider.GetRequiredService<PublishedDocuments>().LatestAsync(1)).Single().IndexNo;
        }

        var missing = await editor.SendAsync(HttpMethod.Post, $"/api/v1/opinions/{id}/steps", new { step = "response", indexNo = "NO-SUCH-1" }, HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("indexNo", out _));
        await editor.SendAsync(HttpMethod.Post, $"/api/v1/opinions/{id}/steps", new { step = "first-release" }, HttpStatusCode.BadRequest);

        var answered = await editor.SendAsync(HttpMethod.Post, $"/api/v1/opinions/{id}/steps",
            new { step = "response", doneAt = "2026-12-03T10:00", indexNo }, HttpStatusCode.OK);
        Assert.Equal(indexNo, answered.GetProperty("responseIndexNo").GetString());
        var clock = Assert.Single(answered.GetProperty("clocks").EnumerateArray());
        Assert.Equal("Met", clock.GetProperty("state").GetString());

        using var other = OversightTestData.Client(factory, "交通编辑", await OversightTestData.BodyAsync(factory.Services, "myjtysj"), StaffRoles.Editor);
        await other.SendAsync(HttpMethod.Post, $"/api/v1/opinions/{id}/steps", new { step = "response" }, HttpStatusCode.NotFound);
        var list = await other.SendAsync(HttpMethod.Get, "/api/v1/opinions", null, HttpStatusCode.OK);
        Assert.DoesNotContain(list.EnumerateArray(), o => o.GetProperty("id").GetInt32() == id);
        Assert.Contains((await editor.SendAsync(HttpMethod.Get, "/api/v1/opinions", null, HttpStatusCode.OK)).EnumerateArray(), o => o.GetProperty("id").GetInt32() == id);

        var steps = await OversightTestData.AuditAsync(factory.Services, "opinion.step");
        Assert.Contains(steps, a => a.Target == $"opinion:{id}" && a.Detail!.Contains(indexNo, StringComparison.Ordinal));

        // Nothing of it is public.
        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await anonymous.GetAsync(new Uri("/api/v1/opinions", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
