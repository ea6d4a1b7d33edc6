using System.Security.Claims;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Participation;

/// <summary>A question in <c>POST /api/v1/surveys</c>: <c>kind</c> single | multiple | scale | text.</summary>
public sealed record SurveyQuestionRequest(string? Text, string? Kind, bool Required = false, IReadOnlyList<string>? Options = null);

/// <summary>The body of <c>POST /api/v1/surveys</c> and <c>PUT /api/v1/surveys/{id}</c>.</summary>
public sealed record SurveyRequest(string? Body, string? Title, string? Description, DateOnly? OpensOn, DateOnly? ClosesOn, IReadOnlyList<SurveyQuestionRequest>? Questions);

/// <summary>A survey's status after a step.</summary>
public sealed record SurveyStatusResponse(int Id, string Status);

/// <summary>One answer in <c>POST /api/v1/surveys/{id}/responses</c>: the question's number (1-based) and the chosen
/// option numbers (1-based) or the text.</summary>
public sealed record SurveyAnswerRequest(int Question, IReadOnlyList<int>? Choices = null, string? Text = null);

/// <summary>A response. <c>key</c> is a one-time key the client makes up for this response: sending the same key
/// again is refused (409), so a retried request is counted once.</summary>
public sealed record SurveyResponseRequest(string? Key, IReadOnlyList<SurveyAnswerRequest>? Answers);

/// <summary>A stored response.</summary>
public sealed record SurveyResponseCreated(long Id);

/// <summary>The body of the results publication.</summary>
public sealed record SurveyPublishRequest(string? Summary);

/// <summary>A question as the public reads it.</summary>
public sealed record SurveyQuestionResponse(int Number, string Text, string Kind, bool Required, IReadOnlyList<string> Options);

/// <summary>One option's count in the results.</summary>
public sealed record SurveyOptionResult(int Number, string Text, int Count);

/// <summary>One question's results: counts per option for a choice question, shown (masked) texts for a text question.</summary>
public sealed record SurveyQuestionResult(int Number, string Text, string Kind, int Answered, IReadOnlyList<SurveyOptionResult> Options, int ShownTextCount, IReadOnlyList<string> Texts);

/// <summary>Published results.</summary>
public sealed record SurveyResultsResponse(int Responses, string Summary, IReadOnlyList<SurveyQuestionResult> Questions);

/// <summary>A survey in the API, with its results once published.</summary>
public sealed record SurveyResponseBody(int Id, string Title, string Description, string Status, string StatusName, string Body, string BodyName,
    DateOnly OpensOn, DateOnly ClosesOn, string Url, IReadOnlyList<SurveyQuestionResponse> Questions, SurveyResultsResponse? Results);

/// <summary>A survey in a list.</summary>
public sealed record SurveyListItem(int Id, string Title, string Status, string Body, DateOnly OpensOn, DateOnly ClosesOn, int ResponseCount, string Url);

/// <summary>A text answer as the body's staff moderate it.</summary>
public sealed record StaffTextAnswer(long Id, int QuestionId, string Text, string PublicText, string Moderation);

