using Gongkai.Platform.Data;
using Gongkai.Platform.Http;
using Gongkai.Platform.Jobs;
using Gongkai.Platform.Web;

namespace Gongkai.Oversight;

/// <summary>Oversight (issue 18): the year's work plan tracked task by task with quarterly progress and a public
/// status page; public-opinion items with the clocks of 国办发〔2016〕61号; the website's self-inspection computed
/// from the site's own catalogue and documents; the annual report (政府信息公开工作年度报告) generated from the data,
/// checked, frozen and published as a document of the body through the three-stage review.</summary>
internal static class OversightModule
{
    public static WebApplicationBuilder AddOversight(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOversightPermissions();
        services.AddConsoleMenuEntry(120, "工作要点", "/admin/oversight/workplan", OversightPermissions.ViewInspection,
            "导入年度政务公开工作要点，逐项查看牵头单位、责任单位和期限，报送季度进展。");
        services.AddConsoleMenuEntry(121, "政务舆情", "/admin/oversight/opinions", OversightPermissions.HandleOpinions,
            "登记政务舆情，按国办发〔2016〕61号计时：重大突发事件5小时内发布权威信息、24小时内召开新闻发布会，其他48小时内回应。");
        services.AddScoped<WorkPlanDesk>();
        services.AddScoped<OpinionDesk>();
        services.AddScoped<SiteInspection>();
        services.AddConsoleMenuEntry(122, "网站自查", "/admin/oversight/inspection", OversightPermissions.ViewInspection,
            "按国办秘函〔2019〕19号从本站数据自查：各栏目最近更新日期、超期未更新和空白栏目、单项否决和得分。");
        services.AddScoped<AnnualReportDesk>();
        services.AddConsoleMenuEntry(123, "年度报告", "/admin/oversight/annual-reports", OversightPermissions.ViewInspection,
            "从本站数据生成政府信息公开工作年度报告（2021年格式），校验勾稽关系，冻结数据后按三审发布；部门1月31日前、政府3月31日前。");
        services.AddScoped<DailyReadingDesk>();
        services.AddConsoleMenuEntry(124, "每日读网", "/admin/oversight/reading", OversightPermissions.ReadSite,
            "按值班表每天由一人阅读本单位上次读网以来新发布的内容，逐条标记已读或提出问题，问题通知发布人，记录留存。");
        services.AddScoped<AnnualReportReminderJob>();
        services.AddRecurringJob<AnnualReportReminderJob>();
        services.AddOptions<AvailabilityOptions>().BindConfiguration(AvailabilityOptions.Section);
        // The guarded outbound client, with the probe's own allow-list (loopback by default) added for this client only.
        services.AddOutboundHttpClient(AvailabilityProbeJob.ClientName).ConfigureHttpClient(client =>
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd("Gongkai-Availability/1.0");
            client.Timeout = Timeout.InfiniteTimeSpan; // the job's own 15 s limit governs
        }).ConfigurePrimaryHttpMessageHandler(provider => OutboundHttp.CreateHandler(new ProbeOutboundOptions(
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<OutboundHttpOptions>>(),
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<AvailabilityOptions>>())));
        services.AddScoped<AvailabilityProbeJob>();
        services.AddRecurringJob<AvailabilityProbeJob>();
        services.AddScoped<ColumnAlertJob>();
        services.AddRecurringJob<ColumnAlertJob>();
        services.AddScoped<CalendarReadiness>();
        services.AddScoped<CalendarReadinessJob>();
        services.AddRecurringJob<CalendarReadinessJob>();
        services.AddScoped<IConsoleBanner, CalendarReadinessBanner>();
        services.AddScoped<IStartupSeeder, Demo.DemoOversightSeeder>();
        return builder;
    }

    public static WebApplication MapOversight(this WebApplication app)
    {
        app.MapOversightApi();
        app.MapAnnualReportApi();
        return app;
    }
}
