using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Participation;

/// <summary>Commenting is open to anyone: per client address, a few comments or survey answers a minute, each counted apart (reading and the form are free).</summary>
public static class ParticipationRateLimits
{
    public const string Comment = "consultation-comment";

    /// <summary>Survey answers, per client address (one browser answers once; this stops one address sending many).</summary>
    public const string SurveyResponse = "survey-response";

    /// <summary>Questions to an online interview, per client address (the same limit as comments).</summary>
    public const string InterviewQuestion = "interview-question";

    /// <summary>Applications for a public seat, per client address (the same limit as comments).</summary>
    public const string SeatApplication = "seat-application";

    /// <summary>Comments one client address may send per minute unless <c>Gongkai:Participation:CommentsPerMinute</c> says otherwise.</summary>
    public const int DefaultPerMinute = 10;

    internal static void Add(RateLimiterOptions limiter, int perMinute)
    {
        AddPolicy(limiter, Comment, perMinute);
        AddPolicy(limiter, SurveyResponse, perMinute);
        AddPolicy(limiter, InterviewQuestion, perMinute);
        AddPolicy(limiter, SeatApplication, perMinute);
    }

    private static void AddPolicy(RateLimiterOptions limiter, string name, int perMinute) =>
        limiter.AddPolicy(name, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("form")
            : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
}