internal static class SurveysApi
{
    public static void MapSurveysApi(this WebApplication app)
    {
        var surveys = app.MapGroup("/api/v1/surveys").WithTags("网上调查");
        surveys.MapGet("/", ListAsync).WithSummary("网上调查列表（正在调查和已结束的）").AllowAnonymous();
        surveys.MapPost("/", CreateAsync).WithSummary("起草调查问卷").RequireAuthorization(ParticipationPermissions.Prepare);
        surveys.MapGet("/{id:int}", GetAsync).WithSummary("一份调查问卷：题目、调查时间，公布后附结果").AllowAnonymous();
        surveys.MapPut("/{id:int}", UpdateAsync).WithSummary("修改尚未发布的调查问卷").RequireAuthorization(ParticipationPermissions.Prepare);
        surveys.MapPost("/{id:int}/open", OpenAsync).WithSummary("发布调查问卷，开始调查").RequireAuthorization(ParticipationPermissions.Approve);
        surveys.MapPost("/{id:int}/responses", RespondAsync).WithSummary("公众提交答卷").AllowAnonymous().RequireRateLimiting(ParticipationRateLimits.SurveyResponse);
        surveys.MapGet("/{id:int}/responses.csv", CsvAsync).WithSummary("工作人员导出全部答卷（CSV）").RequireAuthorization(ParticipationPermissions.View);
        surveys.MapGet("/{id:int}/answers", TextAnswersAsync).WithSummary("工作人员查看文字回答及审核状态").RequireAuthorization(ParticipationPermissions.View);
        surveys.MapPost("/{id:int}/answers/{answerId:long}/moderation", ModerateAsync).WithSummary("审核一条文字回答是否公开").RequireAuthorization(ParticipationPermissions.Prepare);
        surveys.MapPost("/{id:int}/results/publish", PublishAsync).WithSummary("调查结束后公布结果").RequireAuthorization(ParticipationPermissions.Approve);
    }

    private static async Task<Results<Ok<IReadOnlyList<SurveyListItem>>, ProblemHttpResult, ValidationProblem>> ListAsync(
        string? status, SurveyDesk desk, CancellationToken cancellationToken)
    {
        SurveyStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            filter = SurveyVocabulary.ParseStatus(status);
            if (filter is null or SurveyStatus.Draft)
            {
                Outcome<IReadOnlyList<SurveyListItem>> refused = Refusal.InvalidField("status", "状态应为 scheduled、open、closed 或 results-published。", "状态有误");
                return refused.ToResult(TypedResults.Ok);
            }
        }

        var rows = await desk.ListPublicAsync(filter, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SurveyListItem>>(rows.Select(r => new SurveyListItem(
            r.Survey.Id, r.Survey.Title, SurveyVocabulary.Code(r.Status), r.Body?.Code ?? "", r.Survey.OpensOn, r.Survey.ClosesOn, r.ResponseCount, PageUrl(r.Survey.Id))).ToList());
    }

    private static SurveyDraft Draft(SurveyRequest r) => new(r.Body, r.Title, r.Description, r.OpensOn, r.ClosesOn,
        r.Questions?.Select(q => new QuestionDraft(q.Text, q.Kind, q.Required, q.Options is null ? null : string.Join('\n', q.Options))).ToList());

