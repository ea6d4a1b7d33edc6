using Gongkai.Organizations;
using Gongkai.Organizations.Demo;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Data;
using Gongkai.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Participation.Demo;

/// <summary>
/// In demo mode, gives the demo city two surveys of its municipal government: one open now and one closed with its
/// results published (a few dozen fictional responses, so the charts have something to show). All of it is FICTIONAL
/// and marked <c>IsDemo</c>; the dates follow today.
/// </summary>
internal sealed class DemoSurveySeeder : IStartupSeeder
{
    /// <summary>After the bodies (10), the demo accounts (20) and the demo consultations (45).</summary>
    public int Order => 46;

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        if (!demo || await db.Set<Survey>().AnyAsync(cancellationToken))
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

        var open = new Survey
        {
            BodyId = body.Id, Title = "2026年绵阳市公共文化服务满意度网上调查",
            Description = "为了解市民对图书馆、文化馆、博物馆等公共文化服务的评价，改进服务，特开展本次调查。调查不记录您的个人身份，结果将在调查结束后公布。",
            OpensOn = today.AddDays(-3), ClosesOn = today.AddDays(20), Stage = SurveyVocabulary.Code(SurveyStage.Opened),
            CreatedAt = now, CreatedBy = staff, OpenedAt = now, OpenedBy = staff, UpdatedAt = now, IsDemo = true,
        };
        var published = new Survey
        {
            BodyId = body.Id, Title = "城区公交线网优化方案网上调查",
            Description = "就城区公交线网优化方案征求市民意见，调查结果作为线网调整的参考。",
            OpensOn = today.AddDays(-60), ClosesOn = today.AddDays(-30), Stage = SurveyVocabulary.Code(SurveyStage.ResultsPublished),
            ResultsSummary = "调查结果已提交市交通运输局，作为线网调整的参考。",
            CreatedAt = now, CreatedBy = staff, OpenedAt = now, OpenedBy = staff, ResultsPublishedAt = now, ResultsPublishedBy = staff, UpdatedAt = now, IsDemo = true,
        };
        db.Set<Survey>().AddRange(open, published);
        await db.SaveChangesAsync(cancellationToken);

        db.Set<SurveyQuestion>().AddRange(
            Question(open, 1, "您最常使用哪一项公共文化服务？", QuestionKind.SingleChoice, true, "图书馆", "文化馆", "博物馆", "社区文化活动室"),
            Question(open, 2, "您希望增加哪些服务？", QuestionKind.MultipleChoice, false, "延长开放时间", "更多线上资源", "更多亲子活动", "更多讲座展览"),
            Question(open, 3, "您对公共文化服务的总体评价", QuestionKind.Scale, true),
            Question(open, 4, "其他意见和建议", QuestionKind.Text, false));
        var lines = Question(published, 1, "您平时乘坐公交的频率", QuestionKind.SingleChoice, true, "每天", "每周几次", "很少乘坐");
        var wishes = Question(published, 2, "您最希望优化的方面（可多选）", QuestionKind.MultipleChoice, true, "缩短发车间隔", "增加夜间线路", "优化换乘", "增设站点");
        var comments = Question(published, 3, "对线网优化的其他建议", QuestionKind.Text, false);
        db.Set<SurveyQuestion>().AddRange(lines, wishes, comments);
        await db.SaveChangesAsync(cancellationToken);

        // 36 fictional responses spread over the options in a fixed pattern (the same every start).
        for (var n = 0; n < 36; n++)
        {
            var response = new SurveyResponse { SurveyId = published.Id, KeyHash = SurveyDesk.HashKey($"demo-{n}"), CreatedAt = now };
            db.Set<SurveyResponse>().Add(response);
            await db.SaveChangesAsync(cancellationToken);
            db.Set<SurveyAnswer>().Add(new SurveyAnswer { SurveyId = published.Id, ResponseId = response.Id, QuestionId = lines.Id, Option = n % 6 < 3 ? 1 : n % 6 < 5 ? 2 : 3 });
            db.Set<SurveyAnswer>().Add(new SurveyAnswer { SurveyId = published.Id, ResponseId = response.Id, QuestionId = wishes.Id, Option = 1 });
            if (n % 3 == 0)
            {
                db.Set<SurveyAnswer>().Add(new SurveyAnswer { SurveyId = published.Id, ResponseId = response.Id, QuestionId = wishes.Id, Option = 2 });
            }

            if (n % 4 == 0)
            {
                db.Set<SurveyAnswer>().Add(new SurveyAnswer { SurveyId = published.Id, ResponseId = response.Id, QuestionId = wishes.Id, Option = 3 });
            }

            if (n % 9 == 0)
            {
                db.Set<SurveyAnswer>().Add(new SurveyAnswer { SurveyId = published.Id, ResponseId = response.Id, QuestionId = wishes.Id, Option = 4 });
            }

            if (n is 2 or 7)
            {
                var text = n == 2 ? "建议高新区到火车站增开一条快线。" : "希望夜间线路运营到晚上十一点。";
                db.Set<SurveyAnswer>().Add(new SurveyAnswer
                {
                    SurveyId = published.Id, ResponseId = response.Id, QuestionId = comments.Id, Text = text, PublicText = ConsultationDesk.PublicText(text, "", "", today), Moderation = "shown",
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static SurveyQuestion Question(Survey survey, int position, string text, QuestionKind kind, bool required, params string[] options) => new()
    {
        SurveyId = survey.Id,
        Position = position,
        Text = text,
        Kind = SurveyVocabulary.Code(kind),
        Required = required,
        Options = string.Join('\n', kind == QuestionKind.Scale && options.Length == 0 ? SurveyRules.DefaultScale : options),
    };
}
