using Gongkai.Organizations;
using Gongkai.Organizations.Demo;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Data;
using Gongkai.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Participation.Demo;

/// <summary>
/// In demo mode, gives the demo city two consultations of its municipal government: one open now (a normative
/// document with two alternatives, a few moderated comments) and one closed with its feedback published (two online
/// comments and a letter; one group adopted, one not adopted with its reason). All of it is FICTIONAL and marked
/// <c>IsDemo</c>; the dates follow today, so the open one stays open whenever the demo starts.
/// </summary>
internal sealed class DemoConsultationSeeder : IStartupSeeder
{
    /// <summary>After the bodies (10) and the demo accounts (20).</summary>
    public int Order => 45;

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        if (!demo || await db.Set<Consultation>().AnyAsync(cancellationToken))
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

        var open = new Consultation
        {
            BodyId = body.Id,
            Title = "关于《绵阳市城区犬只管理规定（征求意见稿）》公开征求意见的公告",
            Kind = ConsultationVocabulary.Code(ConsultationKind.NormativeDocument),
            DraftHtml = "<h2>绵阳市城区犬只管理规定（征求意见稿）</h2><p><strong>第一条</strong>　为规范城区犬只管理，保障公民人身安全和环境卫生，制定本规定。</p>"
                + "<p><strong>第二条</strong>　本规定适用于本市城区范围内犬只的饲养、登记、免疫和管理。</p>"
                + "<p><strong>第三条</strong>　携犬出户应当束犬链，犬链长度不得超过1.5米，并主动避让行人。</p>"
                + "<p><strong>第四条</strong>　重点管理区内禁止饲养烈性犬、大型犬（具体范围见方案一、方案二）。</p>",
            ExplanationHtml = "<p>近年来城区犬只数量增长较快，犬只伤人和扰民投诉增多。为此起草本规定，重点明确携犬出户、犬只登记和重点管理区范围。关于重点管理区范围提出两个方案，欢迎就方案选择提出意见。</p>",
            Options = "重点管理区为三环路以内区域\n重点管理区为涪城区、游仙区全部建成区",
            HowToComment = "信函：绵阳市人民政府办公室（信封注明“犬只管理意见”）；电子邮箱：yijian@example.gov.cn（演示）；电话：0816-0000000（工作日 9:00—17:00）。",
            OpensOn = today.AddDays(-2),
            ClosesOn = today.AddDays(25),
            Stage = ConsultationVocabulary.Code(ConsultationStage.Opened),
            CreatedAt = now,
            CreatedBy = staff,
            OpenedAt = now,
            OpenedBy = staff,
            UpdatedAt = now,
            IsDemo = true,
        };
        var closed = new Consultation
        {
            BodyId = body.Id,
            Title = "关于《绵阳市城市公共自行车管理办法（征求意见稿）》公开征求意见的公告",
            Kind = ConsultationVocabulary.Code(ConsultationKind.Rule),
            DraftHtml = "<h2>绵阳市城市公共自行车管理办法（征求意见稿）</h2><p><strong>第一条</strong>　为规范公共自行车的运营和使用，方便市民绿色出行，制定本办法。</p>"
                + "<p><strong>第二条</strong>　公共自行车首小时免费，超出部分每小时收费1元。</p><p><strong>第三条</strong>　运营单位应当每日巡查站点，及时调度车辆。</p>",
            ExplanationHtml = "<p>为解决市民“最后一公里”出行问题，市政府拟出台本办法，明确收费标准、站点布设和运营单位责任。</p>",
            HowToComment = "信函：绵阳市人民政府办公室；电子邮箱：yijian@example.gov.cn（演示）。",
            OpensOn = today.AddDays(-80),
            ClosesOn = today.AddDays(-45),
            Stage = ConsultationVocabulary.Code(ConsultationStage.FeedbackPublished),
            FeedbackSummary = "征求意见期间共收到意见3条（网上2条、信函1条）。经认真研究，采纳1条，不予采纳2条，具体情况如下。",
            CreatedAt = now,
            CreatedBy = staff,
            OpenedAt = now,
            OpenedBy = staff,
            FeedbackSavedAt = now,
            FeedbackPublishedAt = now,
            FeedbackPublishedBy = staff,
            UpdatedAt = now,
            IsDemo = true,
        };
        db.Set<Consultation>().AddRange(open, closed);
        await db.SaveChangesAsync(cancellationToken);

        var adopted = new FeedbackGroup { ConsultationId = closed.Id, Position = 1, Decision = "adopted", Summary = "建议在学校和医院周边增设站点。" };
        var notAdopted = new FeedbackGroup
        {
            ConsultationId = closed.Id, Position = 2, Decision = "not-adopted", Summary = "建议全天免费使用。",
            Reason = "公共自行车的调度和维护需要稳定的运营经费，首小时免费已能满足绝大多数短途出行；全天免费易造成车辆长时间占用，其他市民无车可用。",
        };
        db.Set<FeedbackGroup>().AddRange(adopted, notAdopted);
        await db.SaveChangesAsync(cancellationToken);

        db.Set<ConsultationComment>().AddRange(
            Comment(open, "王先生", "13800000101", "建议犬链长度的规定同时写明夜间遛犬应佩戴发光项圈，方便行人和车辆看见。", "第三条", null, "online", open.OpensOn, "shown"),
            Comment(open, null, "demo-citizen@example.com", "支持方案一。三环以内人口密集，先在这一范围管理更可行。", "第四条", 1, "online", open.OpensOn.AddDays(1), "shown"),
            Comment(open, "李女士", "13800000102", "希望增加犬只免费登记和免疫的服务点。", null, null, "online", open.OpensOn.AddDays(1), "pending"),
            Comment(closed, "张先生", "13800000103", "建议在学校和医院周边增设站点，方便接送孩子和看病。", "第三条", null, "online", closed.OpensOn.AddDays(3), "shown", adopted.Id),
            Comment(closed, null, "13800000104", "建议公共自行车全天免费，鼓励绿色出行。", "第二条", null, "online", closed.OpensOn.AddDays(5), "shown", notAdopted.Id),
            Comment(closed, "某社区居民", "涪城区某社区", "来信建议：全天免费使用公共自行车。", "第二条", null, "letter", closed.OpensOn.AddDays(10), "shown", notAdopted.Id, staff));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ConsultationComment Comment(Consultation c, string? name, string contact, string text, string? clause, int? option, string channel,
        DateOnly receivedOn, string moderation, int? group = null, string? recordedBy = null) => new()
    {
        ConsultationId = c.Id,
        Name = name,
        Contact = contact,
        Text = text,
        PublicText = ConsultationDesk.PublicText(text, name ?? "", contact, receivedOn),
        Clause = clause,
        Option = option,
        Channel = channel,
        ReceivedOn = receivedOn,
        CreatedAt = c.CreatedAt,
        RecordedBy = recordedBy,
        Moderation = moderation,
        GroupId = group,
    };
}
