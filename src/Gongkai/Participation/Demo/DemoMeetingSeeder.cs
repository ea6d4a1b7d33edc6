using Gongkai.Organizations;
using Gongkai.Organizations.Demo;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Data;
using Gongkai.Platform.Time;
using Gongkai.Safeguards.Detection;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Participation.Demo;

/// <summary>
/// In demo mode, gives the demo city one meeting with public seats whose draw is done: five applicants, one refused
/// with a reason, four accepted for three seats, drawn with a published seed by <see cref="MeetingRules.Draw"/> — so the
/// public page shows a result anyone can re-run. All of it is FICTIONAL (names, and ID numbers that only satisfy the
/// check character) and marked <c>IsDemo</c>; the dates follow today.
/// </summary>
internal sealed class DemoMeetingSeeder : IStartupSeeder
{
    /// <summary>After the demo interviews (47).</summary>
    public int Order => 48;

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        if (!demo || await db.Set<Meeting>().AnyAsync(cancellationToken))
        {
            return;
        }

        var bodies = await services.GetRequiredService<BodyDirectory>().LoadAsync(cancellationToken);
        var body = DemoStaffPlan.MunicipalGovernment(bodies.All);
        if (body is null)
        {
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().ToUniversalTime();
        const string staff = "演示数据";
        var meeting = new Meeting
        {
            BodyId = body.Id, Topic = "市政府常务会议研究城区停车收费标准调整（公众列席）",
            Description = "会议研究城区路内停车收费标准调整方案，邀请市民代表列席并发表意见。",
            HeldAt = ChinaTime.StartOfDay(today.AddDays(5)).AddHours(9), Place = "市政府第一会议室", Seats = 3,
            Eligibility = "年满18周岁、在本市居住的市民；与议题有利害关系的经营者代表优先。", ApplyBy = today.AddDays(-2),
            Stage = MeetingRules.Code(MeetingStage.Seated), CreatedAt = now, CreatedBy = staff, AnnouncedAt = now, AnnouncedBy = staff,
            SeatedAt = now, SeatedBy = staff, UpdatedAt = now, IsDemo = true,
        };
        db.Set<Meeting>().Add(meeting);
        await db.SaveChangesAsync(cancellationToken);

        string[] names = ["张明（演示）", "李华（演示）", "王芳（演示）", "赵强（演示）", "陈静（演示）"];
        var applications = names.Select((name, i) => new SeatApplication
        {
            MeetingId = meeting.Id, Name = name, IdNumber = IdNumber(i), Contact = "演示电话", Reason = "关心城区停车收费调整，希望反映居民停车难的情况。",
            CreatedAt = now, IdentityCheck = i == 4 ? "refused" : "accepted", CheckReason = i == 4 ? "身份证信息与本人不一致（演示）" : null, CheckedBy = staff, CheckedAt = now,
        }).ToList();
        db.Set<SeatApplication>().AddRange(applications);
        await db.SaveChangesAsync(cancellationToken);

        const string seed = "2026demo";
        var result = MeetingRules.Draw(seed, applications.Where(a => a.IdentityCheck == "accepted").Select(a => a.Id), meeting.Seats);
        foreach (var entry in result.Entries)
        {
            var application = applications.Single(a => a.Id == entry.ApplicationId);
            application.Rank = entry.Rank;
            application.Seated = entry.Seated;
        }

        meeting.DrawSeed = seed;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A fictional 18-digit number with a valid check character (area 510703, born 1980–1984).</summary>
    private static string IdNumber(int i)
    {
        var first17 = $"51070319{80 + i}0101{101 + i:000}";
        return first17 + Checksums.IdCheckCharacter(first17);
    }
}
