using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gongkai.OpenData.Contracts;
using Gongkai.Organizations;
using Gongkai.Oversight.Rules;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Publishing;
using Gongkai.Publishing.Contracts;
using Gongkai.Publishing.Rules;
using Gongkai.Requests;
using Gongkai.Requests.Rules;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Oversight;

/// <summary>A report as staff and the public see it: the figures (frozen, or computed now), every check, and where its
/// document stands in Publishing's review.</summary>
public sealed record AnnualReportView(
    AnnualReport Report, Body Body, AnnualReportTables Tables, IReadOnlyList<ReportCheck> Checks, DocumentState? Document,
    DateOnly DueOn, ReportDeadlineState Deadline)
{
    public bool Published => Document?.Status == DocumentStatus.Published;

    /// <summary>The document came back from review (or was never submitted): the report may change again.</summary>
    public bool Returned => Report.Status == AnnualReport.Submitted && Document?.Status is DocumentStatus.Returned or DocumentStatus.Draft;

    public bool Frozen => Report.FrozenTables is not null;

    /// <summary>Texts may change while the report is not in review or published.</summary>
    public bool Editable => Report.Status != AnnualReport.Submitted || Returned;

    /// <summary>Hand figures may change only while the figures are live.</summary>
    public bool FiguresEditable => Editable && !Frozen;

    public bool ChecksHold => AnnualReportRules.AllHold(Checks);

    /// <summary>draft | frozen | in-review | returned | published | withdrawn.</summary>
    public string Status => Report.Status switch
    {
        AnnualReport.Draft => "draft",
        AnnualReport.Frozen => "frozen",
        _ => Document?.Status switch
        {
            DocumentStatus.Published => "published",
            DocumentStatus.Withdrawn => "withdrawn",
            DocumentStatus.Returned or DocumentStatus.Draft => "returned",
            _ => "in-review",
        },
    };

    public string StatusName => Status switch
    {
        "draft" => "起草中",
        "frozen" => "数据已冻结",
        "in-review" => "审核中",
        "returned" => "已退回修改",
        "published" => "已发布",
        _ => "已撤回",
    };
}

/// <summary>One body's line on the deadline dashboard: its report of the year, if any, and the deadline.</summary>
public sealed record AnnualReportDue(Body Body, bool IsGovernment, DateOnly DueOn, ReportDeadlineState State, AnnualReportView? Report);

/// <summary>A published report in the public list.</summary>
public sealed record PublishedAnnualReport(Body Body, int Year, string? IndexNo, DateTimeOffset? PublishedAt, AnnualReportTables Tables);

