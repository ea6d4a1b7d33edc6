using System.Net;
using System.Text.Json;
using Gongkai.Hotline;
using Gongkai.Hotline.Rules;
using Gongkai.Oversight;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Gongkai.Services;
using Gongkai.Services.Rules;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Gongkai.UnitTests.Platform.Pdf;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gongkai.Tests.Oversight;

/// <summary>The self-inspection's interaction, service-guide and availability indicators on 3 December 2026.</summary>
public sealed class InspectionInteractionTests(JoblessOversightClockFactory factory) : IClassFixture<JoblessOversightClockFactory>
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private async Task<JsonElement> InspectAsync(string body)
    {
        using var admin = OversightTestData.Client(factory, "inspection.admin", await OversightTestData.BodyAsync(factory.Services, "myszf"), StaffRoles.SystemAdmin);
        return await admin.SendAsync(HttpMethod.Get, $"/api/v1/inspection?body={body}", null, HttpStatusCode.OK);
    }

    private static int Unanswered(JsonElement report, string channel) =>
        report.GetProperty("unanswered").EnumerateArray().Where(u => u.GetProperty("channel").GetString() == channel).Sum(u => u.GetProperty("count").GetInt32());

    [Fact]
    public async Task A_hotline_ticket_unanswered_for_over_three_months_is_a_veto_and_a_recent_or_replied_one_is_not()
    {
        var before = await InspectAsync("mymzj");
        var body = await OversightTestData.BodyAsync(factory.Services, "mymzj");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var category = await db.Set<HotlineCategory>().OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            var number = 0;
            HotlineTicket Ticket(DateTimeOffset received, TicketStatus status, DateTimeOffset? replied = null) => new()
            {
                Number = $"T-INSPECT-{++number}", Channel = "phone", CategoryId = category, Urgency = "general", Status = TicketVocabulary.Code(status),
                Description = "路灯不亮", BodyId = body.Id, ReceivedAt = received.ToUniversalTime(), UpdatedAt = received.ToUniversalTime(),
                RepliedAt = replied?.ToUniversalTime(), IsOpen = replied is null,
            };
            db.AddRange(
                Ticket(new DateTimeOffset(2026, 1, 5, 9, 0, 0, China), TicketStatus.Handling),                  // 11 months: counts
                Ticket(new DateTimeOffset(2026, 9, 2, 23, 0, 0, China), TicketStatus.Dispatched),               // 2 September (China): over 3 months
                Ticket(new DateTimeOffset(2026, 9, 3, 9, 0, 0, China), TicketStatus.Handling),                  // 3 September: exactly 3 months, not yet
                Ticket(new DateTimeOffset(2025, 11, 1, 9, 0, 0, China), TicketStatus.Handling),                 // over a year ago: outside the window
                Ticket(new DateTimeOffset(2026, 2, 1, 9, 0, 0, China), TicketStatus.Replied, new DateTimeOffset(2026, 2, 3, 9, 0, 0, China)));
            await db.SaveChangesAsync();
        }

        var after = await InspectAsync("mymzj");
        Assert.Equal(Unanswered(before, "12345热线工单") + 2, Unanswered(after, "12345热线工单"));
        var line = after.GetProperty("unanswered").EnumerateArray().Single(u => u.GetProperty("channel").GetString() == "12345热线工单");
        Assert.Equal("绵阳市民政局", line.GetProperty("body").GetString());
        Assert.True(string.CompareOrdinal(line.GetProperty("oldestReceivedOn").GetString(), "2026-01-05") <= 0);
        Assert.Contains(after.GetProperty("vetoes").EnumerateArray(), v => v.GetProperty("rule").GetString() == "unanswered-interaction");
        Assert.False(after.GetProperty("passes").GetBoolean());

        using var admin = OversightTestData.Client(factory, "inspection.admin", await OversightTestData.BodyAsync(factory.Services, "myszf"), StaffRoles.SystemAdmin);
        var page = await admin.GetStringAsync(new Uri("/admin/oversight/inspection?body=mymzj", UriKind.Relative));
        Assert.Contains("<td>绵阳市民政局</td><td>12345热线工单</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_guide_lacking_its_basis_and_time_limit_is_named_on_the_inspection()
    {
        var body = await OversightTestData.BodyAsync(factory.Services, "myczj");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var content = new GuideContent("非税收入票据领购", "公共服务", "", "已办理票据领购登记的单位", [new GuideMaterial("领购申请表", "原件", 1, null, null)],
                "申请—审核—发放", 0, 0, "", "市政务服务中心", "工作日", "", "0816-2222820", "12345", "票据", null, false, false, null);
            var guide = new ServiceGuide { BodyId = body.Id, ItemName = content.ItemName, CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "测试" };
            db.Add(guide);
            await db.SaveChangesAsync();
            db.Add(new ServiceGuideVersion
            {
                GuideId = guide.Id, Number = 1, ContentJson = JsonSerializer.Serialize(content), ApprovedOn = new DateOnly(2026, 11, 2),
                EffectiveOn = new DateOnly(2026, 11, 2), PublishBy = new DateOnly(2026, 11, 3), PublishedAt = DateTimeOffset.UtcNow, PublishedBy = "测试",
                CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "测试", UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var report = await InspectAsync("myczj");
        var gap = report.GetProperty("incompleteGuides").EnumerateArray().Single(g => g.GetProperty("itemName").GetString() == "非税收入票据领购");
        Assert.Equal(["设定依据", "办理时限"], gap.GetProperty("missing").EnumerateArray().Select(m => m.GetString()));
        var veto = report.GetProperty("vetoes").EnumerateArray().Single(v => v.GetProperty("rule").GetString() == "incomplete-guides");
        Assert.Contains("非税收入票据领购缺设定依据、办理时限", veto.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_probe_records_a_refused_self_probe_and_the_month_availability_is_on_the_dashboard_and_in_the_api()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            // Port 9 on loopback (discard) takes no connection here: the probe fails quickly and says why.
            var job = new AvailabilityProbeJob(services.GetRequiredService<GongkaiDbContext>(), services.GetRequiredService<IHttpClientFactory>(),
                Options.Create(new AvailabilityOptions { SelfUrl = "http://127.0.0.1:9/readyz", PeerUrl = "http://10.9.9.9:9/readyz" }),
                services.GetRequiredService<NodeIdentity>(), services.GetRequiredService<IServer>(), factory.Clock, NullLogger<AvailabilityProbeJob>.Instance);
            var probes = await job.ProbeAsync();
            Assert.Equal([AvailabilityProbe.Self, AvailabilityProbe.Peer], probes.Select(p => p.Target));
            Assert.All(probes, p => Assert.False(p.Loaded));
            // Loopback is allowed to the probe's client (the connection is refused by the port, not by the guard); a
            // private peer address is refused by the guard until configured.
            Assert.DoesNotContain("AllowedHosts", probes[0].Error ?? "", StringComparison.Ordinal);
            Assert.Contains("AllowedHosts", probes[1].Error ?? "", StringComparison.Ordinal);

            // A week of probes, 24 a day, one failed a day (4.2 %), on top of the two failed just now.
            var db = services.GetRequiredService<GongkaiDbContext>();
            for (var day = 1; day <= 7; day++)
            {
                for (var i = 0; i < 24; i++)
                {
                    db.Add(new AvailabilityProbe
                    {
                        Node = "node-a", Target = AvailabilityProbe.Self, Url = "http://127.0.0.1/readyz", Loaded = i > 0, Milliseconds = 120,
                        At = new DateTimeOffset(2026, 12, 3, 0, 30, 0, China).AddDays(-day).AddHours(i).ToUniversalTime(),
                    });
                }
            }

            await db.SaveChangesAsync();
        }

        var report = await InspectAsync("myczj");
        var availability = report.GetProperty("availability");
        Assert.Equal("2026-12", availability.GetProperty("month").GetString());
        // December so far: 1 and 2 December (48 probes, 2 failed) and the two just now.
        Assert.Equal(50, availability.GetProperty("probes").GetInt32());
        Assert.Equal(4, availability.GetProperty("failed").GetInt32());
        Assert.Equal(92m, availability.GetProperty("percent").GetDecimal());
        Assert.True(availability.GetProperty("weekMeasured").GetBoolean());
        Assert.DoesNotContain(report.GetProperty("vetoes").EnumerateArray(), v => v.GetProperty("rule").GetString() == "unreachable");

        using var admin = OversightTestData.Client(factory, "inspection.admin", await OversightTestData.BodyAsync(factory.Services, "myszf"), StaffRoles.SystemAdmin);
        var page = await admin.GetStringAsync(new Uri("/admin/oversight/inspection?body=myczj", UriKind.Relative));
        Assert.Contains("各节点探测本站 50 次，4 次未能在 15 秒内打开；可用率 92%", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_monthly_report_of_a_past_month_is_a_pdf_from_the_kept_probes_and_the_current_month_is_refused()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            for (var i = 0; i < 10; i++)
            {
                db.Add(new AvailabilityProbe
                {
                    Node = "node-b", Target = AvailabilityProbe.Peer, Url = "http://10.0.0.2/readyz", Loaded = i >= 2, Milliseconds = 200,
                    At = new DateTimeOffset(2026, 10, 15, 8, 0, 0, China).AddMinutes(30 * i).ToUniversalTime(),
                });
            }

            await db.SaveChangesAsync();
        }

        var body = await OversightTestData.BodyAsync(factory.Services, "mysthjj");
        using var admin = OversightTestData.Client(factory, "env.admin", body, StaffRoles.BodyAdmin);
        var dashboard = await admin.GetStringAsync(new Uri("/admin/oversight/inspection?body=mysthjj", UriKind.Relative));
        Assert.Contains("href=\"/admin/oversight/inspection/mysthjj/2026/11.pdf\">2026年11月自查报告（PDF）</a>", dashboard, StringComparison.Ordinal);

        using var response = await admin.GetAsync(new Uri("/admin/oversight/inspection/mysthjj/2026/10.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = string.Concat(PdfText.Of(await response.Content.ReadAsByteArrayAsync()).Where(c => !char.IsWhiteSpace(c)));
        Assert.StartsWith("绵阳市生态环境局网站自查月度报告（2026年10月）", text, StringComparison.Ordinal);
        Assert.Contains("自查日期：2026年10月31日（月末）", text, StringComparison.Ordinal);
        Assert.Contains("本月各节点探测本站10次，2次未能在15秒内打开；可用率80%。", text, StringComparison.Ordinal);
        Assert.Contains("四、栏目", text, StringComparison.Ordinal);

        using var current = await admin.GetAsync(new Uri("/admin/oversight/inspection/mysthjj/2026/12.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, current.StatusCode);
        Assert.Contains("只能生成已经结束的月份", await current.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var foreign = await admin.GetAsync(new Uri("/admin/oversight/inspection/myczj/2026/10.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }
}
