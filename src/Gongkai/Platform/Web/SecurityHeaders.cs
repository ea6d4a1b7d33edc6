namespace Gongkai.Platform.Web;

internal static class SecurityHeaders
{
    /// <summary>Pages use only same-origin scripts, styles and images; no page may be framed by another site.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The policy, with the configured 党政机关网站标识's origin (https only) allowed as an image source.</summary>
    internal static string PolicyFor(string? partyGovernmentMarkImageUrl) =>
        Uri.TryCreate(partyGovernmentMarkImageUrl, UriKind.Absolute, out var image) && image.Scheme == Uri.UriSchemeHttps
            ? ContentSecurityPolicy.Replace("img-src 'self' data:", $"img-src 'self' data: {image.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal)
            : ContentSecurityPolicy;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = PolicyFor(app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<GongkaiOptions>>().Value.Site.PartyGovernmentMarkImageUrl);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                return Task.CompletedTask;
            });
            await next(context);
        });
    }
}
