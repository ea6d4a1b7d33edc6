namespace Gongkai.Staff;

/// <summary>
/// API writes authenticated by the staff cookie must come from this site's own pages: a form or script on another site
/// could otherwise make a signed-in officer's browser post to the API (SameSite=Lax alone does not stop a sibling
/// subdomain or an old browser). Browsers say where a request comes from (<c>Origin</c>, <c>Sec-Fetch-Site</c>); a
/// cross-site one is refused with 403. Requests without those headers do not come from a browser page, and bearer
/// tokens are never sent by a browser on its own, so both are unaffected.
/// </summary>
internal static class CrossSiteWriteGuard
{
    public static WebApplication UseCrossSiteWriteGuard(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (IsCookieApiWrite(context.Request) && IsCrossSite(context.Request))
            {
                await StaffProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "跨站请求被拒绝",
                    "以登录 Cookie 调用接口的写操作只接受本网站页面发起的请求。脚本和其他系统请使用个人访问令牌（Authorization: Bearer gk_…）。");
                return;
            }

            await next();
        });
        return app;
    }

    private static bool IsCookieApiWrite(HttpRequest request) =>
        StaffProblems.IsApiRequest(request)
        && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        && !request.Headers.Authorization.Any(value => value?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true)
        && request.Cookies.ContainsKey(IdentityRegistration.CookieName);

    /// <summary>True when the browser says the request comes from another origin.</summary>
    public static bool IsCrossSite(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length > 0 && site is not ("same-origin" or "none");
    }
}
