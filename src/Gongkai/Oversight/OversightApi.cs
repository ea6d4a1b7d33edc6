using System.Security.Claims;
using System.Text.Json.Serialization;
using Gongkai.Oversight.Rules;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Oversight;

/// <summary>One task in <c>GET /api/v1/workplan/{year}/tasks</c>: lead and responsible units by the body's name when
/// matched, else as the plan writes them.</summary>
public sealed record WorkPlanTaskItem(
    int Number, string Title, IReadOnlyList<string> Lead, IReadOnlyList<string> Responsible,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? Deadline,
    string Status, string StatusName, string StatusReason, LatestProgress? LatestReport);

/// <summary>The latest progress report on a task.</summary>
public sealed record LatestProgress(string Body, int Quarter, string Progress, string Text, DateTimeOffset SubmittedAt);

/// <summary>The answer of <c>GET /api/v1/workplan/{year}/tasks</c>.</summary>
public sealed record WorkPlanTasks(int Year, string Title, IReadOnlyList<WorkPlanTaskItem> Items);

/// <summary>The body of <c>POST /api/v1/workplan</c>: the plan's text; the year when its title has none.</summary>
public sealed record WorkPlanImportRequest(string? Text, int? Year = null);

/// <summary>A unit name that matched no body, and the tasks naming it.</summary>
public sealed record UnmatchedUnitItem(string Name, IReadOnlyList<int> Tasks, string? Note);

/// <summary>The answer to an import: how many tasks, the problems found and the unmatched names.</summary>
public sealed record WorkPlanImported(int Year, string Title, int Tasks, IReadOnlyList<string> Problems, IReadOnlyList<UnmatchedUnitItem> Unmatched);

/// <summary>The body of a progress report; <c>body</c> defaults to the reporter's own body.</summary>
public sealed record ProgressReportRequest(int? Quarter, string? Progress, string? Text, string? Body = null);

/// <summary>A stored progress report.</summary>
public sealed record ProgressReportCreated(int Id, int Quarter, string Progress);

/// <summary>The body of <c>POST /api/v1/opinions</c>. <c>foundAt</c> is ISO 8601; without an offset it is China time.</summary>
public sealed record OpinionRequest(string? Body, string? Title, string? Severity, string? FoundAt, string? Source = null, string? Link = null, string? Summary = null);

/// <summary>The clocks that started for a registered item.</summary>
public sealed record OpinionCreated(
    int Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? FirstReleaseDueAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? PressConferenceDueAt,
    DateTimeOffset ResponseDueAt);

/// <summary>One clock of an item in the staff list.</summary>
public sealed record OpinionClockItem(string Name, DateTimeOffset DueAt, DateTimeOffset? DoneAt, string State);

/// <summary>An item in the staff list.</summary>
public sealed record OpinionListItem(int Id, string Title, string Body, string Severity, DateTimeOffset FoundAt, string? AssignedTo, string? ResponseIndexNo, IReadOnlyList<OpinionClockItem> Clocks);

/// <summary>One column in <c>GET /api/v1/inspection</c>: <c>lastUpdated</c> is the latest publication (null when
/// empty); <c>staleOn</c> the China day it goes (or went) stale.</summary>
public sealed record InspectionColumn(int Id, string Name, string Path, string Body, string Kind, DateTimeOffset? LastUpdated, bool Stale, bool Empty, DateOnly? StaleOn, bool StaleSoon);

/// <summary>A failed single-veto item.</summary>
public sealed record InspectionVetoItem(string Rule, string Detail);

/// <summary>The answer of <c>GET /api/v1/inspection</c>;
/// <c>brokenLinks</c>: links in the published documents that the link checker last found broken.</summary>
public sealed record InspectionResponse(string? Body, DateOnly Date, IReadOnlyList<InspectionVetoItem> Vetoes, int Score, bool Passes, IReadOnlyList<InspectionColumn> Columns, int BrokenLinks,
    IReadOnlyList<InspectionUnansweredItem> Unanswered, IReadOnlyList<InspectionGuideItem> IncompleteGuides, InspectionAvailabilityItem Availability);

/// <summary>The site's availability from every node's probe log: <c>month</c> (yyyy-MM), probes and failed probes (not
/// loaded within 15 s) this month, <c>percent</c> loaded in time (null without probes), and whether the past 7 days had
/// the 20 probes a day needed to judge the veto.</summary>
public sealed record InspectionAvailabilityItem(string Month, int Probes, int Failed, decimal? Percent, bool WeekMeasured);

/// <summary>Valid messages of one body and channel received within the past year and unanswered for over 3 months.</summary>
public sealed record InspectionUnansweredItem(string Body, string Channel, int Count, DateOnly OldestReceivedOn);

