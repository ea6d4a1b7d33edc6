using System.Globalization;
using System.Security.Claims;
using Gongkai.Organizations;
using Gongkai.Oversight.Rules;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Text;
using Gongkai.Publishing.Contracts;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Oversight;

/// <summary>An opinion item as staff register it.</summary>
public sealed record OpinionDraft(string? Body, string? Title, string? Severity, string? FoundAt, string? Source = null, string? Link = null, string? Summary = null);

/// <summary>One clock of an item: what it is for, when it ends, when it was met, and where it stands now.</summary>
public sealed record OpinionClockView(string Name, DateTimeOffset DueAt, DateTimeOffset? DoneAt, ClockState State);

/// <summary>An item with its body and its clocks now.</summary>
public sealed record OpinionView(OpinionItem Item, Body? Body, IReadOnlyList<OpinionClockView> Clocks)
{
    public OpinionSeverity Severity => OpinionClock.ParseSeverity(Item.Severity) ?? OpinionSeverity.General;

    public bool Closed => Item.RespondedAt is not null;

    /// <summary>The most urgent open clock's state, for sorting and the list's badge.</summary>
    public ClockState Worst => Clocks.Select(c => c.State).DefaultIfEmpty(ClockState.Met).Max(s => s switch
    {
        ClockState.Overdue => 4,
        ClockState.DueSoon => 3,
        ClockState.Running => 2,
        ClockState.MetLate => 1,
        _ => 0,
    }) switch
    {
        4 => ClockState.Overdue,
        3 => ClockState.DueSoon,
        2 => ClockState.Running,
        1 => ClockState.MetLate,
        _ => ClockState.Met,
    };
}

