using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Participation;

/// <summary>Commenting is open to anyone: per client address, a few comments a minute (reading and the form are free).</summary>
public static class ParticipationRateLimits
{
    public const string Comment = "consultation-comment";

    /// <summary>Comments one client address may send per minute unless <c>Gongkai:Participation:CommentsPerMinute</c> says otherwise.</summary>
    public const int DefaultPerMinute = 10;

    internal static void Add(RateLimiterOptions limiter, int perMinute) =>
        limiter.AddPolicy(Comment, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("form")
            : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
}
