using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Platform.Web;

/// <summary>Named rate-limit policies. Sign-in and token creation are limited per client address.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";

    /// <summary>Sign-in attempts a client address may make per minute: <c>Gongkai:Staff:SignInAttemptsPerMinute</c>,
    /// 10 unless set (an office whose staff share one address may need more).</summary>
    private static int SignInAttemptsPerMinute(HttpContext context) =>
        Math.Max(1, context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Gongkai:Staff:SignInAttemptsPerMinute", 10));

    internal static void AddGongkaiRateLimiting(this IServiceCollection services) => services.AddRateLimiter(limiter =>
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        // Only attempts count: showing the sign-in form (GET) is free, so staff behind one office NAT are not
        // locked out of the form by each other's page loads.
        limiter.AddPolicy(SignIn, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("form")
            : RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = SignInAttemptsPerMinute(context), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        limiter.OnRejected = async (context, cancellationToken) =>
        {
            var http = context.HttpContext;
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await Results.Problem(title: "请求过于频繁", detail: "尝试次数过多，请一分钟后再试。", statusCode: 429)
                    .ExecuteAsync(http);
            }
            else
            {
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync("尝试次数过多，请一分钟后再试。", cancellationToken);
            }
        };
    });
}