/// <summary>
/// The public-opinion desk (政务舆情回应): staff of a body register an item with the time it was found, the clocks of
/// 国办发〔2016〕61号 start at once; they assign it, record the authoritative release, the press conference and the
/// response, and link the response to the document published (through <see cref="PublishedDocuments"/>). Nothing of
/// this is public. Every change is checked (permission and body scope) and audited.
/// </summary>
public sealed class OpinionDesk(GongkaiDbContext db, AuditLog audit, BodyScope scope, BodyDirectory directory, RolePermissions permissions,
    PublishedDocuments documents, TimeProvider clock)
{
    public async Task<Outcome<OpinionItem>> RegisterAsync(ClaimsPrincipal user, OpinionDraft draft, bool demo = false, CancellationToken cancellationToken = default)
    {
        if (!demo && !permissions.Grants(user, OversightPermissions.HandleOpinions))
        {
            return Refusal.Forbidden("只有单位管理员、信息编辑和终审人员可以登记舆情。");
        }

        var body = await directory.NamedOrOwnAsync(user, draft.Body, cancellationToken);
        if (body is null)
        {
            return Refusal.InvalidField("body", string.IsNullOrWhiteSpace(draft.Body) ? "请选择涉及的单位。" : $"没有代码为“{draft.Body}”的机关。", "涉及单位有误");
        }

        if (!demo && !await scope.MayActForAsync(user, body.Id, cancellationToken))
        {
            return Refusal.Forbidden($"您不能为{body.Name}登记舆情。");
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        var errors = new Dictionary<string, string[]>();
        var title = VisibleText.Clean(draft.Title ?? "").Trim();
        if (title.Length == 0)
        {
            errors["title"] = ["请填写舆情标题。"];
        }
        else if (title.Length > 200)
        {
            errors["title"] = ["标题不能超过 200 个字。"];
        }

        var severity = OpinionClock.ParseSeverity(draft.Severity);
        if (severity is null)
        {
            errors["severity"] = ["级别应为 major-emergency（重大突发事件）、important（重要舆情）或 general（一般舆情）。"];
        }

        var found = OpinionClock.CheckFoundAt(draft.FoundAt, now);
        if (found.Refusal is { } badTime)
        {
            errors["foundAt"] = badTime.Errors["foundAt"];
        }

        var link = (draft.Link ?? "").Trim();
        if (link.Length > 0 && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors["link"] = ["链接应为 http 或 https 开头的网址。"];
        }

        var source = VisibleText.Clean(draft.Source ?? "").Trim();
        var summary = VisibleText.Clean(draft.Summary ?? "").Trim();
        if (source.Length > 100)
        {
            errors["source"] = ["来源不能超过 100 个字。"];
        }

        if (summary.Length > 4000)
        {
            errors["summary"] = ["摘要不能超过 4000 个字。"];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors.Values.First()[0], errors, "舆情登记有误");
        }

        var due = OpinionClock.DeadlinesFor(severity!.Value, found.Value!);
        var item = new OpinionItem
        {
            BodyId = body.Id, Title = title, Source = source, Link = link.Length == 0 ? null : link, Summary = summary, Severity = OpinionClock.Code(severity.Value),
            FoundAt = found.Value!, FirstReleaseDueAt = due.FirstReleaseDueAt, PressConferenceDueAt = due.PressConferenceDueAt, ResponseDueAt = due.ResponseDueAt,
            CreatedAt = now, CreatedBy = demo ? "演示数据" : StaffClaims.DisplayNameOf(user), UpdatedAt = now, IsDemo = demo,
        };
        db.Add(item);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record("opinion.register", Target(item), $"{OpinionClock.ChineseName(severity.Value)}：{title}", body.Id, actorName: demo ? "演示数据" : null);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return item;
    }

    /// <summary>The items of the bodies in the user's scope, the most urgent first.</summary>
    public async Task<IReadOnlyList<OpinionView>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var inScope = await scope.BodiesInScopeAsync(user, cancellationToken);
        var query = db.Set<OpinionItem>().AsNoTracking();
        if (inScope is not null)
        {
            query = query.Where(o => inScope.Contains(o.BodyId));
        }

        var items = await query.OrderByDescending(o => o.FoundAt).Take(500).ToListAsync(cancellationToken);
        var bodies = await directory.LoadAsync(cancellationToken);
        return items.Select(i => Describe(i, bodies.Find(i.BodyId)))
            .OrderBy(v => v.Closed).ThenByDescending(v => v.Worst == ClockState.Overdue).ThenBy(v => v.Item.ResponseDueAt).ToList();
    }

    public async Task<Outcome<OpinionView>> ViewAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, cancellationToken);
        return found.Refusal is { } refusal ? refusal : Describe(found.Value!, await directory.FindAsync(found.Value!.BodyId, cancellationToken));
    }

    public OpinionView Describe(OpinionItem item, Body? body)
    {
        var now = clock.GetUtcNow();
        var clocks = new List<OpinionClockView>();
        if (item.FirstReleaseDueAt is { } first)
        {
            clocks.Add(new("发布权威信息", first, item.FirstReleasedAt, OpinionClock.StateOf(item.FoundAt, first, item.FirstReleasedAt, now)));
        }

        if (item.PressConferenceDueAt is { } press)
        {
            clocks.Add(new("召开新闻发布会", press, item.PressConferenceHeldAt, OpinionClock.StateOf(item.FoundAt, press, item.PressConferenceHeldAt, now)));
        }
        else
        {
            clocks.Add(new("回应", item.ResponseDueAt, item.RespondedAt, OpinionClock.StateOf(item.FoundAt, item.ResponseDueAt, item.RespondedAt, now)));
        }

        return new OpinionView(item, body, clocks);
    }

    /// <summary>Assigns the item to a staff member (by name), or clears the assignment.</summary>
    public async Task<Outcome<OpinionItem>> AssignAsync(ClaimsPrincipal user, int id, string? assignee, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, cancellationToken, track: true);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var item = found.Value!;
        var name = VisibleText.Clean(assignee ?? "").Trim();
        if (name.Length > 128)
        {
            return Refusal.InvalidField("assignee", "姓名不能超过 128 个字。");
        }

        item.AssignedTo = name.Length == 0 ? null : name;
        audit.Record("opinion.assign", Target(item), name.Length == 0 ? "取消指派" : $"指派给{name}", item.BodyId);
        return await SaveAsync(item, cancellationToken);
    }

    /// <summary>Records a step: the authoritative release (<c>first-release</c>), the press conference
    /// (<c>press-conference</c>) or the response (<c>response</c>, which may name the published document's 索引号).</summary>
    public async Task<Outcome<OpinionItem>> RecordStepAsync(ClaimsPrincipal user, int id, string? step, string? doneAt, string? indexNo, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, cancellationToken, track: true);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var item = found.Value!;
        var now = clock.GetUtcNow().ToUniversalTime();
        DateTimeOffset when = now;
        if (!string.IsNullOrWhiteSpace(doneAt))
        {
            var checkedTime = OpinionClock.CheckFoundAt(doneAt, now);
            if (checkedTime.Refusal is { } bad)
            {
                return Refusal.InvalidField("doneAt", bad.Message.Replace("发现时间", "完成时间", StringComparison.Ordinal).Replace("发现的舆情", "完成的处置", StringComparison.Ordinal), "完成时间有误");
            }

            when = checkedTime.Value!;
        }

        if (when < item.FoundAt)
        {
            return Refusal.InvalidField("doneAt", "完成时间不能早于发现时间。", "完成时间有误");
        }

        string label;
        switch (step)
        {
            case "first-release" when item.FirstReleaseDueAt is not null:
                item.FirstReleasedAt = when;
                label = "发布权威信息";
                break;
            case "press-conference" when item.PressConferenceDueAt is not null:
                item.PressConferenceHeldAt = when;
                item.RespondedAt ??= when;
                label = "召开新闻发布会";
                break;
            case "response":
                item.RespondedAt = when;
                label = "回应";
                break;
            default:
                return Refusal.InvalidField("step", item.FirstReleaseDueAt is null
                    ? "这一级别的舆情只有“回应”（response）一步。"
                    : "步骤应为 first-release（发布权威信息）、press-conference（新闻发布会）或 response（回应）。", "步骤有误");
        }

        var detail = $"{label}：{Platform.Time.ChinaTime.FormatMinutes(when)}";
        if (!string.IsNullOrWhiteSpace(indexNo))
        {
            var document = await documents.FindAsync(indexNo.Trim(), cancellationToken);
            if (document is null || document.IsWithdrawn)
            {
                return Refusal.InvalidField("indexNo", $"没有索引号为“{indexNo.Trim()}”的已公开文件。", "回应文件有误");
            }

            item.ResponseIndexNo = document.Document.IndexNo;
            detail += $"，回应文件 {document.Document.IndexNo}";
        }

        audit.Record("opinion.step", Target(item), detail, item.BodyId);
        return await SaveAsync(item, cancellationToken);
    }

    private async Task<Outcome<OpinionItem>> FindForStaffAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken, bool track = false)
    {
        var set = track ? db.Set<OpinionItem>() : db.Set<OpinionItem>().AsNoTracking();
        var item = await set.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (item is null || !permissions.Grants(user, OversightPermissions.HandleOpinions) || !await scope.MayActForAsync(user, item.BodyId, cancellationToken))
        {
            // Items are confidential: another body's item is "not found", never "forbidden".
            return Refusal.NotFound($"没有编号为 {id} 的舆情。", "未找到舆情");
        }

        return item;
    }

    private async Task<Outcome<OpinionItem>> SaveAsync(OpinionItem item, CancellationToken cancellationToken)
    {
        item.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("这条舆情刚被其他人修改，请刷新后再试。");
        }

        return item;
    }

    private static string Target(OpinionItem item) => "opinion:" + item.Id.ToString(CultureInfo.InvariantCulture);
}
