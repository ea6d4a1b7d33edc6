using System.Globalization;
using Gongkai.Staff;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Safeguards;

/// <summary>The body of <c>POST /api/v1/safeguards/check</c>; <c>documentDate</c> is yyyy-MM-dd (today when absent).</summary>
public sealed record SafeguardsCheckRequest(string? Text, string? DocumentDate);

public sealed record SafeguardsFinding(string Kind, int Start, int Length, string Text, string Replacement, string Message);

public sealed record SafeguardsCheckResponse(IReadOnlyList<SafeguardsFinding> Findings, string Masked);

internal static class SafeguardsApi
{
    public static void MapSafeguardsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/safeguards").WithTags("发布前检查");
        api.MapPost("/check", CheckAsync).WithSummary("检查一段文字中的个人信息、错误表述和过时名称").RequireAuthorization(Permissions.Staff);
    }

    private static async Task<Results<Ok<SafeguardsCheckResponse>, ProblemHttpResult>> CheckAsync(
        SafeguardsCheckRequest? request, SafeguardsService safeguards, CancellationToken cancellationToken)
    {
        if (request?.Text is null)
        {
            return TypedResults.Problem(title: "参数无效", detail: "请求体须包含要检查的文本 text", statusCode: StatusCodes.Status400BadRequest);
        }

        if (request.Text.Length > SafeguardsChecker.MaxTextLength)
        {
            return TypedResults.Problem(title: "文本过长",
                detail: $"一次最多检查 {SafeguardsChecker.MaxTextLength:N0} 个字符，本次为 {request.Text.Length:N0} 个字符，请分段检查",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        DateOnly? documentDate = null;
        if (!string.IsNullOrWhiteSpace(request.DocumentDate))
        {
            if (!DateOnly.TryParseExact(request.DocumentDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return TypedResults.Problem(title: "参数无效", detail: "documentDate 须为 yyyy-MM-dd 格式的日期，例如 2019-06-01", statusCode: StatusCodes.Status400BadRequest);
            }

            documentDate = parsed;
        }

        var result = await safeguards.CheckAsync(request.Text, documentDate, cancellationToken);
        return TypedResults.Ok(new SafeguardsCheckResponse(
            result.Findings.Select(f => new SafeguardsFinding(f.Kind.Code(), f.Start, f.Length, f.Text, f.Replacement, f.Message)).ToList(),
            result.Masked));
    }
}
