using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Gongkai.Platform.Web;

/// <summary>
/// One limit for request bodies (<c>Gongkai:Limits:MaxRequestBodyBytes</c>, default 2 MiB): Kestrel enforces it on
/// every body, and requests that announce a larger Content-Length are answered at once with a clear 413 —
/// problem details for the API, a Chinese message for pages. Endpoints that take uploads raise it for themselves
/// with <c>[RequestSizeLimit]</c>.
/// </summary>
internal static class RequestSizeLimit
{
    public const long DefaultMaxRequestBodyBytes = 2 * 1024 * 1024;

    public static void AddGongkaiRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limit = configuration.GetValue("Gongkai:Limits:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes);
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = limit);
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = limit);
    }

    public static IApplicationBuilder UseGongkaiRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // An endpoint's own [RequestSizeLimit] wins; otherwise the server-wide limit (the test host has no Kestrel
        // feature, so fall back to the configured value).
        long? limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } endpointLimit
            ? endpointLimit.MaxRequestBodySize
            : context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
              ?? context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Gongkai:Limits:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes);

        if (context.Request.ContentLength is { } length && limit is { } max && length > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            var detail = $"提交的内容过大（{length / 1024} KB），上限为 {max / 1024} KB。";
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await Results.Problem(title: "提交的内容过大", detail: detail, statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
            }
            else
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(detail + "请缩减后重新提交。");
            }

            return;
        }

        await next(context);
    });
}
