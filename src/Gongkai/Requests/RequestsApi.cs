using System.Security.Claims;
using Gongkai.Staff;
using Gongkai.Requests.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Requests;

/// <summary>What the applicant receives after filing: the code is shown this once.</summary>
public sealed record FiledResponse(string TrackingNumber, string Code, DateOnly ReceivedOn, DateOnly? DueOn);

/// <summary>One day of the deadline explanation.</summary>
public sealed record ClockDayResponse(DateOnly Date, string Kind, int? WorkingDay, string Reason, IReadOnlyList<string> Events);

/// <summary>The recomputed clock after an event.</summary>
public sealed record ClockResponse(
    string TrackingNumber, DateOnly? DueOn, string State, string Status, string RuleSet, int PeriodWorkingDays,
    DateOnly? ResumesBy, IReadOnlyList<string> Warnings, string Convention, IReadOnlyList<ClockDayResponse> Explanation)
{
    public static ClockResponse From(string trackingNumber, ClockResult clock) => new(
        trackingNumber, clock.DueOn, clock.State.ToString(), clock.StateDescription, clock.Rules.Summary, clock.PeriodWorkingDays,
        clock.ResumesBy, clock.Warnings, RequestClock.Convention,
        clock.Days.Select(d => new ClockDayResponse(d.Date, Gongkai.Calendar.DayKinds.Code(d.Kind), d.WorkingDayNumber, d.Reason, d.Events)).ToList());
}

/// <summary>What an applicant sees: status and deadline, never the applicant data itself.</summary>
public sealed record ApplicantStatusResponse(
    string TrackingNumber, string Body, DateOnly ReceivedOn, string Stage, string Status, DateOnly? DueOn,
    IReadOnlyList<ApplicantEventResponse> Events);

public sealed record ApplicantEventResponse(string Type, string Name, DateOnly On, string? Decision);

/// <summary>The body of <c>POST /api/v1/requests/{trackingNumber}/events</c>.</summary>
public sealed record EventRequest(string? Type, DateOnly? On, int? WorkingDays, string? Decision, string? Details,
    string? FeeMethod = null, int? Pages = null, string? ResponsibleBody = null);

internal static class RequestsApi
{
    public static void MapRequestsApi(this WebApplication app)
    {
        var requests = app.MapGroup("/api/v1/requests").WithTags("依申请公开");
        requests.MapPost("/", FileAsync).WithSummary("提交政府信息公开申请（支持 Idempotency-Key）").AllowAnonymous().RequireRateLimiting(RequestRateLimits.Apply);
        requests.MapGet("/{trackingNumber}", TrackAsync).WithSummary("申请人查询办理进度（查询码放在 X-Request-Code 请求头）").AllowAnonymous().RequireRateLimiting(RequestRateLimits.Track);
        requests.MapPost("/{trackingNumber}/events", RecordEventAsync).WithSummary("登记办理事项（补正、征求意见、延期、答复等）").RequireAuthorization(RequestsPermissions.HandleRequests);
        requests.MapGet("/statistics", StatisticsAsync).WithSummary("年度报告表三、表四统计").AllowAnonymous();
    }

