using Gongkai.Platform.Data;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongkai.Participation;

/// <summary>公众参与 (issue 14): consultations on drafts (意见征集) with minimum periods on the site's calendar, moderated
/// comments masked by the safeguards, and feedback that answers every comment with a decision and, where not adopted,
/// a reason; surveys (网上调查) answered once per browser with their results published as accessible charts; online interviews (在线访谈) with a live transcript; meetings with public seats (公众列席) filled by a reproducible draw.</summary>
internal static class ParticipationModule
{
    public static WebApplicationBuilder AddParticipation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddParticipationPermissions();
        services.AddConsoleMenuEntry(110, "意见征集", "/admin/consultations", ParticipationPermissions.View,
            "起草和公布征求意见稿，登记线下意见，审核意见，逐条反馈采纳情况。");
        services.AddScoped<ConsultationDesk>();
        services.AddScoped<Gongkai.Platform.Inspection.IInteractionCensus, ConsultationInteractionCensus>();
        services.AddScoped<ConsultationAttachmentDesk>();
        services.AddScoped<SurveyDesk>();
        services.AddSingleton<SurveyCounts>();
        services.AddConsoleMenuEntry(111, "网上调查", "/admin/surveys", ParticipationPermissions.View,
            "起草调查问卷，审核文字回答，调查结束后公布结果，导出答卷。");
        services.AddScoped<InterviewDesk>();
        services.AddConsoleMenuEntry(112, "在线访谈", "/admin/interviews", ParticipationPermissions.View,
            "筹备和发布在线访谈，选用网民提问，记录嘉宾回答，归档访谈实录、图片和相关文件。");
        services.AddScoped<MeetingDesk>();
        services.AddConsoleMenuEntry(113, "公众列席", "/admin/meetings", ParticipationPermissions.View,
            "发布公众列席会议公告，核验报名人身份，公开抽签确定列席人员，会后记录出席情况和意见。");
        // The document page links the consultation that produced the document (Publishing declares the contract).
        services.Replace(ServiceDescriptor.Scoped<Publishing.Contracts.IDocumentConsultations, DocumentConsultations>());
        // 公平竞争审查: Publishing declares the 终审 condition, this module keeps the marks and reviews and contributes it.
        services.AddFairCompetitionPermissions();
        services.AddScoped<FairCompetitionDesk>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<Publishing.Contracts.IFinalReviewCondition, FairCompetitionCondition>());
        services.AddConsoleMenuEntry(112, "公平竞争审查", "/admin/fair-competition", FairCompetitionPermissions.View,
            "涉及市场主体经济活动的文件终审前逐项审查，按年度查看本单位的审查记录。");
        services.AddScoped<IStartupSeeder, Demo.DemoConsultationSeeder>();
        services.AddScoped<IStartupSeeder, Demo.DemoSurveySeeder>();
        services.AddScoped<IStartupSeeder, Demo.DemoInterviewSeeder>();
        services.AddScoped<IStartupSeeder, Demo.DemoMeetingSeeder>();
        var perMinute = builder.Configuration.GetValue("Gongkai:Participation:CommentsPerMinute", ParticipationRateLimits.DefaultPerMinute);
        services.Configure<RateLimiterOptions>(limiter => ParticipationRateLimits.Add(limiter, perMinute));
        return builder;
    }

    public static WebApplication MapParticipation(this WebApplication app)
    {
        app.MapConsultationsApi();
        app.MapConsultationFeed();
        app.MapSurveysApi();
        app.MapInterviewsApi();
        app.MapMeetingsApi();
        app.MapFairCompetitionApi();
        return app;
    }
}
