using System.Security.Claims;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Participation;

/// <summary>The body of <c>POST /api/v1/meetings</c> and <c>PUT /api/v1/meetings/{id}</c>.</summary>
public sealed record MeetingRequest(string? Body, string? Topic, string? Description, DateTimeOffset? HeldAt, string? Place, int? Seats, string? Eligibility, DateOnly? ApplyBy);

/// <summary>A meeting's id and stage after a step.</summary>
public sealed record MeetingStatusResponse(int Id, string Status);

/// <summary>The body of <c>POST /api/v1/meetings/{id}/applications</c>.</summary>
public sealed record SeatApplicationRequest(string? Name, string? IdNumber, string? Contact, string? Reason);

/// <summary>A stored application: its number (the public draw list names applications by number).</summary>
public sealed record SeatApplicationCreated(long Id, string IdentityCheck);

/// <summary>An application in a staff list: the ID number masked.</summary>
public sealed record StaffSeatApplication(long Id, string Name, string IdNumberMasked, string Contact, string Reason, string IdentityCheck, string? CheckReason,
    int? Rank, bool? Seated, bool? Attended, string? Opinion);

/// <summary>An application for the identity check: the ID number in full.</summary>
public sealed record IdentitySeatApplication(long Id, string Name, string IdNumber, string Contact, string Reason, string IdentityCheck, string? CheckReason);

/// <summary>The body of the identity check: accepted | refused, with a reason when refused.</summary>
public sealed record IdentityCheckRequest(string? Decision, string? Reason);

/// <summary>The body of <c>POST /api/v1/meetings/{id}/seats</c>: an optional seed (random when absent).</summary>
public sealed record FillSeatsRequest(string? Seed);

/// <summary>One representative's attendance and opinion.</summary>
public sealed record AttendanceRequest(long ApplicationId, bool Attended, string? Opinion);

/// <summary>The body of <c>PUT /api/v1/meetings/{id}/record</c>.</summary>
public sealed record MeetingRecordRequest(string? Summary, IReadOnlyList<AttendanceRequest>? Attendance);

/// <summary>One application's place in the published draw (by number, name masked).</summary>
public sealed record PublicDrawEntry(int Rank, long ApplicationId, string Name, string Key, bool Seated);

/// <summary>The published draw: seed, algorithm, the accepted numbers it ranked, and the ranking.</summary>
public sealed record PublicDraw(string Seed, string Algorithm, int Seats, IReadOnlyList<long> AcceptedApplications, IReadOnlyList<PublicDrawEntry> Ranking);

/// <summary>A representative in the public record after the meeting.</summary>
public sealed record PublicRepresentative(long ApplicationId, string Name, bool Attended, string? Opinion);

/// <summary>The public record after the meeting.</summary>
public sealed record PublicMeetingRecord(string Summary, int Attended, IReadOnlyList<PublicRepresentative> Representatives);

/// <summary>A meeting in the API; never an ID number or a contact.</summary>
public sealed record MeetingResponse(int Id, string Topic, string Status, string StatusName, string Body, string BodyName, string Description, DateTimeOffset HeldAt, string Place,
    int Seats, string Eligibility, DateOnly ApplyBy, int Applications, string Url, IReadOnlyList<PublicDrawEntry>? Seated, PublicDraw? Draw, PublicMeetingRecord? Record);

/// <summary>A meeting in a list.</summary>
public sealed record MeetingListItem(int Id, string Topic, string Status, string Body, DateTimeOffset HeldAt, int Seats, DateOnly ApplyBy, int Applications, string Url);

internal static class MeetingsApi
{
    public static void MapMeetingsApi(this WebApplication app)
    {
        var meetings = app.MapGroup("/api/v1/meetings").WithTags("公众列席");
        meetings.MapGet("/", ListAsync).WithSummary("公众列席会议列表").AllowAnonymous();
        meetings.MapPost("/", CreateAsync).WithSummary("起草会议公告（议题、时间、地点、席位、报名条件、截止日期）").RequireAuthorization(ParticipationPermissions.Prepare);
        meetings.MapGet("/{id:int}", GetAsync).WithSummary("一次公众列席会议：公告、抽签结果、会议记录").AllowAnonymous();
        meetings.MapPut("/{id:int}", UpdateAsync).WithSummary("修改尚未发布的会议公告").RequireAuthorization(ParticipationPermissions.Prepare);
        meetings.MapPost("/{id:int}/announce", AnnounceAsync).WithSummary("发布会议公告（开始接受报名）").RequireAuthorization(ParticipationPermissions.Approve);
        meetings.MapPost("/{id:int}/applications", ApplyAsync).WithSummary("公众报名列席").AllowAnonymous().RequireRateLimiting(ParticipationRateLimits.SeatApplication);
        meetings.MapGet("/{id:int}/applications", ApplicationsAsync).WithSummary("工作人员查看报名（身份证号码已遮盖）").RequireAuthorization(ParticipationPermissions.View);
        meetings.MapGet("/{id:int}/applications/{applicationId:long}", IdentityAsync).WithSummary("核验身份时查看一份报名（完整身份证号码，留痕）").RequireAuthorization(ParticipationPermissions.Prepare);
        meetings.MapPost("/{id:int}/applications/{applicationId:long}/check", CheckAsync).WithSummary("核验身份：通过或不通过（须说明理由）").RequireAuthorization(ParticipationPermissions.Prepare);
        meetings.MapPost("/{id:int}/seats", FillSeatsAsync).WithSummary("确定列席人员（人数超过席位时公开抽签）").RequireAuthorization(ParticipationPermissions.Approve);
        meetings.MapPut("/{id:int}/record", RecordAsync).WithSummary("会后记录出席情况和列席代表的意见并公开").RequireAuthorization(ParticipationPermissions.Prepare);
    }