    /// <summary>A client that did not hear the answer (a timeout, a dropped connection) sends the same request with the
    /// same key and gets the first answer, not a second application with a second statutory clock.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static async Task<Results<Created<FiledResponse>, ProblemHttpResult, ValidationProblem>> FileAsync(
        RequestApplication application, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, HttpContext http, RequestDesk desk,
        CancellationToken cancellationToken)
    {
        // Staff calling with a token or cookie register on the applicant's behalf and may set channel and date.
        var staff = http.User.Identity?.IsAuthenticated == true && http.User.IsInRole(StaffRoles.RequestOfficer) ? http.User : null;
        var outcome = await desk.FileAsync(application, staff, idempotencyKey, cancellationToken);
        return outcome.ToResult(filed =>
        {
            if (filed.Replayed)
            {
                http.Response.Headers["Idempotent-Replayed"] = "true";
            }

            var request = filed.Request;
            return TypedResults.Created($"/api/v1/requests/{request.TrackingNumber}", new FiledResponse(request.TrackingNumber, filed.Code, request.ReceivedOn, filed.Clock?.DueOn));
        });
    }

    /// <summary>The applicant's query code travels in a header, never in the address: addresses end up in access logs,
    /// proxies and browser histories.</summary>
    public const string CodeHeader = "X-Request-Code";

    private static async Task<Results<Ok<ApplicantStatusResponse>, ProblemHttpResult>> TrackAsync(
        string trackingNumber, [FromHeader(Name = CodeHeader)] string? requestCode, HttpRequest http, RequestDesk desk, CancellationToken cancellationToken)
    {
        if (http.Query.ContainsKey("code"))
        {
            return TypedResults.Problem(title: "查询码不能放在网址中", statusCode: StatusCodes.Status400BadRequest,
                detail: $"网址会被记录在服务器日志、代理和浏览器历史中。请在请求头 {CodeHeader} 中提供查询码。");
        }

        var request = await desk.FindForApplicantAsync(trackingNumber, requestCode, cancellationToken);
        if (request is null)
        {
            return TypedResults.Problem(title: "未找到申请", detail: "申请编号或查询码不正确。", statusCode: StatusCodes.Status404NotFound);
        }

        var computed = await desk.ClockOfAsync(request, cancellationToken);
        return TypedResults.Ok(new ApplicantStatusResponse(
            request.TrackingNumber, request.Body!.Name, request.ReceivedOn, RequestStages.ChineseName(request.Stage), computed.StateDescription, computed.DueOn,
            request.Events.OrderBy(e => e.On).ThenBy(e => e.Id).Select(e => new ApplicantEventResponse(
                e.Type, RequestEventTypes.ChineseName(RequestEventTypes.Parse(e.Type)!.Value), e.On, e.Decision)).ToList()));
    }

    private static async Task<Results<Ok<StatisticsResponse>, ProblemHttpResult>> StatisticsAsync(
        string? body, int? year, RequestStatistics statistics, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body) || year is not (>= 2008 and <= 2100))
        {
            return TypedResults.Problem(title: "参数有误", detail: "请指定机关代码 body 和年份 year（2008–2100）。", statusCode: StatusCodes.Status400BadRequest);
        }

        var table = await statistics.TableThreeAsync(body.Trim(), year.Value, cancellationToken);
        var four = await statistics.TableFourAsync(body.Trim(), year.Value, cancellationToken);
        if (table is null || four is null)
        {
            return TypedResults.Problem(title: "未找到该机构", detail: $"没有代码为“{body}”的机构。", statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.Ok(new StatisticsResponse(body.Trim(), table.Year, TableThree.Columns,
            table.Rows.Select(r => new StatisticsRow(r.Key, r.Label, r.Counts)).ToList(), table.Violations(),
            four.Groups.Select(g => new TableFourRow(g.Kind, g.Label, g.Upheld, g.Corrected, g.Other, g.Pending, g.Total)).ToList()));
    }

    private static async Task<Results<Ok<ClockResponse>, ProblemHttpResult, ValidationProblem>> RecordEventAsync(
        string trackingNumber, EventRequest body, ClaimsPrincipal user, RequestDesk desk, CancellationToken cancellationToken) =>
        (await desk.RecordEventAsync(user, trackingNumber, new EventDraft(body.Type, body.On, body.WorkingDays, body.Decision, body.Details, body.FeeMethod, body.Pages, body.ResponsibleBody), cancellationToken))
            .ToResult(recorded => TypedResults.Ok(ClockResponse.From(recorded.Request.TrackingNumber, recorded.Clock)));
}

/// <summary>Table 三 for one body and year: aggregate counts only, the figures the annual report publishes.</summary>
public sealed record StatisticsResponse(string Body, int Year, IReadOnlyList<string> Columns, IReadOnlyList<StatisticsRow> Rows, IReadOnlyList<string> Violations,
    IReadOnlyList<TableFourRow> TableFour);

/// <summary>One group of table 四 (行政复议, 直接起诉, 复议后起诉) with the report's five numbers.</summary>
public sealed record TableFourRow(string Kind, string Label, int Upheld, int Corrected, int Other, int Pending, int Total);

public sealed record StatisticsRow(string Key, string Label, IReadOnlyList<int> Counts);

/// <summary>Chinese names of the handling stages.</summary>
public static class RequestStages
{
    public static string ChineseName(RequestStage stage) => stage switch
    {
        RequestStage.Registered => "登记",
        RequestStage.Reviewing => "审核",
        RequestStage.Handling => "办理",
        RequestStage.Answered => "答复",
        RequestStage.Archived => "归档",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };
}
