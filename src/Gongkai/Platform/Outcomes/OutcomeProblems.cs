using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Platform.Outcomes;

/// <summary>The one mapping from a refusal to RFC 7807 problem details for the API: NotFound 404, Forbidden 403,
/// Invalid 400 (a validation problem with <c>errors</c> when fields are named), Conflict 409, BlockedByRule 422;
/// Chinese titles (the refusal's own, else the kind's), extensions kept.</summary>
public static class OutcomeProblems
{
    public static string DefaultTitle(RefusalKind kind) => kind switch
    {
        RefusalKind.NotFound => "未找到",
        RefusalKind.Forbidden => "无权操作",
        RefusalKind.Invalid => "请求有误",
        RefusalKind.Conflict => "操作冲突",
        RefusalKind.BlockedByRule => "操作被规则拒绝",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static int StatusCode(RefusalKind kind) => kind switch
    {
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.BlockedByRule => StatusCodes.Status422UnprocessableEntity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The problem for <paramref name="refusal"/>; a <see cref="ValidationProblem"/> when invalid input names
    /// fields (other kinds keep their status; their field errors are for pages).</summary>
    public static Results<ProblemHttpResult, ValidationProblem> ToProblem(this Refusal refusal)
    {
        var title = refusal.Title ?? DefaultTitle(refusal.Kind);
        var extensions = refusal.Extensions.Count == 0 ? null : refusal.Extensions;
        if (refusal.Kind == RefusalKind.Invalid && refusal.Errors.Count > 0)
        {
            // The message goes to detail so an integrator sees the same sentence as a person on the page.
            return TypedResults.ValidationProblem(refusal.Errors, detail: refusal.Message, title: title, extensions: extensions);
        }

        return TypedResults.Problem(title: title, detail: refusal.Message, statusCode: StatusCode(refusal.Kind), extensions: extensions);
    }

    /// <summary>The value mapped by <paramref name="success"/>, or the problem.</summary>
    public static Results<TSuccess, ProblemHttpResult, ValidationProblem> ToResult<T, TSuccess>(this Outcome<T> outcome, Func<T, TSuccess> success)
        where T : notnull
        where TSuccess : IResult =>
        outcome.Succeeded ? success(outcome.Value) : Problem<TSuccess>(outcome.Refusal);

    public static async Task<Results<TSuccess, ProblemHttpResult, ValidationProblem>> ToResultAsync<T, TSuccess>(this Outcome<T> outcome, Func<T, Task<TSuccess>> success)
        where T : notnull
        where TSuccess : IResult =>
        outcome.Succeeded ? await success(outcome.Value) : Problem<TSuccess>(outcome.Refusal);

    public static Results<TSuccess, ProblemHttpResult, ValidationProblem> ToResult<TSuccess>(this Outcome outcome, Func<TSuccess> success)
        where TSuccess : IResult =>
        outcome.Succeeded ? success() : Problem<TSuccess>(outcome.Refusal);

    private static Results<TSuccess, ProblemHttpResult, ValidationProblem> Problem<TSuccess>(Refusal refusal)
        where TSuccess : IResult =>
        refusal.ToProblem().Result switch
        {
            ProblemHttpResult problem => problem,
            ValidationProblem validation => validation,
            _ => throw new InvalidOperationException("A refusal maps to a problem."),
        };
}
