using Gongkai.Channels.Press;
using Gongkai.Channels.Rules;
using Gongkai.Organizations;
using Gongkai.Organizations.Demo;
using Gongkai.Platform.Data;
using Gongkai.Platform.Time;
using Gongkai.Publishing.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Channels.Demo;

/// <summary>
/// In demo mode, gives the demo city three press conferences of its municipal government: two held, with transcripts
/// and the demo documents they interpret (the 行政规范性文件管理办法 a few days after it was published, the 政务公开工作要点
/// likewise), and one announced for next week. All of it is FICTIONAL (speakers are marked 演示); the held ones follow
/// their documents' dates, the announced one today. Seeded once: only when there is no press conference yet.
/// </summary>
internal sealed class DemoPressSeeder : IStartupSeeder
{
    /// <summary>After the bodies (10), the demo accounts (20) and the demo documents (30).</summary>
    public int Order => 49;

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        if (!demo || await db.Set<PressConference>().AnyAsync(cancellationToken))
        {
            return;
        }

        var bodies = await services.GetRequiredService<BodyDirectory>().LoadAsync(cancellationToken);
        if (DemoStaffPlan.MunicipalGovernment(bodies.All) is not { } body)
        {
            return;
        }

        var documents = services.GetRequiredService<PublishedDocuments>();
        var clock = services.GetRequiredService<TimeProvider>();
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().ToUniversalTime();
        const string staff = "演示数据";

        async Task<(string IndexNo, DateOnly PublishedOn)?> DocumentAsync(string titleStart)
        {
            var found = await documents.WithBodies().Where(d => d.Title.StartsWith(titleStart))
                .OrderBy(d => d.Id).Select(d => new { d.IndexNo, d.PublishedAt }).FirstOrDefaultAsync(cancellationToken);
            return found?.IndexNo is { } indexNo && found.PublishedAt is { } at ? (indexNo, ChinaTime.DateOf(at)) : null;
        }

        var normative = await DocumentAsync("绵阳市人民政府关于印发《绵阳市行政规范性文件管理办法》");
        var workPlan = await DocumentAsync("绵阳市人民政府办公室关于印发《2018年政务公开工作要点》");
        var conferences = new List<PressConference>();
        if (normative is { } n)
        {
            var startsAt = ChinaTime.StartOfDay(n.PublishedOn.AddDays(4)).AddHours(10);
            conferences.Add(new PressConference
            {
                BodyId = body.Id, Title = "《绵阳市行政规范性文件管理办法》新闻发布会",
                Topic = "介绍《绵阳市行政规范性文件管理办法》的出台背景、主要内容和合法性审核、公开发布、定期清理等制度安排。",
                Venue = "市政府新闻发布厅", StartsAt = startsAt,
                Speakers = "李明远 市人民政府市长（演示）\n王建华 市司法局局长（演示）\n陈晓 市人民政府办公室副主任（演示）",
                FirstInterpreter = "李明远", Stage = PressConferenceRules.Code(PressStage.Held),
                Transcript = string.Join('\n',
                    "主持人：各位记者朋友，上午好！今天我们举行新闻发布会，介绍《绵阳市行政规范性文件管理办法》有关情况。",
                    "李明远：行政规范性文件直接关系群众和企业的切身利益。《办法》明确，规范性文件不得增加公民、法人和其他组织的义务，不得减损其权利；未经合法性审核、未经集体讨论决定、未向社会公开发布的，不得作为行政管理的依据。",
                    "王建华：《办法》把合法性审核作为制定程序的必经环节。起草单位报送审核时应当提供起草说明、制定依据和征求意见情况，审核期限一般不少于5个工作日。",
                    "记者：群众在哪里能查到现行有效的规范性文件？",
                    "陈晓：规范性文件统一在市政府门户网站“政府信息公开”专栏发布，并标注有效期和有效性；清理后废止或者失效的文件，也会在网站上标注，方便群众查询。",
                    "主持人：今天的发布会到此结束，谢谢大家！"),
                VideoUrl = null, RelatedIndexNos = n.IndexNo,
                CreatedAt = startsAt.AddDays(-3), CreatedBy = staff, ScheduledAt = startsAt.AddDays(-2), ScheduledBy = staff, HeldAt = startsAt.AddHours(2), UpdatedAt = now,
            });
        }

        if (workPlan is { } w)
        {
            var startsAt = ChinaTime.StartOfDay(w.PublishedOn.AddDays(6)).AddHours(15);
            conferences.Add(new PressConference
            {
                BodyId = body.Id, Title = "2018年全市政务公开工作新闻发布会",
                Topic = "解读《2018年政务公开工作要点》：重点领域信息公开、政策解读和回应关切、政务公开标准化规范化试点。",
                Venue = "市政务服务中心三楼会议室", StartsAt = startsAt,
                Speakers = "张志强 市人民政府秘书长（演示）\n刘芳 市人民政府办公室政务公开科科长（演示）",
                FirstInterpreter = "张志强", Stage = PressConferenceRules.Code(PressStage.Held),
                Transcript = string.Join('\n',
                    "主持人：今天我们请市政府秘书长介绍今年全市政务公开工作的重点任务。",
                    "张志强：今年的工作要点围绕重大建设项目、公共资源配置、社会公益事业等重点领域推进信息公开，要求重要政策文件与解读材料同步组织、同步审签、同步部署。",
                    "刘芳：我们将在两个县开展基层政务公开标准化规范化试点，编制各领域标准目录，逐项明确公开内容、公开时限和公开渠道。",
                    "记者：政策解读怎样让群众看得懂？",
                    "张志强：我们要求主要负责同志带头解读，多用图表图解、音频视频等形式，对群众关心的问题及时回应。",
                    "主持人：谢谢各位，发布会到此结束。"),
                VideoUrl = null, RelatedIndexNos = w.IndexNo,
                CreatedAt = startsAt.AddDays(-3), CreatedBy = staff, ScheduledAt = startsAt.AddDays(-2), ScheduledBy = staff, HeldAt = startsAt.AddHours(1.5), UpdatedAt = now,
            });
        }

        var nextStart = ChinaTime.StartOfDay(today.AddDays(7)).AddHours(10);
        conferences.Add(new PressConference
        {
            BodyId = body.Id, Title = "2027年城乡居民基本医疗保险参保缴费新闻发布会",
            Topic = "介绍2027年度城乡居民基本医疗保险的缴费标准、缴费时间和渠道，以及门诊共济和大病保险待遇的调整。",
            Venue = "市政府新闻发布厅", StartsAt = nextStart,
            Speakers = "赵红梅 市医疗保障局局长（演示）\n孙立 市税务局社会保险费科科长（演示）",
            FirstInterpreter = "赵红梅", Stage = PressConferenceRules.Code(PressStage.Scheduled),
            CreatedAt = now, CreatedBy = staff, ScheduledAt = now, ScheduledBy = staff, UpdatedAt = now,
        });
        db.Set<PressConference>().AddRange(conferences);
        await db.SaveChangesAsync(cancellationToken);
    }
}
