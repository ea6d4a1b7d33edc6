using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Hotline;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Hotline;

public sealed class HotlineSupervisionTests(HotlineClockFactory factory) : IClassFixture<HotlineClockFactory>
{
    private static DateTimeOffset China(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private async Task<int> SuperviseAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HotlineSupervisionJob>().SuperviseOverdueAsync();
    }

    [Fact]
    public async Task An_overdue_ticket_is_supervised_once_and_the_public_monthly_ranking_shows_the_bodys_rates()
    {
        var (first, _) = await HotlineTestData.BodiesWithRouteAsync(factory.Services);
        using var operatorClient = await factory.CreateStaffClientAsync("hotline.sup", StaffRoles.HotlineOperator);
        using var handler = factory.CreateClient().SignedInAs("handler.sup", first.Id, StaffRoles.HotlineHandler);
        factory.Clock.SetUtcNow(HotlineClockFactory.Start);
        var created = await (await operatorClient.PostAsJsonAsync(new Uri("/api/v1/hotline/tickets", UriKind.Relative),
            new { channel = "phone", category = "0104", description = "路灯不亮已一周。", district = "涪城区", callerPhone = "13511112222" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        var number = created.GetProperty("serviceRequestId").GetString()!;
        async Task PostAsync(HttpClient client, object body) =>
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(new Uri($"/api/v1/hotline/tickets/{id}/events", UriKind.Relative), body)).StatusCode);
        await PostAsync(operatorClient, new { type = "dispatched", body = first.Code });

        // Still within the limit on the last day of the holiday; past it after 24:00 on Thursday 8 October.
        // (The host's own job runner may run the job too when the clock jumps; the records must come out the same.)
        factory.Clock.SetUtcNow(China(10, 8, 23));
        await SuperviseAsync();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var early = await db.Set<HotlineSupervision>().Where(s => s.TicketId == id).ToListAsync();
            var t = await db.Set<HotlineTicket>().SingleAsync(x => x.Id == id);
            Assert.True(early.Count == 0, $"supervised at {early.FirstOrDefault()?.At} due {early.FirstOrDefault()?.DueAt}; ticket next {t.NextDueAt} sign {t.SignDueAt} now {factory.Clock.GetUtcNow()}");
        }

        factory.Clock.SetUtcNow(China(10, 9, 8));
        await SuperviseAsync();
        await SuperviseAsync();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var ticket = await db.Set<HotlineTicket>().SingleAsync(t => t.Id == id);
            var record = await db.Set<HotlineSupervision>().SingleAsync(s => s.TicketId == id);
            Assert.Equal("sign", record.Limit);
            Assert.Equal(first.Id, record.BodyId);
            Assert.Single(await db.Set<Gongkai.Platform.Audit.AuditEntry>().Where(a => a.Action == "hotline.supervised" && a.Target == number).ToListAsync());
        }

        await PostAsync(handler, new { type = "signed" });
        await PostAsync(handler, new { type = "replied", text = "路灯已修复。" });
        await PostAsync(operatorClient, new { type = "evaluated", rating = "满意" });

        using var anonymous = factory.CreateClient();
        var page = await anonymous.GetStringAsync(new Uri("/hotline/statistics?month=2026-09", UriKind.Relative));
        Assert.Contains(first.Name, page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13511112222", page, StringComparison.Ordinal);
        var csv = await anonymous.GetStringAsync(new Uri("/hotline/statistics?month=2026-09&format=csv", UriKind.Relative));
        var row = csv.Split("\r\n").Single(l => l.StartsWith(first.Code + ",", StringComparison.Ordinal));
        // Signed late (0 %), replied within the limit (100 %), satisfied (100 %), not reopened, supervised once.
        Assert.EndsWith(",0.0000,1.0000,1.0000,0.0000,1", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_monthly_figures_count_each_ticket_once_per_body_and_once_under_its_top_level_category()
    {
        var (first, second) = await HotlineTestData.BodiesWithRouteAsync(factory.Services);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var urban = await db.Set<HotlineCategory>().SingleAsync(c => c.Code == "01");
            var leaves = await db.Set<HotlineCategory>().Where(c => c.ParentId == urban.Id).OrderBy(c => c.Id).Take(2).Select(c => c.Id).ToListAsync();
            var received = new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
            HotlineTicket Ticket(string number, int categoryId, int? bodyId, bool? repliedOnTime, string? rating) => new()
            {
                Number = number, Channel = "phone", CategoryId = categoryId, Urgency = "normal", Status = bodyId is null ? "received" : "closed",
                Description = "统计测试", BodyId = bodyId, ReceivedAt = received, UpdatedAt = received, IsOpen = bodyId is null,
                RepliedOnTime = repliedOnTime, RepliedAt = repliedOnTime is null ? null : received.AddDays(2), Rating = rating,
            };
            db.Set<HotlineTicket>().AddRange(
                Ticket("T-STAT-1", leaves[0], first.Id, true, "satisfied"),
                Ticket("T-STAT-2", leaves[1], first.Id, false, "dissatisfied"),
                Ticket("T-STAT-3", leaves[0], second.Id, true, null),
                Ticket("T-STAT-4", urban.Id, null, null, null));
            await db.SaveChangesAsync();
        }

        using (var scope = factory.Services.CreateScope())
        {
            var month = await scope.ServiceProvider.GetRequiredService<HotlineStatistics>().MonthAsync(2025, 3);
            var firstRow = Assert.Single(month.Bodies, b => b.Key == first.Code);
            Assert.Equal((2, 0.5, 0.5), (firstRow.Volume, firstRow.ReplyRate, firstRow.SatisfactionRate));
            var secondRow = Assert.Single(month.Bodies, b => b.Key == second.Code);
            Assert.Equal((1, 1.0, (double?)null), (secondRow.Volume, secondRow.ReplyRate, secondRow.SatisfactionRate));
            Assert.Equal(2, month.Bodies.Count);
            // All four under 城市管理, including the one not yet dispatched to any body.
            var urbanRow = Assert.Single(month.Categories);
            Assert.Equal(("01", 4, 3), (urbanRow.Key, urbanRow.Volume, urbanRow.ReplyMeasured));
        }
    }
}
