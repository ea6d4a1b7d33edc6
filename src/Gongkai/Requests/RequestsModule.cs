using Gongkai.Staff;
using Gongkai.Platform.Web;
using Gongkai.Platform.Jobs;
using System.Threading.RateLimiting;
using Gongkai.Platform.Data;
using Gongkai.Requests.Admin;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Requests;

/// <summary>Rate limits for the public request endpoints, per client address: filing and tracking are open to
/// anyone, so guessing codes or flooding a body's queue must be slow.</summary>
public static class RequestRateLimits
{
    public const string Apply = "requests-apply";
    public const string Track = "requests-track";

    internal static void Add(RateLimiterOptions limiter, int applyPerMinute, int trackPerMinute)
    {
        limiter.AddPolicy(Apply, context => HttpMethods.IsGet(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("form")
            : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = applyPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        limiter.AddPolicy(Track, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = trackPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }
}

/// <summary>依申请公开: applications, the statutory clock, coded replies.</summary>
internal static class RequestsModule
{
    public static WebApplicationBuilder AddRequests(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRequestsPermissions();
        services.AddConsoleMenuEntry(70, "依申请公开", "/admin/requests", RequestsPermissions.HandleRequests, "登记和办理政府信息公开申请，按法定期限答复。");
        services.AddConsoleMenuEntry(80, "依申请公开统计", "/admin/requests/statistics", Permissions.Staff, "年度报告表三（申请办理结果）和表四（行政复议、行政诉讼），含勾稽关系核对。");
        services.AddConsoleMenuEntry(90, "依申请公开记录（只读）", "/admin/requests/records", Permissions.ViewAudit, "审计员查阅本机关依申请公开的办理记录和操作记录。");
        services.AddScoped<RequestDesk>();
        services.AddScoped<RequestStatistics>();
        services.AddScoped<RequestCaseWork>();
        services.AddScoped<RequestReplyFiles>();
        services.Configure<RequestOptions>(builder.Configuration.GetSection("Requests"));
        services.AddScoped<RequestReminderJob>();
        services.AddRecurringJob<RequestReminderJob>();
        services.AddScoped<Gongkai.Calendar.IOpenClockCensus, RequestClockCensus>();
        services.AddChangeLogFollower<DeadlineRecomputer>();
        services.AddScoped<IDataBackfill, RequestClosingBackfill>();
        var applyPerMinute = builder.Configuration.GetValue("Requests:ApplyPerMinute", 20);
        var trackPerMinute = builder.Configuration.GetValue("Requests:TrackPerMinute", 30);
        services.Configure<RateLimiterOptions>(limiter => RequestRateLimits.Add(limiter, applyPerMinute, trackPerMinute));
        return builder;
    }

    public static WebApplication MapRequests(this WebApplication app)
    {
        app.MapRequestsApi();
        app.MapLetterPdf();
        return app;
    }
}
