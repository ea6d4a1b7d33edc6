using System.Security.Claims;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Participation;

/// <summary>The body of <c>POST /api/v1/interviews</c> and <c>PUT /api/v1/interviews/{id}</c>.</summary>
public sealed record InterviewRequest(string? Body, string? Title, IReadOnlyList<string>? Guests, string? Summary, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt);

/// <summary>An interview's id and stage after a step.</summary>
public sealed record InterviewStatusResponse(int Id, string Status);

/// <summary>The body of <c>POST /api/v1/interviews/{id}/questions</c>.</summary>
public sealed record QuestionRequest(string? Name, string? Contact, string? Text);

/// <summary>A stored question: its id, and a notice when its text carried markup (kept as plain text).</summary>
public sealed record QuestionCreated(long Id, string State, string? Notice);

/// <summary>A question as the body's staff see it (with the asker's contact).</summary>
public sealed record StaffQuestion(long Id, string? Name, string Contact, string Text, string PublicText, string State, string? AnsweredBy, string? Answer, int? Position);

/// <summary>The body of the pick call: picked | declined | pending.</summary>
public sealed record QuestionStateRequest(string? State);

/// <summary>The body of the answer call: which guest answered and what they said.</summary>
public sealed record AnswerRequest(string? Guest, string? Answer);

/// <summary>The body of <c>PUT /api/v1/interviews/{id}/documents</c>.</summary>
public sealed record RelatedDocumentsRequest(IReadOnlyList<string>? IndexNos);

/// <summary>One exchange of the transcript: the masked question, the guest and the answer.</summary>
public sealed record TranscriptEntry(int Position, string Question, string Guest, string Answer, DateTimeOffset AnsweredAt);

/// <summary>The transcript (answered questions in order) and the interview's stage, as the live page polls it.</summary>
public sealed record TranscriptResponse(int Id, string Status, IReadOnlyList<TranscriptEntry> Entries);

/// <summary>A related document.</summary>
public sealed record RelatedDocumentResponse(string IndexNo, string? Title, string Url);

/// <summary>A photo of the interview.</summary>
public sealed record PhotoResponse(int Id, string Caption, string Url);

/// <summary>An interview in the API; never an asker's name or contact.</summary>
public sealed record InterviewResponse(int Id, string Title, string Status, string StatusName, string Body, string BodyName, IReadOnlyList<string> Guests, string Summary,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Url, IReadOnlyList<TranscriptEntry> Transcript, IReadOnlyList<PhotoResponse> Photos, IReadOnlyList<RelatedDocumentResponse> Documents);

/// <summary>An interview in a list.</summary>
public sealed record InterviewListItem(int Id, string Title, string Status, string Body, DateTimeOffset StartsAt, int Questions, int Answered, string Url);