/// <summary>A published service guide lacking key elements (<c>missing</c>: their Chinese names).</summary>
public sealed record InspectionGuideItem(string Body, string ItemName, IReadOnlyList<string> Missing);

/// <summary>The body of <c>POST /api/v1/opinions/{id}/steps</c>.</summary>
public sealed record OpinionStepRequest(string? Step, string? DoneAt = null, string? IndexNo = null);

internal static class OversightApi
{
    public static void MapOversightApi(this WebApplication app)
    {
        var workplan = app.MapGroup("/api/v1/workplan").WithTags("工作要点");
        workplan.MapGet("/{year:int}/tasks", TasksAsync).WithSummary("一年工作要点的任务分解：牵头单位、责任单位、期限和进展状态").AllowAnonymous();
        workplan.MapPost("/", ImportAsync).WithSummary("导入工作要点全文（未匹配的单位名称和格式问题一并返回）").RequireAuthorization(OversightPermissions.ImportWorkPlan);
        workplan.MapPost("/{year:int}/tasks/{number:int}/reports", ReportAsync).WithSummary("责任单位报送一项任务的季度进展").RequireAuthorization(OversightPermissions.ReportProgress);

        app.MapGet("/api/v1/inspection", InspectAsync).WithTags("网站自查").WithSummary("网站自查：各栏目最近更新、超期未更新和空白栏目、单项否决和得分（可按机关代码筛选）")
            .RequireAuthorization(OversightPermissions.ViewInspection);
        app.MapGet("/admin/oversight/inspection/{body}/{year:int}/{month:int}.pdf", MonthlyPdfAsync).WithTags("网站自查")
            .WithSummary("一个机关已结束月份的网站自查月度报告（PDF），按保留的数据按需生成")
            .RequireAuthorization(OversightPermissions.ViewInspection);

        var opinions = app.MapGroup("/api/v1/opinions").WithTags("政务舆情");
        opinions.MapPost("/", RegisterAsync).WithSummary("登记一条政务舆情并按国办发〔2016〕61号开始计时").RequireAuthorization(OversightPermissions.HandleOpinions);
        opinions.MapGet("/", ListOpinionsAsync).WithSummary("本单位的政务舆情及其时限").RequireAuthorization(OversightPermissions.HandleOpinions);
        opinions.MapPost("/{id:int}/steps", StepAsync).WithSummary("记录发布权威信息、新闻发布会或回应，并关联已公开的回应文件").RequireAuthorization(OversightPermissions.HandleOpinions);
    }

    private static async Task<Results<Ok<WorkPlanTasks>, ProblemHttpResult, ValidationProblem>> TasksAsync(int year, WorkPlanDesk desk, CancellationToken cancellationToken)
    {
        var tasks = await desk.TasksAsync(year, cancellationToken);
        if (tasks is null)
        {
            Outcome<WorkPlanTasks> missing = Refusal.NotFound($"没有{year}年的工作要点。", "未找到工作要点");
            return missing.ToResult(TypedResults.Ok);
        }

        var plan = tasks.Count > 0 ? tasks[0].Plan : (await desk.PlanAsync(year, cancellationToken))!;
        return TypedResults.Ok(new WorkPlanTasks(year, plan.Title, tasks.Select(Item).ToList()));
    }

    internal static WorkPlanTaskItem Item(TaskView t) => new(
        t.Task.Number, t.Task.Title, t.Lead.Select(u => u.DisplayName).ToList(), t.Responsible.Select(u => u.DisplayName).ToList(), t.Task.Deadline,
        TaskProgress.Code(t.Status.Status), TaskProgress.ChineseName(t.Status.Status), t.Status.Reason,
        t.Latest is { } r ? new LatestProgress(r.Body?.Name ?? "", r.Report.Quarter, r.Report.Progress, r.Report.Text, r.Report.SubmittedAt) : null);

    private static async Task<Results<Created<WorkPlanImported>, ProblemHttpResult, ValidationProblem>> ImportAsync(
        WorkPlanImportRequest request, ClaimsPrincipal user, WorkPlanDesk desk, CancellationToken cancellationToken) =>
        (await desk.ImportAsync(user, request.Text, request.Year, cancellationToken: cancellationToken)).ToResult(i => TypedResults.Created(
            $"/api/v1/workplan/{i.Plan.Year}/tasks",
            new WorkPlanImported(i.Plan.Year, i.Plan.Title, i.TaskCount, i.Problems.Select(WorkPlanDesk.Describe).ToList(),
                i.Unmatched.Select(u => new UnmatchedUnitItem(u.Name, u.Tasks, u.Note)).ToList())));

