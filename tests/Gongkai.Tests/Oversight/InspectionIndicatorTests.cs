using System.Net;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Checks.Links;
using Gongkai.Publishing.Rules;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Oversight;

/// <summary>The self-inspection's other measurable indicators on 3 December 2026: broken links the link checker found
/// in a body's published documents count (and cost points), a draft's do not; and with 2027's holiday schedule not
/// loaded, the dashboard shows the clocks waiting for it.</summary>
public sealed class InspectionIndicatorTests
{
    [Fact]
    public async Task Broken_links_in_published_documents_count_and_the_dashboard_shows_clocks_waiting_for_next_year()
    {
        await using var host = new OversightClockFactory();
        Body body;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var published = await db.Set<Document>().Where(d => d.Status == DocumentStatus.Published).OrderBy(d => d.Id).FirstAsync();
            body = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Id == published.BodyId);
            var now = OversightClockFactory.Start.ToUniversalTime();
            db.Set<LinkCheck>().AddRange(
                new LinkCheck { DocumentId = published.Id, BodyId = body.Id, Url = "https://example.cn/gone-1", IsExternal = true, Ok = false, StatusCode = 404, Problem = "页面不存在（404）", CheckedAt = now, BrokenSince = now },
                new LinkCheck { DocumentId = published.Id, BodyId = body.Id, Url = "https://example.cn/gone-2", IsExternal = true, Ok = false, StatusCode = 404, Problem = "页面不存在（404）", CheckedAt = now, BrokenSince = now },
                new LinkCheck { DocumentId = published.Id, BodyId = body.Id, Url = "https://example.cn/fine", IsExternal = true, Ok = true, StatusCode = 200, CheckedAt = now });
            await db.SaveChangesAsync();
        }

        using var admin = OversightTestData.Client(host, "indicator.admin", body, StaffRoles.BodyAdmin);
        var before = await admin.SendAsync(HttpMethod.Get, $"/api/v1/inspection?body={body.Code}", null, HttpStatusCode.OK);
        Assert.Equal(2, before.GetProperty("brokenLinks").GetInt32());

        // One link repaired (the checker's next run found it working): one point back, unless the score was at zero anyway.
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            await db.Set<LinkCheck>().Where(l => l.Url == "https://example.cn/gone-2").ExecuteUpdateAsync(s => s.SetProperty(l => l.Ok, true));
        }

        var repaired = await admin.SendAsync(HttpMethod.Get, $"/api/v1/inspection?body={body.Code}", null, HttpStatusCode.OK);
        Assert.Equal(1, repaired.GetProperty("brokenLinks").GetInt32());
        Assert.Equal(Math.Max(0, repaired.GetProperty("score").GetInt32() - 1), before.GetProperty("score").GetInt32());

        // The remaining broken link leaves the count once its document is withdrawn from public view.
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var links = await db.Set<LinkCheck>().Where(l => l.BodyId == body.Id && !l.Ok).Select(l => l.DocumentId).Distinct().ToListAsync();
            await db.Set<Document>().Where(d => links.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DocumentStatus.Withdrawn));
        }

        var after = await admin.SendAsync(HttpMethod.Get, $"/api/v1/inspection?body={body.Code}", null, HttpStatusCode.OK);
        Assert.Equal(0, after.GetProperty("brokenLinks").GetInt32());

        var page = await admin.GetStringAsync(new Uri($"/admin/oversight/inspection?body={body.Code}", UriKind.Relative));
        Assert.Contains("已公开文件中失效链接 0 个", page, StringComparison.Ordinal);
        Assert.Contains("等待2027年节假日安排", page, StringComparison.Ordinal);
        Assert.Contains("依申请公开答复期限", page, StringComparison.Ordinal);
        Assert.Contains("主动公开时限", page, StringComparison.Ordinal);
    }
}
