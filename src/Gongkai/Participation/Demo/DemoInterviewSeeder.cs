using Gongkai.Organizations;
using Gongkai.Organizations.Demo;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Data;
using Gongkai.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Participation.Demo;

/// <summary>
/// In demo mode, gives the demo city two online interviews of its municipal government: one archived with its
/// transcript (three answered questions, one set aside) and one announced for next week, taking questions. All of it
/// is FICTIONAL and marked <c>IsDemo</c>; the dates follow today.
/// </summary>
internal sealed class DemoInterviewSeeder : IStartupSeeder
{
    /// <summary>After the bodies (10), the demo accounts (20), consultations (45) and surveys (46).</summary>
    public int Order => 47;

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        if (!demo || await db.Set<Interview>().AnyAsync(cancellationToken))
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
        var pastStart = ChinaTime.StartOfDay(today.AddDays(-20)).AddHours(15);
        var archived = new Interview
        {
            BodyId = body.Id, Title = "解读《城区老旧小区改造三年行动方案》",
            Guests = "市住房和城乡建设局局长（演示）\n市住房和城乡建设局城建科科长（演示）",
            Summary = "围绕老旧小区改造的范围、资金来源、居民意愿征集和施工期间的出行安排，回答网民关心的问题。",
            StartsAt = pastStart, EndsAt = pastStart.AddHours(1.5), Stage = InterviewRules.Code(InterviewStage.Archived),
            CreatedAt = now, CreatedBy = staff, AnnouncedAt = now, AnnouncedBy = staff, ArchivedAt = now, UpdatedAt = now, IsDemo = true,
        };
        var nextStart = ChinaTime.StartOfDay(today.AddDays(7)).AddHours(10);
        var upcoming = new Interview
        {
            BodyId = body.Id, Title = "2027年城乡居民基本医疗保险参保缴费政策解读",
            Guests = "市医疗保障局副局长（演示）",
            Summary = "介绍2027年度城乡居民医保的缴费标准、缴费渠道和待遇变化。欢迎网民提前提问。",
            StartsAt = nextStart, EndsAt = nextStart.AddHours(1), Stage = InterviewRules.Code(InterviewStage.Announced),
            CreatedAt = now, CreatedBy = staff, AnnouncedAt = now, AnnouncedBy = staff, UpdatedAt = now, IsDemo = true,
        };
        db.Set<Interview>().AddRange(archived, upcoming);
        await db.SaveChangesAsync(cancellationToken);

        var guest = "市住房和城乡建设局局长（演示）";
        db.Set<InterviewQuestion>().AddRange(
            Answered(archived, 1, "网友“老城居民”", "我们小区是1995年建成的，能纳入改造吗？怎么申请？", guest,
                "2000年底前建成、基础设施老化的城镇小区都在改造范围内。由社区汇总居民意愿后向街道申报，改造计划每年向社会公布。", pastStart.AddMinutes(10)),
            Answered(archived, 2, null, "改造要居民出钱吗？", guest,
                "以财政资金为主，居民按“谁受益、谁出资”的原则适当分担，例如加装电梯。具体方案经小区居民协商确定。", pastStart.AddMinutes(25)),
            Answered(archived, 3, "网友“上班族”", "施工期间小区道路会封闭吗？", "市住房和城乡建设局城建科科长（演示）",
                "施工单位须提前公示施工计划，分段施工，保留至少一条通道，夜间不安排产生噪声的作业。", pastStart.AddMinutes(40)),
            new InterviewQuestion
            {
                InterviewId = archived.Id, Contact = "demo@example.invalid", Text = "请问公积金贷款额度是多少？", PublicText = "请问公积金贷款额度是多少？",
                CreatedAt = pastStart, State = InterviewRules.Code(QuestionState.Declined),
            },
            new InterviewQuestion
            {
                InterviewId = upcoming.Id, Name = "网友“新手妈妈”", Contact = "demo@example.invalid", Text = "新生儿什么时候可以参保？", PublicText = "新生儿什么时候可以参保？",
                CreatedAt = now,
            });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static InterviewQuestion Answered(Interview interview, int position, string? name, string text, string guest, string answer, DateTimeOffset at) => new()
    {
        InterviewId = interview.Id, Name = name, Contact = "demo@example.invalid", Text = text, PublicText = text, CreatedAt = at.AddMinutes(-30),
        State = InterviewRules.Code(QuestionState.Answered), AnsweredBy = guest, Answer = answer, AnsweredAt = at, RecordedBy = "演示数据", Position = position,
    };
}