internal static class InterviewsApi
{
    public static void MapInterviewsApi(this WebApplication app)
    {
        var interviews = app.MapGroup("/api/v1/interviews").WithTags("在线访谈");
        interviews.MapGet("/", ListAsync).WithSummary("在线访谈列表（预告、正在访谈和往期回顾）").AllowAnonymous();
        interviews.MapPost("/", CreateAsync).WithSummary("筹备在线访谈（主题、嘉宾、时间）").RequireAuthorization(ParticipationPermissions.Prepare);
        interviews.MapGet("/{id:int}", GetAsync).WithSummary("一次在线访谈：嘉宾、时间、实录、图片和相关文件").AllowAnonymous();
        interviews.MapPut("/{id:int}", UpdateAsync).WithSummary("修改尚未发布的访谈").RequireAuthorization(ParticipationPermissions.Prepare);
        interviews.MapPost("/{id:int}/announce", AnnounceAsync).WithSummary("发布访谈预告（开始接收提问）").RequireAuthorization(ParticipationPermissions.Approve);
        interviews.MapPost("/{id:int}/start", StartAsync).WithSummary("开始访谈").RequireAuthorization(ParticipationPermissions.Prepare);
        interviews.MapPost("/{id:int}/archive", ArchiveAsync).WithSummary("结束访谈并归档实录").RequireAuthorization(ParticipationPermissions.Prepare);
        interviews.MapPost("/{id:int}/questions", AskAsync).WithSummary("公众提问（访谈前和访谈中）").AllowAnonymous().RequireRateLimiting(ParticipationRateLimits.InterviewQuestion);
        interviews.MapGet("/{id:int}/questions", QuestionsAsync).WithSummary("工作人员查看收到的全部提问").RequireAuthorization(ParticipationPermissions.View);
        interviews.MapPost("/{id:int}/questions/{questionId:long}/state", ModerateAsync).WithSummary("选用或不采用一个提问").RequireAuthorization(ParticipationPermissions.Prepare);
        interviews.MapPost("/{id:int}/questions/{questionId:long}/answer", AnswerAsync).WithSummary("记录嘉宾的回答（载入实录）").RequireAuthorization(ParticipationPermissions.Prepare);
        interviews.MapGet("/{id:int}/transcript", TranscriptAsync).WithSummary("访谈实录（已回答的问题，按回答顺序；after 只取其后的）").AllowAnonymous();
        // A token-authenticated API: no antiforgery form token; cookie callers are protected by the SameSite sign-in cookie.
        interviews.MapPost("/{id:int}/photos", AddPhotoAsync).WithSummary("上传访谈图片（JPEG 或 PNG，不超过 2 MB；说明即替代文字）")
            .RequireAuthorization(ParticipationPermissions.Prepare).DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(InterviewDesk.MaxPhotoBytes + 64 * 1024))
            .WithFormOptions(multipartBodyLengthLimit: InterviewDesk.MaxPhotoBytes + 64 * 1024);
        interviews.MapPut("/{id:int}/documents", DocumentsAsync).WithSummary("按索引号关联已公开的相关文件").RequireAuthorization(ParticipationPermissions.Prepare);
        app.MapGet("/interviews/{id:int}/photos/{photoId:int}", PhotoAsync).WithSummary("访谈图片").WithTags("在线访谈").AllowAnonymous();
    }

    private static async Task<Results<Ok<IReadOnlyList<InterviewListItem>>, ProblemHttpResult, ValidationProblem>> ListAsync(string? status, InterviewDesk desk, CancellationToken cancellationToken)
    {
        InterviewStage? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            filter = InterviewRules.ParsePublicStage(status.Trim());
            if (filter is null)
            {
                Outcome<IReadOnlyList<InterviewListItem>> refused = Refusal.InvalidField("status", "状态应为 announced、live 或 archived。", "状态有误");
                return refused.ToResult(TypedResults.Ok);
            }
        }

        var rows = await desk.ListPublicAsync(filter, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<InterviewListItem>>(rows.Select(r => new InterviewListItem(
            r.Interview.Id, r.Interview.Title, r.Interview.Stage, r.Body?.Code ?? "", r.Interview.StartsAt, r.Questions, r.Answered, PageUrl(r.Interview.Id))).ToList());
    }

    private static InterviewDraft Draft(InterviewRequest r) => new(r.Body, r.Title, r.Guests is null ? null : string.Join('\n', r.Guests), r.Summary, r.StartsAt, r.EndsAt);

    private static async Task<Results<Created<InterviewStatusResponse>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        InterviewRequest request, ClaimsPrincipal user, InterviewDesk desk, CancellationToken cancellationToken) =>
        (await desk.CreateAsync(user, Draft(request), cancellationToken)).ToResult(i => TypedResults.Created($"/api/v1/interviews/{i.Id}", new InterviewStatusResponse(i.Id, i.Stage)));

    private static async Task<Results<Ok<InterviewStatusResponse>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        int id, InterviewRequest request, ClaimsPrincipal user, InterviewDesk desk, CancellationToken cancellationToken) =>
        (await desk.UpdateAsync(user, id, Draft(request), cancellationToken)).ToResult(i => TypedResults.Ok(new InterviewStatusResponse(i.Id, i.Stage)));

    private static async Task<Results<Ok<InterviewResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(int id, ClaimsPrincipal user, InterviewDesk desk, CancellationToken cancellationToken) =>
        await (await desk.ViewAsync(user, id, cancellationToken)).ToResultAsync(async view =>
        {
            var i = view.Interview;
            var transcript = (await desk.TranscriptAsync(id, 0, cancellationToken)).Select(Entry).ToList();
            var photos = (await desk.PhotosAsync(id, cancellationToken)).Select(p => new PhotoResponse(p.Id, p.Caption, PhotoUrl(id, p.Id))).ToList();
            var documents = (await desk.RelatedDocumentsAsync(i, cancellationToken)).Select(d => new RelatedDocumentResponse(d.IndexNo, d.Title, d.Url)).ToList();
            return TypedResults.Ok(new InterviewResponse(i.Id, i.Title, i.Stage, InterviewRules.ChineseName(view.Stage), view.Body?.Code ?? "", view.Body?.Name ?? "",
                view.Guests, i.Summary, i.StartsAt, i.EndsAt, PageUrl(i.Id), transcript, photos, documents));
        });

    internal static TranscriptEntry Entry(InterviewQuestion q) => new(q.Position ?? 0, q.PublicText, q.AnsweredBy ?? "", q.Answer ?? "", q.AnsweredAt ?? default);

    private static async Task<Results<Ok<InterviewStatusResponse>, ProblemHttpResult, ValidationProblem>> AnnounceAsync(int id, ClaimsPrincipal user, InterviewDesk desk, CancellationToken cancellationToken) =>
        (await desk.AnnounceAsync(user, id, cancellationToken)).ToResult(v => TypedResults.Ok(new InterviewStatusResponse(id, v.Interview.Stage)));

    private static async Task<Results<Ok<InterviewStatusResponse>, ProblemHttpResult, ValidationProblem>> StartAsync(int id, ClaimsPrincipal user, InterviewDesk desk, CancellationToken cancellationToken) =>
        (await desk.StartAsync(user, id, cancellationToken)).ToResult(v => TypedResults.Ok(new InterviewStatusResponse(id, v.Interview.Stage)));

    private static async Task<Results<Ok<InterviewStatusResponse>, ProblemHttpResult, ValidationProblem>> ArchiveAsync(int id, ClaimsPrincipal user, InterviewDesk desk, CancellationToken cancellationToken) =>
        (await desk.ArchiveAsync(user, id, cancellationToken)).ToResult(v => TypedResults.Ok(new InterviewStatusResponse(id, v.Interview.Stage)));

    private static async Task<Results<Created<QuestionCreated>, ProblemHttpResult, ValidationProblem>> AskAsync(
        int id, QuestionRequest request, ClaimsPrincipal user, InterviewDesk desk, CancellationToken cancellationToken) =>
        (await desk.AskAsync(user, id, request.Name, request.Contact, request.Text, cancellationToken))
            .ToResult(r => TypedResults.Created($"/api/v1/interviews/{id}/questions/{r.Question.Id}", new QuestionCreated(r.Question.Id, r.Question.State, r.HadMarkup ? ConsultationRules.MarkupNotice : null)));

    private static async Task<Results<Ok<IReadOnlyList<StaffQuestion>>, ProblemHttpResult, ValidationProblem>> QuestionsAsync(int id, ClaimsPrincipal user, InterviewDesk desk, CancellationToken cancellationToken) =>
        (await desk.StaffQuestionsAsync(user, id, cancellationToken)).ToResult(list => TypedResults.Ok<IReadOnlyList<StaffQuestion>>(list.Select(StaffView).ToList()));

    internal static StaffQuestion StaffView(InterviewQuestion q) => new(q.Id, q.Name, q.Contact, q.Text, q.PublicText, q.State, q.AnsweredBy, q.Answer, q.Position);

    private static async Task<Results<Ok<StaffQuestion>, ProblemHttpResult, ValidationProblem>> ModerateAsync(
        int id, long questionId, QuestionStateRequest request, ClaimsPrincipal user, InterviewDesk desk, CancellationToken cancellationToken) =>
        (await desk.ModerateAsync(user, id, questionId, request.State?.Trim(), cancellationToken)).ToResult(q => TypedResults.Ok(StaffView(q)));

    private static async Task<Results<Ok<StaffQuestion>, ProblemHttpResult, ValidationProblem>> AnswerAsync(
        int id, long questionId, AnswerRequest request, ClaimsPrincipal user, InterviewDesk desk, CancellationToken cancellationToken) =>
        (await desk.AnswerAsync(user, id, questionId, request.Guest, request.Answer, cancellationToken)).ToResult(q => TypedResults.Ok(StaffView(q)));

    private static async Task<Results<Ok<TranscriptResponse>, ProblemHttpResult, ValidationProblem>> TranscriptAsync(
        int id, int? after, ClaimsPrincipal user, InterviewDesk desk, HttpResponse response, CancellationToken cancellationToken) =>
        await (await desk.ViewAsync(user, id, cancellationToken)).ToResultAsync(async view =>
        {
            // Polled every few seconds during the interview: never cached on the way.
            response.Headers.CacheControl = "no-store";
            var entries = (await desk.TranscriptAsync(id, Math.Max(0, after ?? 0), cancellationToken)).Select(Entry).ToList();
            return TypedResults.Ok(new TranscriptResponse(id, view.Interview.Stage, entries));
        });

    private static async Task<Results<Ok<InterviewStatusResponse>, ProblemHttpResult, ValidationProblem>> DocumentsAsync(
        int id, RelatedDocumentsRequest request, ClaimsPrincipal user, InterviewDesk desk, CancellationToken cancellationToken) =>
        (await desk.LinkDocumentsAsync(user, id, request.IndexNos, cancellationToken)).ToResult(i => TypedResults.Ok(new InterviewStatusResponse(id, i.Stage)));

    private static async Task<Results<Created<PhotoResponse>, ProblemHttpResult, ValidationProblem>> AddPhotoAsync(
        int id, IFormFile? photo, [FromForm] string? caption, ClaimsPrincipal user, InterviewDesk desk, CancellationToken cancellationToken)
    {
        static Created<PhotoResponse> Created(int id, InterviewPhoto p) => TypedResults.Created(PhotoUrl(id, p.Id), new PhotoResponse(p.Id, p.Caption, PhotoUrl(id, p.Id)));
        if (photo is null)
        {
            Outcome<InterviewPhoto> missing = Refusal.InvalidField("photo", "请以 multipart/form-data 上传：图片字段名为 photo，说明字段名为 caption。", "缺少图片");
            return missing.ToResult(p => Created(id, p));
        }

        var content = new byte[photo.Length];
        await using (var stream = photo.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        return (await desk.AddPhotoAsync(user, id, caption, content, cancellationToken)).ToResult(p => Created(id, p));
    }

    private static async Task<IResult> PhotoAsync(int id, int photoId, InterviewDesk desk, CancellationToken cancellationToken)
    {
        var photo = await desk.PublicPhotoAsync(id, photoId, cancellationToken);
        return photo is null ? TypedResults.NotFound() : TypedResults.File(photo.Content, photo.ContentType);
    }

    internal static string PageUrl(int id) => $"/interviews/{id}";

    internal static string PhotoUrl(int id, int photoId) => $"/interviews/{id}/photos/{photoId}";
}
