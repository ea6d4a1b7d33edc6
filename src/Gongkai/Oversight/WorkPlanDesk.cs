using System.Globalization;
using System.Security.Claims;
using Gongkai.Organizations;
using Gongkai.Oversight.Rules;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Text;
using Gongkai.Platform.Time;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Oversight;

/// <summary>A unit of a task with its body (when matched).</summary>
public sealed record UnitView(WorkPlanUnit Unit, Body? Body)
{
    public string DisplayName => Body?.Name ?? Unit.Name;
}

/// <summary>A report with the reporting body.</summary>
public sealed record ReportView(WorkPlanReport Report, Body? Body)
{
    public ReportedProgress Progress => TaskProgress.ParseProgress(Report.Progress) ?? ReportedProgress.OnTrack;
}

/// <summary>A task with its units, reports (newest first) and its status today.</summary>
public sealed record TaskView(WorkPlan Plan, WorkPlanTask Task, IReadOnlyList<UnitView> Lead, IReadOnlyList<UnitView> Responsible, IReadOnlyList<ReportView> Reports, TaskStatusReading Status)
{
    public ReportView? Latest => Reports.Count == 0 ? null : Reports[0];

    public string Numeral => WorkPlanParser.Numeral(Task.Number);

    public IReadOnlyList<WorkPlanMilestone> Milestones => WorkPlanDesk.ReadMilestones(Task.Milestones);
}

/// <summary>What an import did: the plan, the tasks, and the names a person must look at.</summary>
public sealed record WorkPlanImport(WorkPlan Plan, int TaskCount, IReadOnlyList<WorkPlanProblem> Problems, IReadOnlyList<UnmatchedUnit> Unmatched);

/// <summary>A unit name no body matched, with the tasks that name it.</summary>
public sealed record UnmatchedUnit(string Name, IReadOnlyList<int> Tasks, string? Note);

