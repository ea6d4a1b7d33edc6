using System.Security.Claims;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Publishing;

/// <summary>联合发文会签 through the API: the requests addressed to the caller's body and its reviewers' answers.</summary>
internal static class CoIssuesApi
{
    public static void MapCoIssuesApi(this WebApplication app)
    {
        var coIssues = app.MapGroup("/api/v1/co-issues").WithTags("联合发文会签").RequireAuthorization(Permissions.Staff);
        coIssues.MapGet("/", async (bool? all, ClaimsPrincipal user, CoIssueDesk desk, CancellationToken ct) =>
            TypedResults.Ok(await desk.ListAsync(user, all ?? false, ct)))
            .WithSummary("本单位的联合发文会签请求（默认只列待确认的，all=true 含已答复的）");
        coIssues.MapPost("/{documentId:int}/accept", async (int documentId, ClaimsPrincipal user, CoIssueDesk desk, CancellationToken ct) =>
            (await desk.AnswerAsync(user, documentId, accept: true, reason: null, ct)).ToResult(view => TypedResults.Ok(view)))
            .WithSummary("会签：本单位同意作为联合发文机关（须审核权限）");
        coIssues.MapPost("/{documentId:int}/decline", async (int documentId, CoIssueDeclineRequest request, ClaimsPrincipal user, CoIssueDesk desk, CancellationToken ct) =>
            (await desk.AnswerAsync(user, documentId, accept: false, request.Reason, ct)).ToResult(view => TypedResults.Ok(view)))
            .WithSummary("拒绝联合发文（须审核权限并说明理由）");
    }
}
