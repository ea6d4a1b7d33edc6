using System.Net;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Catalogue;
using Gongkai.Publishing.Rules;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Oversight;

public sealed class InspectionTests
{
    /// <summary>On 3 December 2026: a 通知公告 column last updated on 1 May is stale (since 2 November), a 工作动态
    /// column updated on 25 November is fresh until 9 December, and the body's untouched columns are empty — five or
    /// more of them a single veto. The dashboard and the API give the same dates.</summary>
    [Fact]
    public async Task An_empty_column_and_a_stale_one_appear_on_the_dashboard_with_the_right_dates()
    {
        await using var host = new OversightClockFactory();
        var china = TimeSpan.FromHours(8);
        Body body;
        int notices, news;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var documents = await db.Set<Document>().Where(d => d.Status == DocumentStatus.Published).OrderBy(d => d.Id).ToListAsync();
            var owner = documents.GroupBy(d => d.BodyId).First(g => g.Count() >= 2);
            body = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Id == owner.Key);
            var nodes = await db.Set<CatalogueNode>().Where(n => n.BodyId == body.Id).ToListAsync();
            notices = nodes.Single(n => n.Name == "通知公告").Id;
            news = nodes.Single(n => n.Name == "工作动态").Id;
            var (first, second) = (owner.First(), owner.Skip(1).First());
            first.CatalogueNodeId = notices;
            first.PublishedAt = new DateTimeOffset(2026, 5, 1, 9, 0, 0, china).ToUniversalTime();   // PostgreSQL stores UTC only
            second.CatalogueNodeId = news;
            second.PublishedAt = new DateTimeOffset(2026, 11, 25, 23, 30, 0, china).ToUniversalTime();   // 15:30 UTC: the China date counts
            await db.SaveChangesAsync();
        }

        using var admin = OversightTestData.Client(host, "inspection.admin", body, StaffRoles.BodyAdmin);
        var report = await admin.SendAsync(HttpMethod.Get, $"/api/v1/inspection?body={body.Code}", null, HttpStatusCode.OK);
        var columns = report.GetProperty("columns").EnumerateArray().ToList();
        var notice = columns.Single(c => c.GetProperty("id").GetInt32() == notices);
        Assert.True(notice.GetProperty("stale").GetBoolean());
        Assert.Equal("notice-or-policy", notice.GetProperty("kind").GetString());
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 9, 0, 0, china), notice.GetProperty("lastUpdated").GetDateTimeOffset());
        Assert.Equal("2026-11-02", notice.GetProperty("staleOn").GetString());

        var fresh = columns.Single(c => c.GetProperty("id").GetInt32() == news);
        Assert.False(fresh.GetProperty("stale").GetBoolean());
        Assert.Equal("2026-12-10", fresh.GetProperty("staleOn").GetString());

        var empty = columns.First(c => c.GetProperty("empty").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, empty.GetProperty("lastUpdated").ValueKind);
        Assert.False(empty.GetProperty("stale").GetBoolean());
        var emptyCount = columns.Count(c => c.GetProperty("empty").GetBoolean());
        Assert.Equal(columns.Count - 2, emptyCount);
        Assert.Contains(report.GetProperty("vetoes").EnumerateArray(), v => v.GetProperty("rule").GetString() == "empty-columns");
        Assert.Equal(Math.Max(0, 100 - 2 - 3 * emptyCount), report.GetProperty("score").GetInt32());

        var page = await admin.GetStringAsync(new Uri($"/admin/oversight/inspection?body={body.Code}", UriKind.Relative));
        Assert.Contains("2026-05-01", page, StringComparison.Ordinal);
        Assert.Contains("超期未更新（2026年11月2日起）", page, StringComparison.Ordinal);
        Assert.Contains("2026-11-25", page, StringComparison.Ordinal);
        Assert.Contains("空白栏目", page, StringComparison.Ordinal);
        Assert.Contains($"空白栏目 {emptyCount} 个", page, StringComparison.Ordinal);

        // Another body's inspection is not for this admin; an unknown code is refused by field.
        var other = await OversightTestData.BodyAsync(host.Services, body.Code == "mysthjj" ? "myjtysj" : "mysthjj");
        await admin.SendAsync(HttpMethod.Get, $"/api/v1/inspection?body={other.Code}", null, HttpStatusCode.Forbidden);
        await admin.SendAsync(HttpMethod.Get, "/api/v1/inspection?body=nosuch", null, HttpStatusCode.BadRequest);
    }
}
