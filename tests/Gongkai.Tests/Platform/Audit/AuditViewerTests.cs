using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Audit;

public sealed class AuditViewerTests(StaffTestHost host) : IClassFixture<StaffTestHost>
{
    private static readonly DateTimeOffset March1 = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_viewer_sees_the_entries_of_the_bodies_in_their_scope()
    {
        var staff = await host.DemoStaffAsync();
        var (municipal, department, county) = (staff.Bodies[0], staff.Bodies[1], staff.Bodies[2]);
        await AddAsync(
            Entry("scope-test.a", municipal.Id, March1),
            Entry("scope-test.b", department.Id, March1.AddMinutes(1)),
            Entry("scope-test.c", county.Id, March1.AddMinutes(2)),
            Entry("scope-test.d", null, March1.AddMinutes(3)));

        Assert.Equal(["scope-test.c"], await ActionsSeenByAsync(staff.UserName(StaffRoles.Auditor, county), "scope-test"));
        Assert.Equal(["scope-test.a"], await ActionsSeenByAsync(staff.UserName(StaffRoles.Auditor), "scope-test"));
        Assert.Equal(["scope-test.c", "scope-test.b", "scope-test.a"], await ActionsSeenByAsync(staff.UserName(StaffRoles.BodyAdmin), "scope-test"));
        Assert.Equal(["scope-test.d", "scope-test.c", "scope-test.b", "scope-test.a"], await ActionsSeenByAsync("admin", "scope-test"));
    }

    [Fact]
    public async Task Filters_by_china_day_actor_target_and_action_prefix_newest_first()
    {
        var staff = await host.DemoStaffAsync();
        var body = staff.Municipal.Id;
        await AddAsync(
            Entry("filter-test.early", body, new DateTimeOffset(2026, 3, 1, 15, 59, 0, TimeSpan.Zero), actor: "zhang", target: "document:1"),
            Entry("filter-test.late", body, new DateTimeOffset(2026, 3, 1, 16, 1, 0, TimeSpan.Zero), actor: "li", target: "document:2"),
            Entry("filter-test.later", body, new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), actor: "zhang", target: "body:9"));
        using var admin = await host.SignedInClientAsync("admin");

        async Task<string[]> SearchAsync(string query) =>
            (await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/audit?{(query.Contains("action=", StringComparison.Ordinal) ? query : "action=filter-test&" + query)}", UriKind.Relative)))
                .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetString() ?? "").ToArray();

        Assert.Equal(["filter-test.later", "filter-test.late", "filter-test.early"], await SearchAsync(""));
        Assert.Equal(["filter-test.early"], await SearchAsync("from=2026-03-01&to=2026-03-01"));
        Assert.Equal(["filter-test.later", "filter-test.late"], await SearchAsync("from=2026-03-02"));
        Assert.Equal(["filter-test.later", "filter-test.early"], await SearchAsync("actor=zhang"));
        Assert.Equal(["filter-test.late", "filter-test.early"], await SearchAsync("target=document"));
        Assert.Equal(["filter-test.later"], await SearchAsync("action=filter-test.later"));

        var firstPage = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit?action=filter-test&size=2", UriKind.Relative));
        var secondPage = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/audit?action=filter-test&size=2&page=2", UriKind.Relative));
        Assert.True(firstPage.GetProperty("hasMore").GetBoolean());
        Assert.False(secondPage.GetProperty("hasMore").GetBoolean());
        Assert.Equal("filter-test.early", secondPage.GetProperty("items")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task Bad_dates_are_a_validation_problem_and_other_bodies_are_forbidden()
    {
        var staff = await host.DemoStaffAsync();
        using var countyAuditor = await host.SignedInClientAsync(staff.UserName(StaffRoles.Auditor, staff.Bodies[2]));

        var badDate = await countyAuditor.GetAsync(new Uri("/api/v1/audit?from=2026-13-01", UriKind.Relative));
        var otherBody = await countyAuditor.GetAsync(new Uri($"/api/v1/audit?bodyId={staff.Municipal.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.True((await badDate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("from", out _));
        Assert.Equal(HttpStatusCode.Forbidden, otherBody.StatusCode);
        Assert.Equal("application/problem+json", otherBody.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_audit_page_lists_entries_in_Beijing_time_keeps_the_filter_and_pages()
    {
        var staff = await host.DemoStaffAsync();
        await AddAsync(Enumerable.Range(0, 51).Select(i => Entry("page-test.row", staff.Municipal.Id, March1.AddSeconds(i), detail: $"第{i}条")).ToArray());
        using var auditor = await host.SignedInClientAsync(staff.UserName(StaffRoles.Auditor));

        var html = await auditor.GetStringAsync(new Uri("/admin/audit?action=page-test", UriKind.Relative));

        Assert.Contains("2026-03-01 10:00:50", html, StringComparison.Ordinal);
        Assert.Contains("第50条", html, StringComparison.Ordinal);
        Assert.DoesNotContain("第0条", html, StringComparison.Ordinal);
        Assert.Contains("value=\"page-test\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/audit?action=page-test&amp;page=2\"", html, StringComparison.Ordinal);
        var second = await auditor.GetStringAsync(new Uri("/admin/audit?action=page-test&page=2", UriKind.Relative));
        Assert.Contains("第0条", second, StringComparison.Ordinal);
        Assert.Contains("上一页", second, StringComparison.Ordinal);
    }

    private static AuditEntry Entry(string action, int? bodyId, DateTimeOffset at, string actor = "tester", string target = "test:1", string? detail = null) =>
        new() { Action = action, BodyId = bodyId, At = at, ActorName = actor, Target = target, Detail = detail };

    private async Task AddAsync(params AuditEntry[] entries)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        db.AddRange(entries);
        await db.SaveChangesAsync();
    }

    private async Task<string[]> ActionsSeenByAsync(string userName, string action)
    {
        using var client = await host.SignedInClientAsync(userName);
        var page = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/audit?action={action}", UriKind.Relative));
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("action").GetString() ?? "").ToArray();
    }
}