    private static async Task<Results<Ok<IReadOnlyList<MeetingListItem>>, ProblemHttpResult, ValidationProblem>> ListAsync(string? status, MeetingDesk desk, CancellationToken cancellationToken)
    {
        MeetingStage? filter = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            filter = MeetingRules.ParsePublicStage(status.Trim());
            if (filter is null)
            {
                Outcome<IReadOnlyList<MeetingListItem>> refused = Refusal.InvalidField("status", "状态应为 announced、seated 或 recorded。", "状态有误");
                return refused.ToResult(TypedResults.Ok);
            }
        }

        var rows = await desk.ListPublicAsync(filter, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<MeetingListItem>>(rows.Select(r => new MeetingListItem(
            r.Meeting.Id, r.Meeting.Topic, r.Meeting.Stage, r.Body?.Code ?? "", r.Meeting.HeldAt, r.Meeting.Seats, r.Meeting.ApplyBy, r.Applications, PageUrl(r.Meeting.Id))).ToList());
    }

    private static MeetingDraft Draft(MeetingRequest r) => new(r.Body, r.Topic, r.Description, r.HeldAt, r.Place, r.Seats, r.Eligibility, r.ApplyBy);

    private static async Task<Results<Created<MeetingStatusResponse>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        MeetingRequest request, ClaimsPrincipal user, MeetingDesk desk, CancellationToken cancellationToken) =>
        (await desk.CreateAsync(user, Draft(request), cancellationToken)).ToResult(m => TypedResults.Created($"/api/v1/meetings/{m.Id}", new MeetingStatusResponse(m.Id, m.Stage)));

    private static async Task<Results<Ok<MeetingStatusResponse>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        int id, MeetingRequest request, ClaimsPrincipal user, MeetingDesk desk, CancellationToken cancellationToken) =>
        (await desk.UpdateAsync(user, id, Draft(request), cancellationToken)).ToResult(m => TypedResults.Ok(new MeetingStatusResponse(m.Id, m.Stage)));

    private static async Task<Results<Ok<MeetingResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(int id, ClaimsPrincipal user, MeetingDesk desk, CancellationToken cancellationToken) =>
        await (await desk.ViewAsync(user, id, cancellationToken)).ToResultAsync(async view => TypedResults.Ok(await ResponseAsync(view, desk, cancellationToken)));

    internal static async Task<MeetingResponse> ResponseAsync(MeetingView view, MeetingDesk desk, CancellationToken cancellationToken)
    {
        var m = view.Meeting;
        var applications = await desk.ApplicationsAsync(m.Id, cancellationToken);
        var names = applications.ToDictionary(a => a.Id, a => MeetingRules.MaskName(a.Name));
        IReadOnlyList<PublicDrawEntry>? seated = null;
        PublicDraw? draw = null;
        PublicMeetingRecord? record = null;
        if (view.Stage is MeetingStage.Seated or MeetingStage.Recorded)
        {
            seated = applications.Where(a => a.Seated is not null).OrderBy(a => a.Rank)
                .Select(a => new PublicDrawEntry(a.Rank ?? 0, a.Id, names[a.Id], m.DrawSeed is null ? "" : MeetingRules.Key(m.DrawSeed, a.Id), a.Seated == true)).ToList();
            if (await desk.PublishedDrawAsync(m, cancellationToken) is { } result)
            {
                draw = new PublicDraw(result.Seed, MeetingRules.AlgorithmDescription, result.Seats, result.Entries.Select(e => e.ApplicationId).Order().ToList(),
                    result.Entries.Select(e => new PublicDrawEntry(e.Rank, e.ApplicationId, names[e.ApplicationId], e.Key, e.Seated)).ToList());
            }
        }

        if (view.Stage == MeetingStage.Recorded)
        {
            var representatives = applications.Where(a => a.Seated == true).OrderBy(a => a.Rank)
                .Select(a => new PublicRepresentative(a.Id, names[a.Id], a.Attended == true, a.PublicOpinion)).ToList();
            record = new PublicMeetingRecord(m.RecordSummary, representatives.Count(r => r.Attended), representatives);
        }

        return new MeetingResponse(m.Id, m.Topic, m.Stage, MeetingRules.ChineseName(view.Stage), view.Body?.Code ?? "", view.Body?.Name ?? "", m.Description, m.HeldAt, m.Place,
            m.Seats, m.Eligibility, m.ApplyBy, applications.Count, PageUrl(m.Id), seated, draw, record);
    }

    private static async Task<Results<Ok<MeetingStatusResponse>, ProblemHttpResult, ValidationProblem>> AnnounceAsync(int id, ClaimsPrincipal user, MeetingDesk desk, CancellationToken cancellationToken) =>
        (await desk.AnnounceAsync(user, id, cancellationToken)).ToResult(v => TypedResults.Ok(new MeetingStatusResponse(id, v.Meeting.Stage)));

    private static async Task<Results<Created<SeatApplicationCreated>, ProblemHttpResult, ValidationProblem>> ApplyAsync(
        int id, SeatApplicationRequest request, ClaimsPrincipal user, MeetingDesk desk, CancellationToken cancellationToken) =>
        (await desk.ApplyAsync(user, id, request.Name, request.IdNumber, request.Contact, request.Reason, cancellationToken))
            .ToResult(a => TypedResults.Created($"/api/v1/meetings/{id}/applications/{a.Id}", new SeatApplicationCreated(a.Id, a.IdentityCheck)));

    private static async Task<Results<Ok<IReadOnlyList<StaffSeatApplication>>, ProblemHttpResult, ValidationProblem>> ApplicationsAsync(
        int id, ClaimsPrincipal user, MeetingDesk desk, CancellationToken cancellationToken) =>
        (await desk.StaffApplicationsAsync(user, id, cancellationToken)).ToResult(list => TypedResults.Ok<IReadOnlyList<StaffSeatApplication>>(list.Select(StaffView).ToList()));

    internal static StaffSeatApplication StaffView(SeatApplication a) =>
        new(a.Id, a.Name, MeetingRules.MaskIdNumber(a.IdNumber), a.Contact, a.Reason, a.IdentityCheck, a.CheckReason, a.Rank, a.Seated, a.Attended, a.Opinion);

    private static async Task<Results<Ok<IdentitySeatApplication>, ProblemHttpResult, ValidationProblem>> IdentityAsync(
        int id, long applicationId, ClaimsPrincipal user, MeetingDesk desk, CancellationToken cancellationToken) =>
        (await desk.ApplicationForCheckAsync(user, id, applicationId, cancellationToken)).ToResult(found =>
        {
            var a = found.Application;
            return TypedResults.Ok(new IdentitySeatApplication(a.Id, a.Name, a.IdNumber, a.Contact, a.Reason, a.IdentityCheck, a.CheckReason));
        });

    private static async Task<Results<Ok<StaffSeatApplication>, ProblemHttpResult, ValidationProblem>> CheckAsync(
        int id, long applicationId, IdentityCheckRequest request, ClaimsPrincipal user, MeetingDesk desk, CancellationToken cancellationToken) =>
        (await desk.CheckAsync(user, id, applicationId, request.Decision, request.Reason, cancellationToken)).ToResult(a => TypedResults.Ok(StaffView(a)));

    private static async Task<Results<Ok<MeetingStatusResponse>, ProblemHttpResult, ValidationProblem>> FillSeatsAsync(
        int id, FillSeatsRequest? request, ClaimsPrincipal user, MeetingDesk desk, CancellationToken cancellationToken) =>
        (await desk.FillSeatsAsync(user, id, request?.Seed, cancellationToken)).ToResult(v => TypedResults.Ok(new MeetingStatusResponse(id, v.Meeting.Stage)));

    private static async Task<Results<Ok<MeetingStatusResponse>, ProblemHttpResult, ValidationProblem>> RecordAsync(
        int id, MeetingRecordRequest request, ClaimsPrincipal user, MeetingDesk desk, CancellationToken cancellationToken) =>
        (await desk.RecordAsync(user, id, request.Summary, request.Attendance?.Select(a => new AttendanceInput(a.ApplicationId, a.Attended, a.Opinion)).ToList(), cancellationToken))
            .ToResult(v => TypedResults.Ok(new MeetingStatusResponse(id, v.Meeting.Stage)));

    internal static string PageUrl(int id) => $"/meetings/{id}";
}