/// <summary>
/// The work plan desk: import a plan's text into tasks (the parser's problems kept, units matched through
/// <see cref="BodyDirectory"/>, unmatched names listed and never dropped), link an unmatched name to a body by hand,
/// file quarterly progress reports, and read each task with its status. Every change is checked (permission, body
/// scope) and audited in the same unit of work.
/// </summary>
public sealed class WorkPlanDesk(GongkaiDbContext db, AuditLog audit, BodyScope scope, BodyDirectory directory, RolePermissions permissions, TimeProvider clock)
{
    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<Outcome<WorkPlanImport>> ImportAsync(ClaimsPrincipal user, string? text, int? year, bool demo = false, CancellationToken cancellationToken = default)
    {
        if (!demo && !permissions.Grants(user, OversightPermissions.ImportWorkPlan))
        {
            return Refusal.Forbidden("只有系统管理员可以导入工作要点。");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Refusal.InvalidField("text", "请粘贴工作要点全文。", "工作要点为空");
        }

        var parsed = WorkPlanParser.Parse(text, year);
        if (!parsed.Importable)
        {
            return Refusal.Invalid(
                "工作要点无法导入：" + string.Join("；", parsed.Problems.Where(p => p.Blocking).Select(Describe)),
                new Dictionary<string, string[]> { ["text"] = parsed.Problems.Select(Describe).ToArray() }, "工作要点格式有误") with
            {
                Extensions = new Dictionary<string, object?> { ["problems"] = parsed.Problems.Select(Describe).ToArray() },
            };
        }

        var planYear = parsed.Year!.Value;
        if (await db.Set<WorkPlan>().AnyAsync(p => p.Year == planYear, cancellationToken))
        {
            return Refusal.Conflict($"{planYear}年的工作要点已经导入。", "工作要点已存在");
        }

        var bodies = await directory.LoadAsync(cancellationToken);
        var matcher = new UnitMatcher(bodies.All.Select(b => new UnitCandidate(b.Id, b.Name, b.ShortName, b.Kind)));
        var now = clock.GetUtcNow().ToUniversalTime();
        var actor = demo ? "演示数据" : StaffClaims.DisplayNameOf(user);
        var plan = new WorkPlan
        {
            Year = planYear, Title = VisibleText.Clean(parsed.Title).Trim() is { Length: > 0 } t ? Truncate(t, 200) : $"{planYear}年工作要点",
            Problems = string.Join('\n', parsed.Problems.Select(Describe)), ImportedAt = now, ImportedBy = actor, IsDemo = demo,
        };
        var unmatched = new List<(string Name, int Task, string? Note)>();
        await db.InTransactionAsync(async () =>
        {
            db.Add(plan);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var parsedTask in parsed.Tasks)
            {
                var task = new WorkPlanTask
                {
                    WorkPlanId = plan.Id, Number = parsedTask.Number, Section = Truncate(parsedTask.Section, 200), Title = Truncate(parsedTask.Title, 500),
                    Text = Truncate(parsedTask.Text, 20000), Deadline = parsedTask.Deadline, Milestones = WriteMilestones(parsedTask.Milestones),
                };
                db.Add(task);
                await db.SaveChangesAsync(cancellationToken);
                foreach (var (role, names) in new[] { ("lead", parsedTask.Lead), ("responsible", parsedTask.Responsible) })
                {
                    var position = 0;
                    foreach (var name in names)
                    {
                        var match = matcher.Match(name);
                        db.Add(new WorkPlanUnit
                        {
                            TaskId = task.Id, Role = role, Position = position++, Name = Truncate(match.Name, 100), Match = MatchCode(match.Kind), BodyId = match.BodyId,
                            CoveredKinds = string.Join(',', match.CoveredKinds.Select(BodyKinds.Slug)), Note = match.Note,
                        });
                        if (match.Kind == UnitMatchKind.Unmatched)
                        {
                            unmatched.Add((match.Name, task.Number, match.Note));
                        }
                    }
                }
            }

            audit.Record("workplan.import", $"workplan:{planYear}",
                $"{plan.Title}：{parsed.Tasks.Count} 项任务，{parsed.Problems.Count} 处格式问题，{unmatched.Select(u => u.Name).Distinct().Count()} 个单位名称未匹配", actorName: demo ? actor : null);
            db.RecordChange(OversightChanges.WorkPlanImported, planYear.ToString(CultureInfo.InvariantCulture), null);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

        return new WorkPlanImport(plan, parsed.Tasks.Count, parsed.Problems,
            unmatched.GroupBy(u => u.Name).Select(g => new UnmatchedUnit(g.Key, g.Select(u => u.Task).Distinct().ToList(), g.First().Note)).ToList());
    }

    public Task<List<WorkPlan>> PlansAsync(CancellationToken cancellationToken = default) =>
        db.Set<WorkPlan>().AsNoTracking().OrderByDescending(p => p.Year).ToListAsync(cancellationToken);

    public Task<WorkPlan?> PlanAsync(int year, CancellationToken cancellationToken = default) =>
        db.Set<WorkPlan>().AsNoTracking().SingleOrDefaultAsync(p => p.Year == year, cancellationToken);

    /// <summary>Every task of the year's plan with its units, reports and status; null when no plan was imported.</summary>
    public async Task<IReadOnlyList<TaskView>?> TasksAsync(int year, CancellationToken cancellationToken = default)
    {
        var plan = await PlanAsync(year, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var tasks = await db.Set<WorkPlanTask>().AsNoTracking().Where(t => t.WorkPlanId == plan.Id).OrderBy(t => t.Number).ToListAsync(cancellationToken);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var units = (await db.Set<WorkPlanUnit>().AsNoTracking().Where(u => taskIds.Contains(u.TaskId)).ToListAsync(cancellationToken)).ToLookup(u => u.TaskId);
        var reports = (await db.Set<WorkPlanReport>().AsNoTracking().Where(r => taskIds.Contains(r.TaskId)).ToListAsync(cancellationToken)).ToLookup(r => r.TaskId);
        var bodies = await directory.LoadAsync(cancellationToken);
        var today = Today;
        return tasks.Select(task =>
        {
            var ordered = reports[task.Id].OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Select(r => new ReportView(r, bodies.Find(r.BodyId))).ToList();
            var latest = ordered.Count == 0 ? null : new LatestReport(ordered[0].Report.Quarter, ordered[0].Progress);
            UnitView View(WorkPlanUnit u) => new(u, bodies.Find(u.BodyId));
            return new TaskView(plan, task,
                units[task.Id].Where(u => u.Role == "lead").OrderBy(u => u.Position).Select(View).ToList(),
                units[task.Id].Where(u => u.Role == "responsible").OrderBy(u => u.Position).Select(View).ToList(),
                ordered, TaskProgress.StatusOf(plan.Year, task.Deadline, latest, today));
        }).ToList();
    }

    public async Task<TaskView?> TaskAsync(int year, int number, CancellationToken cancellationToken = default) =>
        (await TasksAsync(year, cancellationToken))?.FirstOrDefault(t => t.Task.Number == number);

    /// <summary>The bodies that may report on a task: matched leads and responsible bodies, and every body of a kind a
    /// collective name covers.</summary>
    public static bool IsResponsible(TaskView task, Body body) =>
        task.Lead.Concat(task.Responsible).Any(u =>
            u.Unit.BodyId == body.Id || (u.Unit.Match == "collective" && u.Unit.CoveredKinds.Split(',').Contains(BodyKinds.Slug(body.Kind))));

    /// <summary>Bodies in the user's scope that may report on the task.</summary>
    public async Task<IReadOnlyList<Body>> ReportingBodiesAsync(ClaimsPrincipal user, TaskView task, CancellationToken cancellationToken = default)
    {
        if (!permissions.Grants(user, OversightPermissions.ReportProgress))
        {
            return [];
        }

        var inScope = await scope.BodiesInScopeAsync(user, cancellationToken);
        var bodies = await directory.LoadAsync(cancellationToken);
        return bodies.All.Where(b => (inScope is null || inScope.Contains(b.Id)) && IsResponsible(task, b)).ToList();
    }

    public async Task<Outcome<WorkPlanReport>> ReportAsync(
        ClaimsPrincipal user, int year, int number, string? bodyCode, int? quarter, string? progress, string? text, CancellationToken cancellationToken = default)
    {
        if (!permissions.Grants(user, OversightPermissions.ReportProgress))
        {
            return Refusal.Forbidden("只有单位管理员和信息编辑可以报送工作要点进展。");
        }

        var task = await TaskAsync(year, number, cancellationToken);
        if (task is null)
        {
            return Refusal.NotFound($"{year}年工作要点没有第（{(number is >= 1 and <= 99 ? WorkPlanParser.Numeral(number) : number.ToString(CultureInfo.InvariantCulture))}）项任务。", "未找到任务");
        }

        var body = await directory.NamedOrOwnAsync(user, bodyCode, cancellationToken);
        if (body is null)
        {
            return Refusal.InvalidField("body", string.IsNullOrWhiteSpace(bodyCode) ? "请选择报送单位。" : $"没有代码为“{bodyCode}”的机关。", "报送单位有误");
        }

        if (!await scope.MayActForAsync(user, body.Id, cancellationToken))
        {
            return Refusal.Forbidden($"您不能代表{body.Name}报送进展。");
        }

        if (!IsResponsible(task, body))
        {
            return Refusal.Blocked($"{body.Name}不是第（{task.Numeral}）项任务的牵头单位或责任单位。", "不是责任单位");
        }

        var errors = new Dictionary<string, string[]>();
        var expectedQuarters = Today.Year == year ? TaskProgress.QuarterOf(Today) : Today.Year > year ? 4 : 0;
        if (quarter is null or < 1 or > 4)
        {
            errors["quarter"] = ["季度应为 1 到 4。"];
        }
        else if (quarter > expectedQuarters)
        {
            errors["quarter"] = [$"{year}年第{quarter}季度还没有到。"];
        }

        var reported = TaskProgress.ParseProgress(progress);
        if (reported is null)
        {
            errors["progress"] = ["进展应为 on-track（按计划推进）、delayed（滞后）或 completed（已完成）。"];
        }

        var clean = VisibleText.Clean(text ?? "").Trim();
        if (clean.Length == 0)
        {
            errors["text"] = ["请填写进展情况。"];
        }
        else if (clean.Length > 4000)
        {
            errors["text"] = ["进展情况不能超过 4000 字。"];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors.Values.First()[0], errors, "进展报告有误");
        }

        var report = new WorkPlanReport
        {
            TaskId = task.Task.Id, BodyId = body.Id, Quarter = quarter!.Value, Progress = TaskProgress.Code(reported!.Value), Text = clean,
            SubmittedAt = clock.GetUtcNow().ToUniversalTime(), SubmittedBy = StaffClaims.DisplayNameOf(user),
        };
        db.Add(report);
        audit.Record("workplan.report", $"workplan:{year}:{number}", $"第{report.Quarter}季度，{TaskProgress.ChineseName(reported.Value)}", body.Id);
        db.RecordChange(OversightChanges.ProgressReported, report.TaskId.ToString(CultureInfo.InvariantCulture), body.Id);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    /// <summary>A person links an unmatched unit name to a body (e.g. "市教育体育局" → 绵阳市教育和体育局 after the
    /// reorganisation): every unit of the plan with that name is linked.</summary>
    public async Task<Outcome<int>> LinkUnitAsync(ClaimsPrincipal user, int year, string? name, string? bodyCode, CancellationToken cancellationToken = default)
    {
        if (!permissions.Grants(user, OversightPermissions.ImportWorkPlan))
        {
            return Refusal.Forbidden("只有系统管理员可以匹配工作要点中的单位。");
        }

        var plan = await PlanAsync(year, cancellationToken);
        if (plan is null)
        {
            return Refusal.NotFound($"没有{year}年的工作要点。", "未找到工作要点");
        }

        var body = string.IsNullOrWhiteSpace(bodyCode) ? null : await directory.FindByCodeAsync(bodyCode.Trim(), cancellationToken);
        if (body is null)
        {
            return Refusal.InvalidField("body", "请选择要匹配的机关。", "机关有误");
        }

        var units = await db.Set<WorkPlanUnit>()
            .Where(u => u.Name == (name ?? "").Trim() && u.Match == "unmatched" && db.Set<WorkPlanTask>().Any(t => t.Id == u.TaskId && t.WorkPlanId == plan.Id))
            .ToListAsync(cancellationToken);
        if (units.Count == 0)
        {
            return Refusal.NotFound($"{year}年工作要点中没有未匹配的单位“{name}”。", "未找到单位名称");
        }

        foreach (var unit in units)
        {
            unit.Match = "body";
            unit.BodyId = body.Id;
            unit.Note = $"由{StaffClaims.DisplayNameOf(user)}人工匹配";
        }

        audit.Record("workplan.link-unit", $"workplan:{year}", $"“{units[0].Name}” → {body.Name}（{units.Count} 处）", body.Id);
        await db.SaveChangesAsync(cancellationToken);
        return units.Count;
    }

    /// <summary>The unmatched names of a plan with the tasks naming them.</summary>
    public static IReadOnlyList<UnmatchedUnit> Unmatched(IEnumerable<TaskView> tasks) =>
        tasks.SelectMany(t => t.Lead.Concat(t.Responsible).Where(u => u.Unit.Match == "unmatched").Select(u => (u.Unit, t.Task.Number)))
            .GroupBy(p => p.Unit.Name)
            .Select(g => new UnmatchedUnit(g.Key, g.Select(p => p.Number).Distinct().Order().ToList(), g.First().Unit.Note))
            .OrderBy(u => u.Tasks[0]).ToList();

    internal static string Describe(WorkPlanProblem problem) =>
        (problem.TaskNumber is { } n && n is >= 1 and <= 99 ? $"（{WorkPlanParser.Numeral(n)}）" : "") + problem.Message;

    internal static string MatchCode(UnitMatchKind kind) => kind switch
    {
        UnitMatchKind.Body => "body",
        UnitMatchKind.Collective => "collective",
        _ => "unmatched",
    };

    internal static string WriteMilestones(IEnumerable<WorkPlanMilestone> milestones) =>
        string.Join('\n', milestones.Select(m => m.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + m.Text.Replace('\n', ' ')));

    internal static IReadOnlyList<WorkPlanMilestone> ReadMilestones(string stored) =>
        stored.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => (Ok: DateOnly.TryParseExact(line.Split(' ')[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due), Due: due, Text: line.Length > 11 ? line[11..] : ""))
            .Where(m => m.Ok).Select(m => new WorkPlanMilestone(m.Due, m.Text)).ToList();

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