/// <summary>
/// Staff work on annual reports (政府信息公开工作年度报告): generate a body's report for a year, edit its texts and hand
/// figures, freeze the figures, and submit it as a document of the body to Publishing's three-stage review. Figures come
/// from Publishing's documents (<see cref="DocumentFigures"/>) and Requests' statistics (<see cref="RequestStatistics"/>);
/// a report whose checks fail cannot be frozen or submitted. Every change is audited.
/// </summary>
public sealed class AnnualReportDesk(
    GongkaiDbContext db, BodyScope scope, BodyDirectory directory, RolePermissions permissions, AuditLog audit, TimeProvider clock,
    DocumentFigures documents, DecisionRecordCounts decisionRecords, RequestStatistics requests, DocumentDesk documentDesk, PublishedColumns columns, WorkPlanDesk workPlans)
{
    /// <summary>The catalogue column the report is filed in (every body's default catalogue has it).</summary>
    public const string ReportColumn = "政府信息公开年报";

    public const int FirstYear = 2008;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public DateOnly Today => ChinaTime.Today(clock);

    /// <summary>The year whose reports are due now: the previous calendar year.</summary>
    public int CurrentReportYear => Today.Year - 1;

    public static bool IsGovernment(Body body) => body.Kind is BodyKind.MunicipalGovernment or BodyKind.CountyGovernment;

    public async Task<Outcome<AnnualReport>> GenerateAsync(ClaimsPrincipal user, string? bodyCode, int year, CancellationToken cancellationToken = default)
    {
        var body = await directory.NamedOrOwnAsync(user, bodyCode, cancellationToken);
        if (body is null)
        {
            return Refusal.InvalidField("body", "请选择机关。");
        }

        if (!permissions.Grants(user, OversightPermissions.WriteAnnualReport) || !await scope.MayActForAsync(user, body.Id, cancellationToken))
        {
            return Refusal.Forbidden("您只能编制本单位（及下级单位）的年度报告。");
        }

        if (year < FirstYear || year >= Today.Year)
        {
            return Refusal.InvalidField("year", $"只能编制 {FirstYear} 年至 {Today.Year - 1} 年（已结束的年度）的报告。");
        }

        if (await db.Set<AnnualReport>().AnyAsync(r => r.BodyId == body.Id && r.Year == year, cancellationToken))
        {
            return Refusal.Conflict($"{body.Name}{year}年度报告已经生成，请打开它继续编辑。");
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        var report = new AnnualReport
        {
            BodyId = body.Id,
            Year = year,
            Status = AnnualReport.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = StaffClaims.DisplayNameOf(user) ?? "",
            Problems = "",
            Other = "本年度未收取信息处理费。",
        };
        var tables = await ComputeAsync(body, year, new Dictionary<string, decimal?>(), cancellationToken);
        report.Overview = await OverviewAsync(body, year, tables, cancellationToken);
        db.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("annual-report.generated", Target(report), $"{body.Name}{year}年度报告", body.Id);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    /// <summary>Saves the texts, and the hand figures while the figures are live (<paramref name="hand"/> null leaves them).</summary>
    public async Task<Outcome<AnnualReport>> SaveAsync(ClaimsPrincipal user, int id, string? overview, string? problems, string? other,
        IReadOnlyDictionary<string, string?>? hand, CancellationToken cancellationToken = default)
    {
        var found = await OpenForWriteAsync(user, id, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (report, view) = found.Value!;
        if (!view.Editable)
        {
            return Refusal.Conflict("报告正在审核或已发布，不能修改。");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var figures = Hand(report);
        if (hand is not null && view.FiguresEditable)
        {
            foreach (var key in AnnualReportRules.HandKeys)
            {
                var (value, error) = AnnualReportRules.ParseHand(key, hand.GetValueOrDefault(key));
                if (error is not null)
                {
                    errors[key] = [error];
                }

                figures[key] = value;
            }
        }

        foreach (var (field, text) in new[] { ("overview", overview), ("problems", problems), ("other", other) })
        {
            if ((text ?? "").Length > 20000)
            {
                errors[field] = ["内容不能超过 20000 字。"];
            }
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid("填写有误，请修改后再保存。", errors, "填写有误");
        }

        report.Overview = (overview ?? "").Trim();
        report.Problems = (problems ?? "").Trim();
        report.Other = (other ?? "").Trim();
        report.HandFigures = JsonSerializer.Serialize(figures, Json);
        audit.Record("annual-report.saved", Target(report), "保存文字和手工填报数据", report.BodyId);
        return await SaveAsync(report, cancellationToken);
    }

    /// <summary>Fixes the figures as they are now; refused when a check fails (the message names each failing cell).</summary>
    public async Task<Outcome<AnnualReport>> FreezeAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var found = await OpenForWriteAsync(user, id, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (report, view) = found.Value!;
        if (!view.FiguresEditable)
        {
            return Refusal.Conflict("数据已冻结或报告正在审核，不能再次冻结。");
        }

        if (Failing(view) is { } failing)
        {
            return failing;
        }

        Freeze(user, report, view.Tables);
        return await SaveAsync(report, cancellationToken);
    }

    public async Task<Outcome<AnnualReport>> UnfreezeAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var found = await OpenForWriteAsync(user, id, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (report, view) = found.Value!;
        if (!view.Editable || !view.Frozen)
        {
            return Refusal.Conflict("只有数据已冻结、尚未送审（或已退回）的报告才能解冻。");
        }

        report.FrozenTables = null;
        report.FrozenAt = null;
        report.FrozenBy = null;
        report.Status = AnnualReport.Draft;
        audit.Record("annual-report.unfrozen", Target(report), "解冻数据", report.BodyId);
        return await SaveAsync(report, cancellationToken);
    }

    /// <summary>Freezes the figures when still live, then creates (or, after a return, updates) the body's document in the
    /// 政府信息公开年报 column and submits it to 初审. Refused while a check fails.</summary>
    public async Task<Outcome<AnnualReport>> SubmitAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var found = await OpenForWriteAsync(user, id, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (report, view) = found.Value!;
        if (!view.Editable)
        {
            return Refusal.Conflict("报告已在审核中或已发布。");
        }

        if (Failing(view) is { } failing)
        {
            return failing;
        }

        if (!view.Frozen)
        {
            Freeze(user, report, view.Tables);
        }

        var node = (await columns.ActivityAsync([report.BodyId], cancellationToken)).FirstOrDefault(c => c.Name == ReportColumn)?.Id;
        var input = new DocumentInput(
            AnnualReportText.Title(view.Body, report.Year), null, "统计信息", "综合政务", Today,
            AnnualReportText.Html(view.Body, report, view.Tables), "政府信息公开;年度报告", CatalogueNode: node);
        var document = report.DocumentId is { } existing
            ? await documentDesk.EditAsync(user, existing, input, cancellationToken)
            : await documentDesk.CreateAsync(user, input, report.BodyId, cancellationToken);
        if (document.Refusal is { } notCreated)
        {
            return notCreated;
        }

        report.DocumentId = document.Value!.Id;
        report.Status = AnnualReport.Submitted;
        report.SubmittedAt = clock.GetUtcNow().ToUniversalTime();
        audit.Record("annual-report.submitted", Target(report), $"送审为文件 {document.Value.Id}", report.BodyId);
        var saved = await SaveAsync(report, cancellationToken);
        if (saved.Refusal is not null)
        {
            return saved;
        }

        var submitted = await documentDesk.SubmitAsync(user, document.Value.Id, cancellationToken);
        return submitted.Refusal is { } notSubmitted ? notSubmitted : report;
    }

    /// <summary>A report for staff of the body (and the bodies above it in scope); NotFound otherwise.</summary>
    public async Task<Outcome<AnnualReportView>> ViewAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var report = await db.Set<AnnualReport>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null || !await MayReadAsync(user, report.BodyId, cancellationToken))
        {
            return Refusal.NotFound($"没有编号为 {id} 的年度报告。", "未找到年度报告");
        }

        return await ViewOfAsync(report, cancellationToken);
    }

    /// <summary>A body's report of a year: anyone once published; before that only staff who may read the body's reports.</summary>
    public async Task<Outcome<AnnualReportView>> FindAsync(ClaimsPrincipal user, string bodyCode, int year, CancellationToken cancellationToken = default)
    {
        var body = await directory.FindByCodeAsync(bodyCode, cancellationToken);
        var report = body is null ? null : await db.Set<AnnualReport>().AsNoTracking().SingleOrDefaultAsync(r => r.BodyId == body.Id && r.Year == year, cancellationToken);
        var view = report is null ? null : await ViewOfAsync(report, cancellationToken);
        if (view is null || (!view.Published && !await MayReadAsync(user, view.Report.BodyId, cancellationToken)))
        {
            return Refusal.NotFound($"没有找到机关代码为“{bodyCode}”的 {year} 年度报告。", "未找到年度报告");
        }

        return view;
    }

    /// <summary>The deadline dashboard for a year: every body in the user's scope with its report, if any.</summary>
    public async Task<IReadOnlyList<AnnualReportDue>> DashboardAsync(ClaimsPrincipal user, int year, CancellationToken cancellationToken = default) =>
        await DashboardForAsync(await scope.BodiesInScopeAsync(user, cancellationToken), year, cancellationToken);

    /// <summary>The deadline dashboard of the given bodies (every body when null), for the reminder job.</summary>
    internal async Task<IReadOnlyList<AnnualReportDue>> DashboardForAsync(IReadOnlyCollection<int>? inScope, int year, CancellationToken cancellationToken = default)
    {
        var bodies = (await directory.LoadAsync(cancellationToken)).All.Where(b => inScope is null || inScope.Contains(b.Id)).ToList();
        var ids = bodies.Select(b => b.Id).ToList();
        var reports = await db.Set<AnnualReport>().AsNoTracking().Where(r => r.Year == year && ids.Contains(r.BodyId)).ToListAsync(cancellationToken);
        var states = (await documents.StatesAsync(reports.Where(r => r.DocumentId != null).Select(r => r.DocumentId!.Value).ToList(), cancellationToken))
            .ToDictionary(s => s.Id);
        var result = new List<AnnualReportDue>();
        foreach (var body in bodies)
        {
            var government = IsGovernment(body);
            var due = AnnualReportRules.DueOn(year, government);
            var report = reports.FirstOrDefault(r => r.BodyId == body.Id);
            AnnualReportView? view = null;
            if (report is not null)
            {
                var state = report.DocumentId is { } d ? states.GetValueOrDefault(d) : null;
                // The dashboard shows status and deadline, not figures: frozen ones when there are, no computation.
                view = new AnnualReportView(report, body, FrozenOrEmpty(report), [], state, due, Deadline(due, state));
            }

            result.Add(new AnnualReportDue(body, government, due, view?.Deadline ?? AnnualReportRules.Deadline(due, Today, null), view));
        }

        return result.OrderBy(d => d.State switch { ReportDeadlineState.Overdue => 0, ReportDeadlineState.DueSoon => 1, ReportDeadlineState.Open => 2, _ => 3 })
            .ThenBy(d => d.Body.SortOrder).ThenBy(d => d.Body.Id).ToList();
    }

    /// <summary>Every published report, newest year first, with its frozen figures.</summary>
    public async Task<IReadOnlyList<PublishedAnnualReport>> PublishedAsync(CancellationToken cancellationToken = default)
    {
        var submitted = await db.Set<AnnualReport>().AsNoTracking().Where(r => r.DocumentId != null && r.FrozenTables != null).ToListAsync(cancellationToken);
        var states = (await documents.StatesAsync(submitted.Select(r => r.DocumentId!.Value).ToList(), cancellationToken))
            .Where(s => s.Status == DocumentStatus.Published).ToDictionary(s => s.Id);
        var bodies = await directory.LoadAsync(cancellationToken);
        return submitted.Where(r => states.ContainsKey(r.DocumentId!.Value) && bodies.Find(r.BodyId) is not null)
            .Select(r => new PublishedAnnualReport(bodies.Find(r.BodyId)!, r.Year, states[r.DocumentId!.Value].IndexNo, states[r.DocumentId!.Value].PublishedAt, Tables(r.FrozenTables!)))
            .OrderByDescending(r => r.Year).ThenBy(r => r.Body.SortOrder).ThenBy(r => r.Body.Id).ToList();
    }

    /// <summary>The report's figures now: table 二 from the body's documents and the hand figures, 三 and 四 from Requests.</summary>
    public async Task<AnnualReportTables> ComputeAsync(Body body, int year, IReadOnlyDictionary<string, decimal?> hand, CancellationToken cancellationToken = default)
    {
        var normative = await documents.NormativeAsync(body.Id, year, cancellationToken);
        var decisions = await decisionRecords.CountAsync(body.Id, year, cancellationToken);
        var three = await requests.TableThreeAsync(body.Code, year, cancellationToken) ?? TableThree.Build(year, []);
        var four = await requests.TableFourAsync(body.Code, year, cancellationToken) ?? TableFour.Build(year, []);
        var own = new AnnualReportTables(
            AnnualReportRules.TableTwo(new DocumentCounts(normative.Issued, normative.Repealed, normative.InForce), hand, Computed(decisions)),
            three.Rows.Select(Line).ToList(),
            four.Groups.Select(g => new TableFourLine(g.Kind, g.Label, g.Counts.Select(n => (long)n).ToList())).ToList());
        return IsGovernment(body) ? AnnualReportAggregation.Aggregate(body.Name, own, await DepartmentsAsync(body, year, cancellationToken)) : own;
    }

    /// <summary>The departments directly under a government, each with its frozen figures of the year (null when its
    /// report is missing or still live).</summary>
    private async Task<IReadOnlyList<DepartmentFigures>> DepartmentsAsync(Body government, int year, CancellationToken cancellationToken)
    {
        var departments = (await directory.LoadAsync(cancellationToken)).ChildrenOf(government)
            .Where(b => b.Kind is BodyKind.MunicipalDepartment or BodyKind.CountyDepartment)
            .OrderBy(b => b.SortOrder).ThenBy(b => b.Id).ToList();
        var ids = departments.Select(b => b.Id).ToList();
        var reports = await db.Set<AnnualReport>().AsNoTracking().Where(r => r.Year == year && ids.Contains(r.BodyId))
            .Select(r => new { r.BodyId, r.FrozenTables }).ToListAsync(cancellationToken);
        return departments.Select(b => reports.FirstOrDefault(r => r.BodyId == b.Id) is { } report
            ? new DepartmentFigures(b.Name, true, report.FrozenTables is { } frozen ? Tables(frozen) : null)
            : new DepartmentFigures(b.Name, false, null)).ToList();
    }

    /// <summary>Table 二's decision counts that OpenData's 双公示 records give (a kind the body keeps no records of is absent).</summary>
    private static Dictionary<string, long> Computed(IReadOnlyDictionary<string, long> counts) => counts.ToDictionary(
        c => c.Key switch
        {
            DecisionRecordCounts.Licensing => "licensing.decisions",
            DecisionRecordCounts.Penalty => "penalty.decisions",
            _ => "enforcement.decisions",
        },
        c => c.Value);

    /// <summary>Table 三's row in the report's shape: which rows are groups, sub-rows of a group, or the four outer rows.</summary>
    private static TableThreeLine Line(TableThreeRow row)
    {
        var counts = row.Counts.Select(n => (long)n).ToList();
        if (Enum.TryParse<DecisionGroup>(row.Key, out _))
        {
            return new(row.Key, row.Label, TableThreeLineKind.Group, null, counts);
        }

        if (ReplyDecisions.Find(row.Key) is { RowNumber: not null } decision)
        {
            return new(row.Key, row.Label, TableThreeLineKind.SubRow, decision.Group.ToString(), counts);
        }

        var kind = row.Key switch
        {
            "new" => TableThreeLineKind.New,
            "carried" => TableThreeLineKind.Carried,
            "results" => TableThreeLineKind.Results,
            _ => TableThreeLineKind.CarriedForward,
        };
        return new(row.Key, row.Label, kind, null, counts);
    }

    /// <summary>一、总体情况 as offered when a report is generated: the year's figures in sentences, and the work plan's
    /// tasks the body leads. Staff rewrite it freely.</summary>
    private async Task<string> OverviewAsync(Body body, int year, AnnualReportTables tables, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var normative = tables.Figure("normative.issued")?.Value ?? 0;
        var inForce = tables.Figure("normative.in-force")?.Value ?? 0;
        var received = tables.Line("new")?.Counts[^1] ?? 0;
        var carried = tables.Line("carried")?.Counts[^1] ?? 0;
        var done = tables.Line("results")?.Counts[^1] ?? 0;
        var appeals = tables.Four.Sum(g => g.Counts[^1]);
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"{year}年，{body.Name}认真贯彻落实《中华人民共和国政府信息公开条例》，全年制发并主动公开行政规范性文件 {normative:0} 件，年末现行有效 {inForce:0} 件。"));
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"本年新收政府信息公开申请 {received} 件，上年结转 {carried} 件，办结 {done} 件；发生政府信息公开行政复议、行政诉讼 {appeals} 件。"));
        var tasks = await workPlans.TasksAsync(year, cancellationToken);
        var led = tasks?.Where(t => t.Lead.Any(u => u.Unit.BodyId == body.Id)).ToList() ?? [];
        if (led.Count > 0)
        {
            lines.Add($"本单位牵头{year}年政务公开工作要点任务 {led.Count} 项：已完成 {led.Count(t => t.Status.Status == WorkPlanTaskStatus.Completed)} 项，" +
                $"按计划推进 {led.Count(t => t.Status.Status == WorkPlanTaskStatus.OnTrack)} 项，滞后 {led.Count(t => t.Status.Status == WorkPlanTaskStatus.Delayed)} 项。");
        }

        return string.Join("\n", lines);
    }

    private async Task<AnnualReportView> ViewOfAsync(AnnualReport report, CancellationToken cancellationToken)
    {
        var body = (await directory.FindAsync(report.BodyId, cancellationToken))!;
        var tables = report.FrozenTables is { } frozen ? Tables(frozen) : await ComputeAsync(body, report.Year, Hand(report), cancellationToken);
        var previous = await PreviousAsync(report, cancellationToken);
        var state = report.DocumentId is { } d ? await StateAsync(d, cancellationToken) : null;
        var due = AnnualReportRules.DueOn(report.Year, IsGovernment(body));
        return new AnnualReportView(report, body, tables, AnnualReportRules.Check(tables, previous), state, due, Deadline(due, state));
    }

    /// <summary>The body's frozen report of the year before, whose figures must carry over.</summary>
    private async Task<AnnualReportTables?> PreviousAsync(AnnualReport report, CancellationToken cancellationToken)
    {
        var frozen = await db.Set<AnnualReport>().AsNoTracking()
            .Where(r => r.BodyId == report.BodyId && r.Year == report.Year - 1 && r.FrozenTables != null && r.DocumentId != null)
            .Select(r => new { r.FrozenTables, r.DocumentId }).SingleOrDefaultAsync(cancellationToken);
        if (frozen is null)
        {
            return null;
        }

        var state = await StateAsync(frozen.DocumentId!.Value, cancellationToken);
        return state?.Status == DocumentStatus.Published ? Tables(frozen.FrozenTables!) : null;
    }

    private async Task<DocumentState?> StateAsync(int documentId, CancellationToken cancellationToken) =>
        await documents.StatesAsync([documentId], cancellationToken) is [var state] ? state : null;

    private ReportDeadlineState Deadline(DateOnly due, DocumentState? state) =>
        AnnualReportRules.Deadline(due, Today, state is { Status: DocumentStatus.Published, PublishedAt: { } at } ? ChinaTime.DateOf(at) : null);

    private static Refusal? Failing(AnnualReportView view)
    {
        var failed = view.Checks.Where(c => !c.Ok).ToList();
        return failed.Count == 0 ? null : Refusal.Blocked(
            "年度报告未通过校验，不能冻结或送审：" + string.Join("；", failed.Select(c => c.Detail)), "年度报告未通过校验",
            new Dictionary<string, object?> { ["checks"] = failed.Select(c => new { c.Rule, c.Detail }).ToList() });
    }

    private void Freeze(ClaimsPrincipal user, AnnualReport report, AnnualReportTables tables)
    {
        report.FrozenTables = JsonSerializer.Serialize(tables, Json);
        report.FrozenAt = clock.GetUtcNow().ToUniversalTime();
        report.FrozenBy = StaffClaims.DisplayNameOf(user);
        report.Status = AnnualReport.Frozen;
        audit.Record("annual-report.frozen", Target(report), "冻结数据", report.BodyId);
    }

    private async Task<bool> MayReadAsync(ClaimsPrincipal user, int bodyId, CancellationToken cancellationToken) =>
        user.Identity?.IsAuthenticated == true
        && (permissions.Grants(user, OversightPermissions.WriteAnnualReport) || permissions.Grants(user, OversightPermissions.ViewInspection))
        && await scope.MayActForAsync(user, bodyId, cancellationToken);

    private async Task<Outcome<(AnnualReport Report, AnnualReportView View)>> OpenForWriteAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        var report = await db.Set<AnnualReport>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null || !await MayReadAsync(user, report.BodyId, cancellationToken))
        {
            return Refusal.NotFound($"没有编号为 {id} 的年度报告。", "未找到年度报告");
        }

        if (!permissions.Grants(user, OversightPermissions.WriteAnnualReport))
        {
            return Refusal.Forbidden("您没有编制年度报告的权限。");
        }

        return (report, await ViewOfAsync(report, cancellationToken));
    }

    private async Task<Outcome<AnnualReport>> SaveAsync(AnnualReport report, CancellationToken cancellationToken)
    {
        report.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("这份报告刚被其他人修改，请刷新后再试。");
        }

        return report;
    }

    public static Dictionary<string, decimal?> Hand(AnnualReport report) =>
        JsonSerializer.Deserialize<Dictionary<string, decimal?>>(report.HandFigures, Json) ?? [];

    public static AnnualReportTables Tables(string json) =>
        JsonSerializer.Deserialize<AnnualReportTables>(json, Json) ?? throw new InvalidOperationException("Frozen tables are empty.");

    public static string Serialize(AnnualReportTables tables) => JsonSerializer.Serialize(tables, Json);

    private static AnnualReportTables FrozenOrEmpty(AnnualReport report) =>
        report.FrozenTables is { } frozen ? Tables(frozen) : new AnnualReportTables([], [], []);

    private static string Target(AnnualReport report) => "annual-report:" + report.Id.ToString(CultureInfo.InvariantCulture);
}
