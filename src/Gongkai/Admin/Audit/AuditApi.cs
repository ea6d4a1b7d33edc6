using Gongkai.Platform.Audit;
using System.Security.Claims;
using Gongkai.Staff;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Admin.Audit;

/// <summary>GET /api/v1/audit — the same read-only view as the console page, for auditors' tools. There is no
/// endpoint that changes or deletes an audit entry.</summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit", SearchAsync).WithSummary("查询审计日志").WithTags("审计日志").RequireAuthorization(Permissions.ViewAudit);
        return app;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        ClaimsPrincipal user, AuditQuery audit, string? from, string? to, string? actor, string? action, string? bodyId,
        string? target, string? page, string? size, CancellationToken cancellationToken)
    {
        var (filter, errors) = AuditFilter.Parse(from, to, actor, action, bodyId, target, page, size);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "查询条件有误");
        }

        var result = await audit.SearchAsync(user, filter, cancellationToken);
        return result is null
            ? TypedResults.Problem(title: "无权访问", detail: "该单位不在您可查看的范围内。", statusCode: StatusCodes.Status403Forbidden)
            : TypedResults.Ok(result);
    }
}