    private static async Task<Results<Created<SurveyStatusResponse>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        SurveyRequest request, ClaimsPrincipal user, SurveyDesk desk, CancellationToken cancellationToken) =>
        (await desk.CreateAsync(user, Draft(request), cancellationToken))
            .ToResult(s => TypedResults.Created($"/api/v1/surveys/{s.Id}", new SurveyStatusResponse(s.Id, "draft")));

    private static async Task<Results<Ok<SurveyStatusResponse>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        int id, SurveyRequest request, ClaimsPrincipal user, SurveyDesk desk, CancellationToken cancellationToken) =>
        (await desk.UpdateAsync(user, id, Draft(request), cancellationToken)).ToResult(s => TypedResults.Ok(new SurveyStatusResponse(s.Id, "draft")));

    private static async Task<Results<Ok<SurveyResponseBody>, ProblemHttpResult, ValidationProblem>> GetAsync(
        int id, ClaimsPrincipal user, SurveyDesk desk, CancellationToken cancellationToken) =>
        await (await desk.ViewAsync(user, id, cancellationToken)).ToResultAsync(async view => TypedResults.Ok(await ResponseAsync(view, desk, cancellationToken)));

    private static async Task<SurveyResponseBody> ResponseAsync(SurveyView view, SurveyDesk desk, CancellationToken cancellationToken)
    {
        var s = view.Survey;
        SurveyResultsResponse? results = null;
        if (view.Status == SurveyStatus.ResultsPublished)
        {
            var r = await desk.ResultsAsync(view, cancellationToken);
            results = new SurveyResultsResponse(r.Responses, s.ResultsSummary, r.Questions.Select(q => new SurveyQuestionResult(
                q.Question.Position, q.Question.Text, q.Question.Kind, q.Tally?.Answered ?? q.TextCount,
                q.Tally is { } t ? q.Question.OptionList.Select((o, i) => new SurveyOptionResult(i + 1, o, t.Counts[i])).ToList() : [],
                q.TextCount, q.ShownTexts)).ToList());
        }

        return new SurveyResponseBody(s.Id, s.Title, s.Description, SurveyVocabulary.Code(view.Status), SurveyVocabulary.ChineseName(view.Status),
            view.Body?.Code ?? "", view.Body?.Name ?? "", s.OpensOn, s.ClosesOn, PageUrl(s.Id),
            view.Questions.Select(q => new SurveyQuestionResponse(q.Position, q.Text, q.Kind, q.Required, q.OptionList)).ToList(), results);
    }

    private static async Task<Results<Ok<SurveyStatusResponse>, ProblemHttpResult, ValidationProblem>> OpenAsync(
        int id, ClaimsPrincipal user, SurveyDesk desk, CancellationToken cancellationToken) =>
        (await desk.OpenAsync(user, id, cancellationToken)).ToResult(v => TypedResults.Ok(new SurveyStatusResponse(id, SurveyVocabulary.Code(v.Status))));

    private static async Task<Results<Created<SurveyResponseCreated>, ProblemHttpResult, ValidationProblem>> RespondAsync(
        int id, SurveyResponseRequest request, SurveyDesk desk, CancellationToken cancellationToken) =>
        (await desk.RespondAsync(id, request.Key, request.Answers?.Select(a => new AnswerDraft(a.Question, a.Choices, a.Text)).ToList(), cancellationToken))
            .ToResult(r => TypedResults.Created($"/api/v1/surveys/{id}/responses/{r.Id}", new SurveyResponseCreated(r.Id)));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> CsvAsync(
        int id, ClaimsPrincipal user, SurveyDesk desk, CancellationToken cancellationToken) =>
        (await desk.CsvAsync(user, id, cancellationToken))
            .ToResult(csv => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"survey-{id}.csv"));

    private static async Task<Results<Ok<IReadOnlyList<StaffTextAnswer>>, ProblemHttpResult, ValidationProblem>> TextAnswersAsync(
        int id, ClaimsPrincipal user, SurveyDesk desk, CancellationToken cancellationToken) =>
        (await desk.StaffTextAnswersAsync(user, id, cancellationToken)).ToResult(answers => TypedResults.Ok<IReadOnlyList<StaffTextAnswer>>(answers.Select(StaffView).ToList()));

    private static StaffTextAnswer StaffView(SurveyAnswer a) => new(a.Id, a.QuestionId, a.Text ?? "", a.PublicText ?? "", a.Moderation ?? "");

    private static async Task<Results<Ok<StaffTextAnswer>, ProblemHttpResult, ValidationProblem>> ModerateAsync(
        int id, long answerId, ModerationRequest request, ClaimsPrincipal user, SurveyDesk desk, CancellationToken cancellationToken) =>
        (await desk.ModerateAsync(user, id, answerId, request.Moderation?.Trim(), cancellationToken)).ToResult(a => TypedResults.Ok(StaffView(a)));

    private static async Task<Results<Ok<SurveyStatusResponse>, ProblemHttpResult, ValidationProblem>> PublishAsync(
        int id, SurveyPublishRequest? request, ClaimsPrincipal user, SurveyDesk desk, CancellationToken cancellationToken) =>
        (await desk.PublishResultsAsync(user, id, request?.Summary, cancellationToken)).ToResult(v => TypedResults.Ok(new SurveyStatusResponse(id, SurveyVocabulary.Code(v.Status))));

    internal static string PageUrl(int id) => $"/surveys/{id}";
}