    private static async Task<Results<Created<ProgressReportCreated>, ProblemHttpResult, ValidationProblem>> ReportAsync(
        int year, int number, ProgressReportRequest request, ClaimsPrincipal user, WorkPlanDesk desk, CancellationToken cancellationToken) =>
        (await desk.ReportAsync(user, year, number, request.Body, request.Quarter, request.Progress, request.Text, cancellationToken))
            .ToResult(r => TypedResults.Created($"/api/v1/workplan/{year}/tasks", new ProgressReportCreated(r.Id, r.Quarter, r.Progress)));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> MonthlyPdfAsync(
        string body, int year, int month, ClaimsPrincipal user, SiteInspection inspection, Gongkai.Platform.Pdf.PdfRenderer renderer, CancellationToken cancellationToken) =>
        (await inspection.MonthAsync(user, body, year, month, cancellationToken)).ToResult(m => TypedResults.File(
            renderer.Render(InspectionText.Pdf(m)), "application/pdf", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{m.Body.Code}-inspection-{year}-{month:00}.pdf")));

    private static async Task<Results<Ok<InspectionResponse>, ProblemHttpResult, ValidationProblem>> InspectAsync(
        string? body, ClaimsPrincipal user, SiteInspection inspection, Gongkai.Organizations.BodyDirectory directory, CancellationToken cancellationToken)
    {
        var outcome = await inspection.InspectAsync(user, body, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            Outcome<InspectionResponse> refused = refusal;
            return refused.ToResult(TypedResults.Ok);
        }

        var report = outcome.Value!;
        var bodies = await directory.LoadAsync(cancellationToken);
        return TypedResults.Ok(new InspectionResponse(report.Body?.Code, inspection.Today,
            report.Result.Vetoes.Select(v => new InspectionVetoItem(v.Rule, v.Detail)).ToList(), report.Result.Score, report.Result.Passes,
            report.Result.Columns.Select(c => new InspectionColumn(c.Column.Id, c.Column.Name, report.Columns[c.Column.Id].Path,
                bodies.Find(report.Columns[c.Column.Id].BodyId)?.Code ?? "", ColumnFreshness.Code(c.Kind), c.Column.LastUpdated, c.Stale, c.Empty, c.StaleOn, c.StaleSoon)).ToList(),
            report.Result.BrokenLinks,
            report.Result.Unanswered.Select(u => new InspectionUnansweredItem(u.Body, u.Channel, u.Count, u.OldestReceivedOn)).ToList(),
            report.Result.IncompleteGuides.Select(g => new InspectionGuideItem(g.Body, g.ItemName, g.Missing)).ToList(),
            new InspectionAvailabilityItem(inspection.Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                report.Result.Availability?.Probes ?? 0, report.Result.Availability?.Failed ?? 0, report.Result.Availability?.Percent, report.Result.AvailabilityMeasured)));
    }

    private static async Task<Results<Created<OpinionCreated>, ProblemHttpResult, ValidationProblem>> RegisterAsync(
        OpinionRequest request, ClaimsPrincipal user, OpinionDesk desk, CancellationToken cancellationToken) =>
        (await desk.RegisterAsync(user, new OpinionDraft(request.Body, request.Title, request.Severity, request.FoundAt, request.Source, request.Link, request.Summary), cancellationToken: cancellationToken))
            .ToResult(o => TypedResults.Created($"/admin/oversight/opinions/{o.Id}", new OpinionCreated(o.Id, o.FirstReleaseDueAt, o.PressConferenceDueAt, o.ResponseDueAt)));

    private static async Task<Ok<IReadOnlyList<OpinionListItem>>> ListOpinionsAsync(ClaimsPrincipal user, OpinionDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<OpinionListItem>>((await desk.ListAsync(user, cancellationToken)).Select(ListItem).ToList());

    private static OpinionListItem ListItem(OpinionView v) => new(
        v.Item.Id, v.Item.Title, v.Body?.Code ?? "", v.Item.Severity, v.Item.FoundAt, v.Item.AssignedTo, v.Item.ResponseIndexNo,
        v.Clocks.Select(c => new OpinionClockItem(c.Name, c.DueAt, c.DoneAt, c.State.ToString())).ToList());

    private static async Task<Results<Ok<OpinionListItem>, ProblemHttpResult, ValidationProblem>> StepAsync(
        int id, OpinionStepRequest request, ClaimsPrincipal user, OpinionDesk desk, CancellationToken cancellationToken)
    {
        var stepped = await desk.RecordStepAsync(user, id, request.Step, request.DoneAt, request.IndexNo, cancellationToken);
        if (stepped.Refusal is { } refusal)
        {
            Outcome<OpinionListItem> refused = refusal;
            return refused.ToResult(TypedResults.Ok);
        }

        return (await desk.ViewAsync(user, id, cancellationToken)).ToResult(v => TypedResults.Ok(ListItem(v)));
    }
}
