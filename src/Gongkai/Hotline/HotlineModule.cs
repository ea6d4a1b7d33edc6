using Gongkai.Hotline.Open311;
using Gongkai.Platform.Cli;
using Gongkai.Platform.Data;
using Gongkai.Platform.Http;
using Gongkai.Platform.Jobs;
using Gongkai.Platform.Web;

namespace Gongkai.Hotline;

/// <summary>The 12345 hotline: tickets from every channel, routing, dispatch and handling on working-day limits,
/// evaluation and reopening, and Open311 GeoReport v2 for other clients.</summary>
public static class HotlineModule
{
    public static IEnumerable<AdminVerb> AdminVerbs { get; } = [new AdminVerb("open311", Open311Commands.Create)];

    public static WebApplicationBuilder AddHotline(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHotlinePermissions();
        services.AddConsoleMenuEntry(100, "12345热线工单", "/admin/hotline", HotlinePermissions.View, "受理来电和网上诉求，派单、签收、办结、回访，按工作日时限督办。");
        services.AddConsoleMenuEntry(101, "12345知识库", "/admin/hotline/knowledge", HotlinePermissions.View, "话务员当场答复常见问题的口径和依据，检索后以“直接答复”办结工单。");
        services.AddConsoleMenuEntry(103, "12345分类、时限和派单规则", "/admin/hotline/settings", HotlinePermissions.Configure, "维护诉求分类树、各分类和紧急程度的办理时限，以及分类 × 区县 → 承办单位的派单规则。");
        services.AddConsoleMenuEntry(102, "12345典型案例", "/admin/hotline/cases", HotlinePermissions.Operate, "从已办结工单中选取典型案例，经安全检查无个人信息后在公开统计页发布。");
        services.AddConsoleMenuEntry(104, "12345短信发件箱", "/admin/hotline/sms", HotlinePermissions.Operate, "办结后发给来电人的评价链接短信；未配置短信网关时只记录、不发出。");
        services.AddConsoleMenuEntry(105, "Open311 应用密钥", "/admin/hotline/open311-keys", HotlinePermissions.Configure, "为接入 Open311 GeoReport v2 接口的应用签发和撤销密钥。");
        services.Configure<HotlineOptions>(builder.Configuration.GetSection("Hotline"));
        services.AddScoped<HotlineDesk>();
        services.AddScoped<HotlineAttachments>();
        services.Configure<HotlineSmsOptions>(builder.Configuration.GetSection(HotlineSmsOptions.Section));
        services.AddOutboundHttpClient(HttpSmsGateway.ClientName);
        // Without a gateway the messages are only recorded in the outbox (the console shows them).
        services.AddScoped<ISmsSender>(provider => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<HotlineSmsOptions>>().Value.IsConfigured
            ? ActivatorUtilities.CreateInstance<HttpSmsGateway>(provider)
            : new RecordingSmsSender());
        services.AddScoped<HotlineSms>();
        services.AddJobHandler<HotlineSmsDelivery>();
        services.AddScoped<Gongkai.Platform.Inspection.IInteractionCensus, HotlineInteractionCensus>();
        services.AddScoped<HotlineKnowledge>();
        services.AddScoped<HotlineConfiguration>();
        services.AddScoped<HotlineCases>();
        services.AddSingleton<KnowledgeIndex>();
        services.AddSingleton<PublicPhotoCache>();
        services.AddScoped<Open311Keys>();
        services.AddScoped<IStartupSeeder, HotlineSeeder>();
        services.AddScoped<HotlineStatistics>();
        services.AddScoped<HotlineSupervisionJob>();
        services.AddRecurringJob<HotlineSupervisionJob>();
        return builder;
    }

    public static WebApplication MapHotline(this WebApplication app)
    {
        app.MapHotlineApi();
        app.MapOpen311();
        return app;
    }
}
