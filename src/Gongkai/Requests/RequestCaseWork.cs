using System.Security.Claims;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Gongkai.Requests.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Requests;

/// <summary>Settings of the request desk (section <c>Gongkai:Requests</c>).</summary>
public sealed class RequestOptions
{
    /// <summary>How many calendar days apart two applications of one applicant may be and still be flagged as a
    /// possible repeat.</summary>
    public int DuplicateWindowDays { get; set; } = DuplicateRule.DefaultWindowDays;

    /// <summary>The character-bigram Jaccard similarity from which two descriptions count as alike.</summary>
    public double DuplicateSimilarity { get; set; } = DuplicateRule.DefaultSimilarityThreshold;
}

/// <summary>What an officer sends to record a 行政复议 or 行政诉讼 case.</summary>
public sealed record AppealDraft(string? Kind, DateOnly? FiledOn, string? Outcome, DateOnly? DecidedOn, string? Reference, string? Details);

/// <summary>A possible repeat of a request, for the officer.</summary>
public sealed record DuplicateHint(string TrackingNumber, DateOnly ReceivedOn, double Similarity);

/// <summary>The officer's work on a case beside the clock: assignment, duplicates, review and litigation cases, and
/// editing the reply letter. Every change is audited in the same unit of work; every refusal leaves an audit row.</summary>
public sealed class RequestCaseWork(
    GongkaiDbContext db, RequestDesk desk, AuditLog audit, UserManager<StaffUser> users, TimeProvider clock, IOptions<RequestOptions> options)
{
    /// <summary>The request officers of a body, by user name, for the assignment list.</summary>
    public async Task<IReadOnlyList<StaffUser>> OfficersOfAsync(int bodyId)
    {
        var officers = await users.GetUsersInRoleAsync(StaffRoles.RequestOfficer);
        return officers.Where(u => u.BodyId == bodyId).OrderBy(u => u.UserName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Assigns the case to an officer of its body (or clears the assignment with an empty name).</summary>
    public async Task<Outcome> AssignAsync(ClaimsPrincipal user, string trackingNumber, string? assignee, CancellationToken cancellationToken = default)
    {
        var request = await desk.FindForStaffAsync(user, trackingNumber, cancellationToken);
        if (request is null || !user.IsInRole(StaffRoles.RequestOfficer))
        {
            return Refusal.Forbidden(await RefuseAsync("request.assign.refused", trackingNumber, request?.BodyId, "无权分配该申请。", cancellationToken));
        }

        string? name = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim();
        if (name is not null && !(await OfficersOfAsync(request.BodyId)).Any(o => o.UserName == name))
        {
            return Refusal.InvalidField("assignee", await RefuseAsync("request.assign.refused", request.TrackingNumber, request.BodyId, $"“{name}”不是本机关的依申请公开经办人。", cancellationToken));
        }

        audit.Record("request.assign", request.TrackingNumber, $"{request.AssignedTo ?? "未分配"} → {name ?? "未分配"}", request.BodyId);
        request.AssignedTo = name;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>Other applications of the same applicant that look like this one (never a refusal).</summary>
    public async Task<IReadOnlyList<DuplicateHint>> DuplicatesOfAsync(DisclosureRequest request, CancellationToken cancellationToken = default)
    {
        var rule = new DuplicateRule(options.Value.DuplicateWindowDays, options.Value.DuplicateSimilarity);
        var from = request.ReceivedOn.AddDays(-rule.WindowDays);
        var to = request.ReceivedOn.AddDays(rule.WindowDays);
        var candidates = await db.Set<DisclosureRequest>().AsNoTracking()
            .Where(r => r.Id != request.Id && r.ReceivedOn >= from && r.ReceivedOn <= to
                && (r.IdNumber == request.IdNumber || r.ApplicantName == request.ApplicantName))
            .Select(r => new ApplicationFingerprint(r.TrackingNumber, r.IdNumber, r.ApplicantName, r.Phone, r.Description, r.ReceivedOn))
            .Take(200)
            .ToListAsync(cancellationToken);
        return rule.Matches(Fingerprint(request), candidates)
            .Select(m => new DuplicateHint(m.Other.TrackingNumber, m.Other.ReceivedOn, m.Similarity)).ToList();
    }

    /// <summary>Which of the listed requests (by id, with their fingerprints) have a possible repeat under the same ID
    /// number, for flags in the queue (one indexed lookup; the case page also matches name + phone).</summary>
    public async Task<HashSet<int>> FlaggedAmongAsync(IReadOnlyList<(int Id, ApplicationFingerprint Fingerprint)> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var flagged = new HashSet<int>();
        if (requests.Count == 0)
        {
            return flagged;
        }

        var rule = new DuplicateRule(options.Value.DuplicateWindowDays, options.Value.DuplicateSimilarity);
        var ids = requests.Select(r => r.Fingerprint.IdNumber).Distinct().ToList();
        var from = requests.Min(r => r.Fingerprint.ReceivedOn).AddDays(-rule.WindowDays);
        var to = requests.Max(r => r.Fingerprint.ReceivedOn).AddDays(rule.WindowDays);
        var candidates = await db.Set<DisclosureRequest>().AsNoTracking()
            .Where(r => ids.Contains(r.IdNumber) && r.ReceivedOn >= from && r.ReceivedOn <= to)
            .Select(r => new ApplicationFingerprint(r.TrackingNumber, r.IdNumber, r.ApplicantName, r.Phone, r.Description, r.ReceivedOn))
            .ToListAsync(cancellationToken);
        var byId = candidates.ToLookup(c => c.IdNumber);
        foreach (var (id, fingerprint) in requests)
        {
            if (rule.Matches(fingerprint, byId[fingerprint.IdNumber]).Count > 0)
            {
                flagged.Add(id);
            }
        }

        return flagged;
    }

    public Task<List<RequestAppeal>> AppealsOfAsync(int requestId, CancellationToken cancellationToken = default) =>
        db.Set<RequestAppeal>().AsNoTracking().Where(a => a.RequestId == requestId).OrderBy(a => a.FiledOn).ThenBy(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>Records a review or litigation case against the request's reply; the errors by field, empty on success.</summary>
    public async Task<Outcome> RecordAppealAsync(ClaimsPrincipal user, string trackingNumber, AppealDraft draft, CancellationToken cancellationToken = default)
    {
        var request = await desk.FindForStaffAsync(user, trackingNumber, cancellationToken);
        if (request is null || !user.IsInRole(StaffRoles.RequestOfficer))
        {
            await RefuseAsync("request.appeal.refused", trackingNumber, request?.BodyId, "无权登记该申请的复议诉讼情况。", cancellationToken);
            return NoRight("kind", "无权登记该申请的复议诉讼情况。");
        }

        var reply = await desk.ReplyOfAsync(request.Id, cancellationToken);
        var errors = ValidateAppeal(draft, reply, request.IsClosed, desk.Today);
        if (errors.Count > 0)
        {
            await RefuseAsync("request.appeal.refused", request.TrackingNumber, request.BodyId, string.Join(" ", errors.Values.SelectMany(m => m)), cancellationToken);
            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors);
        }

        var outcome = draft.Outcome!.Trim();
        db.Set<RequestAppeal>().Add(new RequestAppeal
        {
            RequestId = request.Id,
            BodyId = request.BodyId,
            Kind = draft.Kind!.Trim(),
            FiledOn = draft.FiledOn!.Value,
            Outcome = outcome,
            DecidedOn = outcome == AppealOutcomes.Pending ? null : draft.DecidedOn,
            Reference = draft.Reference?.Trim() ?? "",
            Details = draft.Details?.Trim() ?? "",
            RecordedBy = StaffClaims.DisplayNameOf(user),
            RecordedAt = clock.GetUtcNow(),
        });
        audit.Record("request.appeal", request.TrackingNumber, $"{AppealKinds.Label(draft.Kind!.Trim())} {RequestClock.Iso(draft.FiledOn!.Value)}：{AppealOutcomes.Label(outcome)}", request.BodyId);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>Sets the outcome of a recorded case (e.g. 尚未审结 → 结果纠正).</summary>
    public async Task<Outcome> DecideAppealAsync(ClaimsPrincipal user, string trackingNumber, int appealId, string? outcome, DateOnly? decidedOn, CancellationToken cancellationToken = default)
    {
        var request = await desk.FindForStaffAsync(user, trackingNumber, cancellationToken);
        var appeal = request is null ? null : await db.Set<RequestAppeal>().FirstOrDefaultAsync(a => a.Id == appealId && a.RequestId == request.Id, cancellationToken);
        if (request is null || appeal is null || !user.IsInRole(StaffRoles.RequestOfficer))
        {
            await RefuseAsync("request.appeal.refused", trackingNumber, request?.BodyId, "无权修改该复议诉讼记录。", cancellationToken);
            return NoRight("outcome", "无权修改该复议诉讼记录。");
        }

        var errors = ValidateOutcome(outcome, decidedOn, appeal.FiledOn, desk.Today);
        if (errors.Count > 0)
        {
            await RefuseAsync("request.appeal.refused", request.TrackingNumber, request.BodyId, string.Join(" ", errors.Values.SelectMany(m => m)), cancellationToken);
            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors);
        }

        audit.Record("request.appeal.decided", request.TrackingNumber, $"{AppealKinds.Label(appeal.Kind)}：{AppealOutcomes.Label(appeal.Outcome)} → {AppealOutcomes.Label(outcome)}", request.BodyId);
        appeal.Outcome = outcome!;
        appeal.DecidedOn = outcome == AppealOutcomes.Pending ? null : decidedOn;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    public static Dictionary<string, string[]> ValidateAppeal(AppealDraft draft, RequestReply? reply, bool closed, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new Dictionary<string, string[]>();
        if (!closed)
        {
            errors["kind"] = ["只能对已答复（或已办结）的申请登记行政复议、行政诉讼。"];
            return errors;
        }

        if (AppealKinds.Label(draft.Kind?.Trim()) is null)
        {
            errors["kind"] = ["请选择案件类型：行政复议、未经复议直接起诉或复议后起诉。"];
        }

        if (draft.FiledOn is not { } filed)
        {
            errors["filedOn"] = ["请填写申请复议或起诉的日期。"];
        }
        else if (filed > today)
        {
            errors["filedOn"] = ["申请复议或起诉的日期不能晚于今天。"];
        }
        else if (reply is not null && filed < reply.RepliedOn)
        {
            errors["filedOn"] = ["申请复议或起诉的日期不能早于答复日期。"];
        }

        foreach (var (key, messages) in ValidateOutcome(draft.Outcome?.Trim(), draft.DecidedOn, draft.FiledOn ?? DateOnly.MinValue, today))
        {
            errors[key] = messages;
        }

        if ((draft.Details?.Length ?? 0) > 2000 || (draft.Reference?.Length ?? 0) > 100)
        {
            errors["details"] = ["案号不能超过100个字，说明不能超过2000个字。"];
        }

        return errors;
    }

    private static Dictionary<string, string[]> ValidateOutcome(string? outcome, DateOnly? decidedOn, DateOnly filedOn, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (AppealOutcomes.Label(outcome) is null)
        {
            errors["outcome"] = ["请选择结果：结果维持、结果纠正、其他结果或尚未审结。"];
        }
        else if (outcome != AppealOutcomes.Pending)
        {
            if (decidedOn is not { } decided)
            {
                errors["decidedOn"] = ["已审结的案件须填写审结日期。"];
            }
            else if (decided < filedOn || decided > today)
            {
                errors["decidedOn"] = ["审结日期应在申请复议或起诉之日与今天之间。"];
            }
        }

        return errors;
    }

    /// <summary>Saves an edited letter wording. Changing the coded decision as well needs a reason, which is kept
    /// with the reply and in the audit trail.</summary>
    public async Task<Outcome> EditReplyAsync(ClaimsPrincipal user, string trackingNumber, string? letterText, string? decision, string? reason, CancellationToken cancellationToken = default)
    {
        var request = await desk.FindForStaffAsync(user, trackingNumber, cancellationToken);
        var reply = request is null ? null : await db.Set<RequestReply>().FirstOrDefaultAsync(r => r.RequestId == request.Id, cancellationToken);
        if (request is null || reply is null || !user.IsInRole(StaffRoles.RequestOfficer))
        {
            await RefuseAsync("request.reply.refused", trackingNumber, request?.BodyId, "无权修改该答复。", cancellationToken);
            return NoRight("letterText", "无权修改该答复。");
        }

        var errors = new Dictionary<string, string[]>();
        var text = letterText?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() ?? "";
        if (text.Length == 0 || text.Length > 8000)
        {
            errors["letterText"] = ["告知书正文不能为空，也不能超过8000个字。"];
        }

        var newDecision = ReplyDecisions.Find(decision?.Trim());
        if (newDecision is null)
        {
            errors["decision"] = ["请选择答复类型（年度报告表三的处理结果之一）。"];
        }

        var decisionChanged = newDecision is not null && newDecision.Code != reply.Decision;
        if (decisionChanged && string.IsNullOrWhiteSpace(reason))
        {
            errors["reason"] = ["改变答复类型须写明理由（将记入办理记录）。"];
        }
        else if ((reason?.Length ?? 0) > 1000)
        {
            errors["reason"] = ["理由不能超过1000个字。"];
        }

        if (errors.Count > 0)
        {
            await RefuseAsync("request.reply.refused", request.TrackingNumber, request.BodyId, string.Join(" ", errors.Values.SelectMany(m => m)), cancellationToken);
            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors);
        }

        if (decisionChanged)
        {
            var old = ReplyDecisions.Find(reply.Decision);
            audit.Record("request.reply.decision", request.TrackingNumber, $"{old?.FullLabel ?? reply.Decision} → {newDecision!.FullLabel}；理由：{reason!.Trim()}", request.BodyId);
            reply.Decision = newDecision.Code;
            reply.DecisionChangeReason = reason.Trim();
            // The reply event carries the decision too: keep it in step ...
            var replied = await db.Set<RequestEventRecord>().Where(e => e.RequestId == request.Id && e.Type == RequestEventTypes.Code(RequestEventType.Replied)).FirstOrDefaultAsync(cancellationToken);
            if (replied is not null)
            {
                replied.Decision = newDecision.Code;
            }

            // ... and the request row, which table 三 actually counts.
            RequestDesk.StampClosing(request, request.Events);
        }

        if (text != reply.LetterText)
        {
            audit.Record("request.reply.wording", request.TrackingNumber, $"修改告知书措辞（{reply.LetterText.Length}字 → {text.Length}字）", request.BodyId);
            reply.LetterText = text;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>The audit trail of one request, oldest first: the case's history as staff did it. Views and refused
    /// look-ups are in the audit log (for auditors) but are not steps of the case.</summary>
    public Task<List<AuditEntry>> HistoryOfAsync(DisclosureRequest request, CancellationToken cancellationToken = default) =>
        db.Set<AuditEntry>().AsNoTracking().Where(a => a.Target == request.TrackingNumber && a.BodyId == request.BodyId
                && a.Action != RequestDesk.ViewedAction && a.Action != RequestDesk.AccessDeniedAction)
            .OrderBy(a => a.Id).Take(500).ToListAsync(cancellationToken);

    private static ApplicationFingerprint Fingerprint(DisclosureRequest r) =>
        new(r.TrackingNumber, r.IdNumber, r.ApplicantName, r.Phone, r.Description, r.ReceivedOn);

    /// <summary>The officer may not act on this case: forbidden, with the message also under the form field that shows it.</summary>
    private static Refusal NoRight(string field, string message) =>
        new(RefusalKind.Forbidden, message) { Errors = new Dictionary<string, string[]> { [field] = [message] } };

    private async Task<string> RefuseAsync(string action, string target, int? bodyId, string message, CancellationToken cancellationToken)
    {
        audit.Record(action, target, message, bodyId);
        await db.SaveChangesAsync(cancellationToken);
        return message;
    }
}
