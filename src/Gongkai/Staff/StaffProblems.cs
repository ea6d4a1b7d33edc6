namespace Gongkai.Staff;

/// <summary>Problem-details answers for authentication and authorization outside an endpoint (challenge, forbid),
/// so API clients always get RFC 7807 JSON in Chinese instead of a redirect to a sign-in page.</summary>
internal static class StaffProblems
{
    public static bool IsApiRequest(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static Task WriteAsync(HttpContext context, int status, string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(context);

    public static Task NotSignedInAsync(HttpContext context, string? detail = null) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "需要登录",
            detail ?? "请先登录，或在 Authorization 请求头中提供有效的个人访问令牌（Bearer gk_…）。");

    public static Task ForbiddenAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "无权访问", "您的角色没有执行此操作的权限。");
}
