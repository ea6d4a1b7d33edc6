using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Publishing.Checks.LeakReports;

/// <summary>Filing a leak report is open to anyone: per client address, a few reports a minute (the form itself is free).</summary>
public static class LeakReportRateLimits
{
    public const string File = "leak-report-file";

    internal static void Add(RateLimiterOptions limiter, int perMinute) =>
        limiter.AddPolicy(File, context => HttpMethods.IsGet(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("form")
            : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
}
