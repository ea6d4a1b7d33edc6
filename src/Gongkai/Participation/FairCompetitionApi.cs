using System.Security.Claims;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Participation;

/// <summary>The body of <c>PUT /api/v1/documents/{id}/market-activity</c>: area codes (market-access, industry-development,
/// investment-promotion, bidding, government-procurement, business-conduct, qualification-standards); none removes the mark.</summary>
public sealed record MarketActivityRequest(IReadOnlyList<string>? Areas);

/// <summary>One answer: the item's code (1.1 … 4.4), <c>yes</c> or <c>no</c>, and a note (required with <c>yes</c>).</summary>
public sealed record ReviewItemRequest(string? Code, string? Answer, string? Note = null);

/// <summary>The body of <c>PUT /api/v1/documents/{id}/fair-competition-review</c>: every item answered, the conclusion
/// (compliant | non-compliant | exception) and for an exception its kind (security | poverty-relief | environment |
/// other-law) and reason. The reviewer is the token's user.</summary>
public sealed record FairCompetitionReviewRequest(IReadOnlyList<ReviewItemRequest>? Items, string? Conclusion, string? ExceptionKind = null, string? ExceptionReason = null, string? Note = null);

/// <summary>An answered item of a stored review.</summary>
public sealed record ReviewItemResponse(string Code, string Group, string Text, string Answer, string? Note);

/// <summary>A stored review.</summary>
public sealed record FairCompetitionReviewResponse(int Id, IReadOnlyList<string> Areas, string Conclusion, string ConclusionName, string? ExceptionKind,
    string? ExceptionReason, string? Note, string Reviewer, DateTimeOffset ReviewedAt, IReadOnlyList<ReviewItemResponse> Items);

/// <summary>A document's fair-competition state: the marked areas, whether a review is required, whether 终审 may
/// pass (and why not), the latest review and how many reviews there were.</summary>
public sealed record FairCompetitionResponse(int DocumentId, string Title, string DocumentStatus, IReadOnlyList<string> Areas, bool Required,
    bool MayPassFinalReview, string? Blocking, FairCompetitionReviewResponse? Review, int ReviewCount);

/// <summary>A review in a year's list.</summary>
public sealed record FairCompetitionListItem(int Id, int DocumentId, string Title, string Body, string Conclusion, string Reviewer, DateTimeOffset ReviewedAt);

internal static class FairCompetitionApi
{
    public static void MapFairCompetitionApi(this WebApplication app)
    {
        var documents = app.MapGroup("/api/v1/documents").WithTags("公平竞争审查");
        documents.MapGet("/{id:int}/fair-competition-review", GetAsync)
            .WithSummary("文件的公平竞争审查：所涉市场活动领域、最近一次审查表和结论、能否通过终审").RequireAuthorization(FairCompetitionPermissions.View);
        documents.MapPut("/{id:int}/fair-competition-review", ReviewAsync)
            .WithSummary("填写公平竞争审查表（四类 18 项逐项回答、结论、审查人为当前用户）").RequireAuthorization(FairCompetitionPermissions.Review);
        documents.MapPut("/{id:int}/market-activity", MarkAsync)
            .WithSummary("标注文件涉及市场主体经济活动的领域（终审前须经公平竞争审查）").RequireAuthorization(FairCompetitionPermissions.Mark);
        app.MapGet("/api/v1/fair-competition-reviews", ListAsync).WithTags("公平竞争审查")
            .WithSummary("本单位某年度的公平竞争审查记录").RequireAuthorization(FairCompetitionPermissions.View);
    }

    private static async Task<Results<Ok<FairCompetitionResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(
        int id, ClaimsPrincipal user, FairCompetitionDesk desk, CancellationToken cancellationToken) =>
        (await desk.ViewAsync(user, id, cancellationToken)).ToResult(v => TypedResults.Ok(Response(v)));

    private static async Task<Results<Ok<FairCompetitionResponse>, ProblemHttpResult, ValidationProblem>> ReviewAsync(
        int id, FairCompetitionReviewRequest request, ClaimsPrincipal user, FairCompetitionDesk desk, CancellationToken cancellationToken) =>
        (await desk.ReviewAsync(user, id, new FairCompetitionReviewDraft(
                request.Items?.Select(i => new ItemAnswerDraft(i.Code, i.Answer, i.Note)).ToList(), request.Conclusion, request.ExceptionKind, request.ExceptionReason, request.Note),
            cancellationToken)).ToResult(v => TypedResults.Ok(Response(v)));

    private static async Task<Results<Ok<FairCompetitionResponse>, ProblemHttpResult, ValidationProblem>> MarkAsync(
        int id, MarketActivityRequest request, ClaimsPrincipal user, FairCompetitionDesk desk, CancellationToken cancellationToken) =>
        (await desk.MarkAsync(user, id, request.Areas, cancellationToken)).ToResult(v => TypedResults.Ok(Response(v)));

    private static async Task<Results<Ok<IReadOnlyList<FairCompetitionListItem>>, ProblemHttpResult, ValidationProblem>> ListAsync(
        int? year, string? body, ClaimsPrincipal user, FairCompetitionDesk desk, TimeProvider clock, CancellationToken cancellationToken) =>
        (await desk.ListAsync(user, year ?? Platform.Time.ChinaTime.Today(clock).Year, body, cancellationToken))
            .ToResult(rows => TypedResults.Ok<IReadOnlyList<FairCompetitionListItem>>(rows.Select(r => new FairCompetitionListItem(
                r.Row.Id, r.Row.DocumentId, r.Row.DocumentTitle, r.Body?.Code ?? "", r.Row.Conclusion, r.Row.ReviewerName, r.Row.ReviewedAt)).ToList()));

    private static FairCompetitionResponse Response(FairCompetitionView view)
    {
        FairCompetitionReviewResponse? review = null;
        if (view.Latest is { } latest)
        {
            var answers = latest.Answers.ToDictionary(a => a.Code);
            review = new FairCompetitionReviewResponse(latest.Row.Id, latest.Areas, latest.Row.Conclusion, FairCompetitionRules.ChineseName(latest.Conclusion),
                latest.Row.ExceptionKind, latest.Row.ExceptionReason, latest.Row.Note, latest.Row.ReviewerName, latest.Row.ReviewedAt,
                FairCompetitionRules.Items.Select(i => answers.TryGetValue(i.Code, out var a)
                    ? new ReviewItemResponse(i.Code, i.Group, i.Text, a.Yes ? "yes" : "no", a.Note)
                    : new ReviewItemResponse(i.Code, i.Group, i.Text, "", null)).ToList());
        }

        return new FairCompetitionResponse(view.Document.Id, view.Document.Title, view.Document.StatusName, view.Areas, view.Standing.Required,
            view.Standing.MayPassFinalReview, view.Standing.Blocking, review, view.Reviews.Count);
    }
}
