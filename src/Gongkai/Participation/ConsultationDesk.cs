using System.Globalization;
using System.Security.Claims;
using Gongkai.Calendar;
using Gongkai.Organizations;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Publishing;
using Gongkai.Publishing.Contracts;
using Gongkai.Staff;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Participation;

/// <summary>A consultation as staff prepare or edit it.</summary>
public sealed record ConsultationDraft(
    string? Body, string? Title, string? Kind, string? DraftHtml, string? ExplanationHtml, DateOnly? OpensOn, DateOnly? ClosesOn,
    string? ShortenedReason = null, string? Options = null, string? HowToComment = null);

/// <summary>A comment as the form or the API hands it in; <see cref="Channel"/> and <see cref="ReceivedOn"/> only from staff.</summary>
public sealed record CommentInput(string? Name, string? Contact, string? Text, string? Clause = null, string? Option = null, string? Channel = null, DateOnly? ReceivedOn = null);

/// <summary>A stored comment and whether its text carried markup (kept as plain text; the citizen is told so).</summary>
public sealed record CommentReceipt(ConsultationComment Comment, bool HadMarkup);

/// <summary>A consultation with its body and its status today.</summary>
public sealed record ConsultationView(Consultation Consultation, Body? Body, ConsultationStatus Status)
{
    public ConsultationKind Kind => ConsultationVocabulary.ParseKind(Consultation.Kind) ?? ConsultationKind.Other;

    public ConsultationStage Stage => ConsultationVocabulary.ParseStage(Consultation.Stage);
}

/// <summary>One group of the feedback with its comments, in order.</summary>
public sealed record FeedbackGroupView(FeedbackGroup Group, IReadOnlyList<ConsultationComment> Comments)
{
    public FeedbackDecision Decision => ConsultationVocabulary.ParseDecision(Group.Decision) ?? FeedbackDecision.NotAdopted;
}

/// <summary>The feedback report: counts per decision, the groups, and the tally per alternative.</summary>
public sealed record FeedbackReport(int CommentCount, int Adopted, int PartlyAdopted, int NotAdopted, IReadOnlyList<FeedbackGroupView> Groups, IReadOnlyList<int> OptionTally);

/// <summary>
/// The consultation desk (意见征集): staff prepare and open consultations, citizens comment while one is open, staff
/// record offline comments, moderate, group the comments with a decision and reason, and publish the feedback. Every
/// change is checked on the server (permission and body scope) and audited in the same unit of work; a comment is
/// stored in one save with its audit row, so nothing a citizen submitted is lost to a later step.
/// </summary>
public sealed class ConsultationDesk(
    GongkaiDbContext db, CalendarService calendars, AuditLog audit, BodyScope scope, BodyDirectory directory, RolePermissions permissions, TimeProvider clock,
    IOutputCacheStore cache)
{
    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<Consultation?> FindAsync(int id, bool track = false, CancellationToken cancellationToken = default) =>
        await (track ? db.Set<Consultation>() : db.Set<Consultation>().AsNoTracking()).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<ConsultationView> DescribeAsync(Consultation consultation, CancellationToken cancellationToken = default) =>
        new(consultation, await directory.FindAsync(consultation.BodyId, cancellationToken), StatusOf(consultation));

    public ConsultationStatus StatusOf(Consultation c) =>
        ConsultationRules.StatusOn(ConsultationVocabulary.ParseStage(c.Stage), c.OpensOn, c.ClosesOn, Today);

    /// <summary>The earliest closing day the kind's minimum allows (on the site's calendar).</summary>
    public async Task<DateOnly?> EarliestCloseAsync(ConsultationKind kind, DateOnly opensOn, CancellationToken cancellationToken = default) =>
        ConsultationRules.EarliestClose(kind, opensOn, await calendars.GetCalendarAsync(cancellationToken));

    /// <summary>Whether the user may act on the consultation's body with <paramref name="permission"/>.</summary>
    public async Task<bool> MayActAsync(ClaimsPrincipal user, int bodyId, string permission, CancellationToken cancellationToken = default) =>
        permissions.Grants(user, permission) && await scope.MayActForAsync(user, bodyId, cancellationToken);

    /// <summary>A consultation for the public (never a draft) or for staff of its body (drafts too).</summary>
    public async Task<Outcome<ConsultationView>> ViewAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var consultation = await FindAsync(id, cancellationToken: cancellationToken);
        if (consultation is null || (consultation.Stage == "draft" && !await MayActAsync(user, consultation.BodyId, ParticipationPermissions.View, cancellationToken)))
        {
            return Refusal.NotFound($"没有编号为 {id} 的意见征集。", "未找到意见征集");
        }

        return await DescribeAsync(consultation, cancellationToken);
    }

    public async Task<Outcome<Consultation>> CreateAsync(ClaimsPrincipal user, ConsultationDraft draft, CancellationToken cancellationToken = default)
    {
        if (!permissions.Grants(user, ParticipationPermissions.Prepare))
        {
            return Refusal.Forbidden("只有信息编辑可以起草意见征集。");
        }

        var body = await directory.NamedOrOwnAsync(user, draft.Body, cancellationToken);
        if (body is null)
        {
            return Refusal.InvalidField("body", string.IsNullOrWhiteSpace(draft.Body) ? "请选择征集单位。" : $"没有代码为“{draft.Body}”的机关。", "征集单位有误");
        }

        if (!await scope.MayActForAsync(user, body.Id, cancellationToken))
        {
            return Refusal.Forbidden($"您不能为{body.Name}起草意见征集。");
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        var consultation = new Consultation { BodyId = body.Id, Title = "", Kind = "other", CreatedAt = now, CreatedBy = StaffClaims.DisplayNameOf(user), UpdatedAt = now };
        var applied = Apply(consultation, draft);
        if (applied.Refusal is { } refusal)
        {
            return refusal;
        }

        db.Set<Consultation>().Add(consultation);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record("consultation.create", Target(consultation), consultation.Title, body.Id);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return consultation;
    }

    public async Task<Outcome<Consultation>> UpdateAsync(ClaimsPrincipal user, int id, ConsultationDraft draft, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Prepare, "只有本单位的信息编辑可以修改意见征集。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var consultation = found.Value!;
        var editable = ConsultationRules.MayEdit(ConsultationVocabulary.ParseStage(consultation.Stage));
        if (editable.Refusal is { } closed)
        {
            return closed;
        }

        var applied = Apply(consultation, draft with { Body = null });
        if (applied.Refusal is { } invalid)
        {
            return invalid;
        }

        consultation.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
        audit.Record("consultation.update", Target(consultation), consultation.Title, consultation.BodyId);
        return await SaveAsync(consultation, cancellationToken);
    }

    private static Outcome Apply(Consultation consultation, ConsultationDraft draft)
    {
        var errors = new Dictionary<string, string[]>();
        var title = Gongkai.Platform.Text.VisibleText.Clean(draft.Title ?? "").Trim();
        if (title.Length == 0)
        {
            errors["title"] = ["请填写标题。"];
        }
        else if (title.Length > ConsultationRules.MaxTitleLength)
        {
            errors["title"] = [$"标题不能超过 {ConsultationRules.MaxTitleLength} 个字。"];
        }

        var kind = ConsultationVocabulary.ParseKind(draft.Kind);
        if (kind is null)
        {
            errors["kind"] = ["类型应为 rule（规章草案）、major-decision（重大行政决策）、normative-document（行政规范性文件）或 other（其他）。"];
        }

        var draftHtml = RichText.Sanitize(draft.DraftHtml ?? "");
        if (!RichText.HasText(draftHtml))
        {
            errors["draftHtml"] = ["请填写征求意见稿正文。"];
        }

        var explanation = RichText.Sanitize(draft.ExplanationHtml ?? "");
        if (!RichText.HasText(explanation))
        {
            errors["explanationHtml"] = ["请填写起草说明。"];
        }

        if (draft.OpensOn is null)
        {
            errors["opensOn"] = ["请填写开始日期。"];
        }

        if (draft.ClosesOn is null)
        {
            errors["closesOn"] = ["请填写截止日期。"];
        }
        else if (draft.OpensOn is { } opens && draft.ClosesOn < opens)
        {
            errors["closesOn"] = ["截止日期不能早于开始日期。"];
        }

        var options = string.Join('\n', (draft.Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (options.Length > 4000)
        {
            errors["options"] = ["备选方案合计不能超过 4000 字。"];
        }

        var how = draft.HowToComment?.Trim() ?? "";
        if (how.Length > 1000)
        {
            errors["howToComment"] = ["意见反馈方式不能超过 1000 字。"];
        }

        var reason = string.IsNullOrWhiteSpace(draft.ShortenedReason) ? null : draft.ShortenedReason.Trim();
        if (reason is { Length: > 1000 })
        {
            errors["shortenedReason"] = ["缩短期限的理由不能超过 1000 字。"];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "意见征集内容有误");
        }

        consultation.Title = title;
        consultation.Kind = ConsultationVocabulary.Code(kind!.Value);
        consultation.DraftHtml = draftHtml;
        consultation.ExplanationHtml = explanation;
        consultation.OpensOn = draft.OpensOn!.Value;
        consultation.ClosesOn = draft.ClosesOn!.Value;
        consultation.Options = options;
        consultation.HowToComment = how;
        consultation.ShortenedReason = reason;
        return Outcome.Done;
    }

    /// <summary>Opens (publishes) a draft: a 终审 user of the body, and a period that reaches the kind's minimum or
    /// states why it is shorter. A consultation whose dates are already past is recorded as held elsewhere and is
    /// closed at once.</summary>
    public async Task<Outcome<ConsultationView>> OpenAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Approve, "意见征集由本单位终审人员公布。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var consultation = found.Value!;
        var may = ConsultationRules.MayOpen(ConsultationVocabulary.ParseStage(consultation.Stage));
        if (may.Refusal is { } opened)
        {
            return opened;
        }

        var kind = ConsultationVocabulary.ParseKind(consultation.Kind) ?? ConsultationKind.Other;
        var period = ConsultationRules.CheckPeriod(kind, consultation.OpensOn, consultation.ClosesOn, consultation.ShortenedReason, await calendars.GetCalendarAsync(cancellationToken));
        if (period.Refusal is { } tooShort)
        {
            return tooShort;
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        consultation.ShortenedReason = period.Value!.ShortenedReason;
        consultation.Stage = ConsultationVocabulary.Code(ConsultationStage.Opened);
        consultation.OpenedAt = now;
        consultation.OpenedBy = StaffClaims.DisplayNameOf(user);
        consultation.UpdatedAt = now;
        audit.Record("consultation.open", Target(consultation),
            $"{ConsultationRules.Format(consultation.OpensOn)}至{ConsultationRules.Format(consultation.ClosesOn)}{(period.Value.Shortened ? "，缩短期限：" + period.Value.ShortenedReason : "")}", consultation.BodyId);
        db.RecordChange(ParticipationChanges.ConsultationOpened, Id(consultation), consultation.BodyId);
        var saved = await SaveAsync(consultation, cancellationToken);
        return saved.Refusal is { } conflict ? conflict : await DescribeAsync(consultation, cancellationToken);
    }

    /// <summary>Takes a comment: from anyone while open, or from staff of the body (with a channel and the day it was
    /// received) for a letter, forum or visit within the period. Stored with its masked public text, pending moderation.</summary>
    public async Task<Outcome<CommentReceipt>> CommentAsync(ClaimsPrincipal user, int id, CommentInput input, CancellationToken cancellationToken = default)
    {
        var consultation = await FindAsync(id, cancellationToken: cancellationToken);
        if (consultation is null || consultation.Stage == "draft" && !await MayActAsync(user, consultation.BodyId, ParticipationPermissions.View, cancellationToken))
        {
            return Refusal.NotFound($"没有编号为 {id} 的意见征集。", "未找到意见征集");
        }

        var offline = !string.IsNullOrWhiteSpace(input.Channel) && input.Channel.Trim() != ConsultationVocabulary.OnlineChannel;
        var today = Today;
        var receivedOn = today;
        string? recordedBy = null;
        if (offline)
        {
            if (!await MayActAsync(user, consultation.BodyId, ParticipationPermissions.Prepare, cancellationToken))
            {
                return Refusal.Forbidden("只有本单位的信息编辑可以登记线下收到的意见。");
            }

            var channel = input.Channel!.Trim();
            if (!ConsultationVocabulary.OfflineChannels.Contains(channel))
            {
                return Refusal.InvalidField("channel", "渠道应为 letter（信函）、email（电子邮件）、phone（电话）、forum（座谈会）、hearing（论证会/听证会）或 field-visit（实地走访）。", "渠道有误");
            }

            if (input.ReceivedOn is null)
            {
                return Refusal.InvalidField("receivedOn", "请填写收到日期。", "收到日期有误");
            }

            receivedOn = input.ReceivedOn.Value;
            var may = ConsultationRules.MayRecordOffline(ConsultationVocabulary.ParseStage(consultation.Stage), consultation.OpensOn, consultation.ClosesOn, receivedOn, today);
            if (may.Refusal is { } late)
            {
                return late;
            }

            recordedBy = StaffClaims.DisplayNameOf(user);
        }
        else
        {
            var may = ConsultationRules.MayComment(StatusOf(consultation), consultation.OpensOn, consultation.ClosesOn);
            if (may.Refusal is { } closed)
            {
                return closed;
            }
        }

        var checkedComment = ConsultationRules.CheckComment(input.Name, input.Contact, input.Text, input.Clause, input.Option, consultation.OptionList.Count);
        if (checkedComment.Refusal is { } invalid)
        {
            return invalid;
        }

        var c = checkedComment.Value!;
        var comment = new ConsultationComment
        {
            ConsultationId = consultation.Id,
            Name = c.Name,
            Contact = c.Contact,
            Text = c.Text,
            PublicText = PublicText(c.Text, c.Name ?? "", c.Contact, today),
            Clause = c.Clause,
            Option = c.Option,
            Channel = offline ? input.Channel!.Trim() : ConsultationVocabulary.OnlineChannel,
            ReceivedOn = receivedOn,
            CreatedAt = clock.GetUtcNow().ToUniversalTime(),
            RecordedBy = recordedBy,
        };
        db.Set<ConsultationComment>().Add(comment);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            // The audit row names the consultation and the comment, never the commenter or their contact.
            audit.Record(offline ? "consultation.comment.record" : "consultation.comment", Target(consultation), $"意见 {comment.Id}，{ConsultationVocabulary.ChannelName(comment.Channel)}",
                consultation.BodyId, actorName: offline ? null : "公众");
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return new CommentReceipt(comment, c.HadMarkup);
    }

    /// <summary>What the public may read of a comment: the commenter's own name and contact struck out, then the
    /// safeguards' masking of any other personal data (ID numbers, phones, e-mail, bank cards, names).</summary>
    public static string PublicText(string text, string name, string contact, DateOnly today)
    {
        foreach (var own in new[] { name, contact }.Where(v => v.Length >= 2).Distinct().OrderByDescending(v => v.Length))
        {
            text = text.Replace(own, new string('＊', Math.Min(own.Length, 6)), StringComparison.OrdinalIgnoreCase);
        }

        return Safeguards.SafeguardsChecker.Check(text, null, Safeguards.SafeguardsProfile.Default, today).Masked;
    }

    /// <summary>Shows or hides a comment (moderation before anything is public).</summary>
    public async Task<Outcome<ConsultationComment>> ModerateAsync(ClaimsPrincipal user, int id, long commentId, string? moderation, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Prepare, "只有本单位的信息编辑可以审核意见。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var consultation = found.Value!;
        if (moderation is not ("shown" or "hidden"))
        {
            return Refusal.InvalidField("moderation", "审核结果应为 shown（公开）或 hidden（不公开）。", "审核结果有误");
        }

        if (consultation.Stage == ConsultationVocabulary.Code(ConsultationStage.FeedbackPublished))
        {
            return Refusal.Conflict("反馈已经公布，意见的公开状态不能再改变。", "反馈已公布");
        }

        var comment = await db.Set<ConsultationComment>().SingleOrDefaultAsync(c => c.Id == commentId && c.ConsultationId == id, cancellationToken);
        if (comment is null)
        {
            return Refusal.NotFound($"这项征集没有编号为 {commentId} 的意见。", "未找到意见");
        }

        comment.Moderation = moderation;
        consultation.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
        audit.Record("consultation.comment.moderate", Target(consultation), $"意见 {comment.Id}：{ConsultationVocabulary.ChineseName(ConsultationVocabulary.ParseModeration(moderation))}", consultation.BodyId);
        var saved = await SaveAsync(consultation, cancellationToken);
        return saved.Refusal is { } conflict ? conflict : comment;
    }

    /// <summary>Saves the feedback after the period: every comment in exactly one group, a reason for each group not
    /// fully adopted. Replaces any earlier grouping.</summary>
    public async Task<Outcome<ConsultationView>> SaveFeedbackAsync(ClaimsPrincipal user, int id, string? summary, IReadOnlyList<FeedbackGroupDraft>? groups, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Prepare, "只有本单位的信息编辑可以整理采纳情况。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var consultation = found.Value!;
        var may = ConsultationRules.MayPrepareFeedback(StatusOf(consultation), consultation.ClosesOn);
        if (may.Refusal is { } notNow)
        {
            return notNow;
        }

        var comments = await db.Set<ConsultationComment>().Where(c => c.ConsultationId == id).ToListAsync(cancellationToken);
        var plan = ConsultationRules.CheckFeedback(summary, groups, comments.Select(c => c.Id).ToList());
        if (plan.Refusal is { } incomplete)
        {
            return incomplete;
        }

        var checkedGroups = plan.Value!;
        var now = clock.GetUtcNow().ToUniversalTime();
        try
        {
            await db.InTransactionAsync(async () =>
            {
                foreach (var comment in comments)
                {
                    comment.GroupId = null;
                }

                await db.SaveChangesAsync(cancellationToken);
                await db.Set<FeedbackGroup>().Where(g => g.ConsultationId == id).ExecuteDeleteAsync(cancellationToken);
                var stored = checkedGroups.Select((g, i) => new FeedbackGroup
                {
                    ConsultationId = id, Position = i + 1, Decision = ConsultationVocabulary.Code(g.Decision), Reason = g.Reason, Summary = g.Summary,
                }).ToList();
                db.Set<FeedbackGroup>().AddRange(stored);
                await db.SaveChangesAsync(cancellationToken);
                var byId = comments.ToDictionary(c => c.Id);
                for (var i = 0; i < stored.Count; i++)
                {
                    foreach (var commentId in checkedGroups[i].CommentIds)
                    {
                        byId[commentId].GroupId = stored[i].Id;
                    }
                }

                consultation.FeedbackSummary = summary!.Trim();
                consultation.FeedbackSavedAt = now;
                consultation.UpdatedAt = now;
                audit.Record("consultation.feedback.save", Target(consultation),
                    string.Join("，", checkedGroups.GroupBy(g => g.Decision).Select(g => $"{ConsultationVocabulary.ChineseName(g.Key)} {g.Count()} 组")), consultation.BodyId);
                await db.SaveChangesAsync(cancellationToken);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("这项意见征集刚刚被其他人修改过，请刷新后再试。");
        }

        return await DescribeAsync(consultation, cancellationToken);
    }


    /// <summary>Publishes the saved feedback (终审): every comment grouped (a comment recorded after saving must be
    /// placed first) and moderated, so the public report accounts for every comment.</summary>
    public async Task<Outcome<ConsultationView>> PublishFeedbackAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Approve, "采纳情况由本单位终审人员公布。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var consultation = found.Value!;
        var may = ConsultationRules.MayPrepareFeedback(StatusOf(consultation), consultation.ClosesOn);
        if (may.Refusal is { } notNow)
        {
            return notNow;
        }

        if (consultation.FeedbackSavedAt is null)
        {
            return Refusal.Blocked("尚未整理采纳情况，请先为每条意见归组并给出处理结果。", "采纳情况不完整");
        }

        var ungrouped = await db.Set<ConsultationComment>().Where(c => c.ConsultationId == id && c.GroupId == null).Select(c => c.Id).OrderBy(c => c).ToListAsync(cancellationToken);
        if (ungrouped.Count > 0)
        {
            return Refusal.Blocked($"意见 {string.Join("、", ungrouped)} 尚未归入任何一组，每条意见都须归入一组。", "采纳情况不完整",
                new Dictionary<string, object?> { ["ungroupedComments"] = ungrouped });
        }

        var pending = await db.Set<ConsultationComment>().CountAsync(c => c.ConsultationId == id && c.Moderation == "pending", cancellationToken);
        if (pending > 0)
        {
            return Refusal.Blocked($"还有 {pending} 条意见尚未审核，请先决定是否公开。", "意见尚未审核完");
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        consultation.Stage = ConsultationVocabulary.Code(ConsultationStage.FeedbackPublished);
        consultation.FeedbackPublishedAt = now;
        consultation.FeedbackPublishedBy = StaffClaims.DisplayNameOf(user);
        consultation.UpdatedAt = now;
        audit.Record("consultation.feedback.publish", Target(consultation), consultation.Title, consultation.BodyId);
        db.RecordChange(ParticipationChanges.FeedbackPublished, Id(consultation), consultation.BodyId);
        var saved = await SaveAsync(consultation, cancellationToken);
        return saved.Refusal is { } conflict ? conflict : await DescribeAsync(consultation, cancellationToken);
    }

    /// <summary>Links the document the consultation produced (by its 索引号), shown on the consultation's pages.</summary>
    public async Task<Outcome<Consultation>> LinkDocumentAsync(ClaimsPrincipal user, int id, string? indexNo, PublishedDocuments documents, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Prepare, "只有本单位的信息编辑可以关联文件。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var consultation = found.Value!;
        var number = indexNo?.Trim() ?? "";
        if (number.Length > 0 && await documents.FindAsync(number, cancellationToken) is null)
        {
            return Refusal.InvalidField("indexNo", $"没有索引号为“{number}”的已公开文件。", "索引号有误");
        }

        consultation.DocumentIndexNo = number.Length == 0 ? null : number;
        consultation.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
        audit.Record("consultation.link-document", Target(consultation), number.Length == 0 ? "取消关联" : number, consultation.BodyId);
        var saved = await SaveAsync(consultation, cancellationToken);
        // The document page (output-cached) now names the consultation.
        await cache.EvictByTagAsync(PublicCache.DocumentsTag, cancellationToken);
        return saved;
    }

    /// <summary>Public lists: opened consultations (never drafts) with their status, newest first.</summary>
    public async Task<IReadOnlyList<ConsultationSummary>> ListPublicAsync(ConsultationStatus? status, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var query = db.Set<Consultation>().AsNoTracking().Where(c => c.Stage != "draft");
        query = status switch
        {
            ConsultationStatus.Open => query.Where(c => c.Stage == "opened" && c.OpensOn <= today && c.ClosesOn >= today),
            ConsultationStatus.Scheduled => query.Where(c => c.Stage == "opened" && c.OpensOn > today),
            ConsultationStatus.Closed => query.Where(c => c.Stage == "opened" && c.ClosesOn < today),
            ConsultationStatus.FeedbackPublished => query.Where(c => c.Stage == "feedback-published"),
            ConsultationStatus.Draft => query.Where(c => false),
            _ => query,
        };
        return await SummariesAsync(query, cancellationToken);
    }

    /// <summary>The console list: every consultation of the bodies in the user's scope, drafts included.</summary>
    public async Task<IReadOnlyList<ConsultationSummary>> ListForStaffAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Consultation>().AsNoTracking();
        var inScope = await scope.BodiesInScopeAsync(user, cancellationToken);
        if (inScope is not null)
        {
            query = query.Where(c => inScope.Contains(c.BodyId));
        }

        return await SummariesAsync(query, cancellationToken);
    }

    private async Task<IReadOnlyList<ConsultationSummary>> SummariesAsync(IQueryable<Consultation> query, CancellationToken cancellationToken)
    {
        var rows = await query.OrderByDescending(c => c.OpensOn).ThenByDescending(c => c.Id).Take(500)
            .Select(c => new { Consultation = c, Comments = db.Set<ConsultationComment>().Count(m => m.ConsultationId == c.Id) })
            .ToListAsync(cancellationToken);
        var bodies = await directory.LoadAsync(cancellationToken);
        return rows.Select(r => new ConsultationSummary(r.Consultation, bodies.Find(r.Consultation.BodyId), StatusOf(r.Consultation), r.Comments)).ToList();
    }

    /// <summary>The comments the public may read, oldest first, one page at a time (a consultation may draw thousands).</summary>
    public async Task<(IReadOnlyList<ConsultationComment> Comments, int Total)> ShownCommentsAsync(int id, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var shown = db.Set<ConsultationComment>().AsNoTracking().Where(c => c.ConsultationId == id && c.Moderation == "shown");
        var total = await shown.CountAsync(cancellationToken);
        var rows = await shown.OrderBy(c => c.Id).Skip(Math.Max(0, page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (rows, total);
    }

    public async Task<int> CommentCountAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<ConsultationComment>().CountAsync(c => c.ConsultationId == id, cancellationToken);

    /// <summary>Every comment with contacts, for staff of the consultation's body.</summary>
    public async Task<Outcome<IReadOnlyList<ConsultationComment>>> StaffCommentsAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.View, "这项意见征集不属于您的单位。", cancellationToken);
        return found.Refusal is { } refusal ? refusal : Outcome.Success(await AllCommentsAsync(id, cancellationToken));
    }

    /// <summary>Every comment, for the body's staff (with contacts).</summary>
    public async Task<IReadOnlyList<ConsultationComment>> AllCommentsAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<ConsultationComment>().AsNoTracking().Where(c => c.ConsultationId == id).OrderBy(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>The feedback: groups in order with their comments, counts of comments per decision, and the tally of
    /// comments per alternative.</summary>
    public async Task<FeedbackReport> FeedbackAsync(Consultation consultation, CancellationToken cancellationToken = default)
    {
        var groups = await db.Set<FeedbackGroup>().AsNoTracking().Where(g => g.ConsultationId == consultation.Id).OrderBy(g => g.Position).ToListAsync(cancellationToken);
        var comments = await db.Set<ConsultationComment>().AsNoTracking().Where(c => c.ConsultationId == consultation.Id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var byGroup = comments.Where(c => c.GroupId is not null).ToLookup(c => c.GroupId!.Value);
        var views = groups.Select(g => new FeedbackGroupView(g, byGroup[g.Id].ToList())).ToList();
        int Count(FeedbackDecision d) => views.Where(v => v.Decision == d).Sum(v => v.Comments.Count);
        var tally = Enumerable.Range(1, consultation.OptionList.Count).Select(n => comments.Count(c => c.Option == n)).ToList();
        return new FeedbackReport(comments.Count, Count(FeedbackDecision.Adopted), Count(FeedbackDecision.PartlyAdopted), Count(FeedbackDecision.NotAdopted), views, tally);
    }

    private async Task<Outcome<Consultation>> FindForStaffAsync(ClaimsPrincipal user, int id, string permission, string forbidden, CancellationToken cancellationToken)
    {
        var consultation = await FindAsync(id, track: true, cancellationToken);
        if (consultation is null)
        {
            return Refusal.NotFound($"没有编号为 {id} 的意见征集。", "未找到意见征集");
        }

        return await MayActAsync(user, consultation.BodyId, permission, cancellationToken) ? consultation : Refusal.Forbidden(forbidden);
    }

    private async Task<Outcome<Consultation>> SaveAsync(Consultation consultation, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return consultation;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("这项意见征集刚刚被其他人修改过，请刷新后再试。");
        }
    }

    private static string Target(Consultation c) => "consultation:" + Id(c);

    private static string Id(Consultation c) => c.Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A consultation in a list, with its body, status and number of comments.</summary>
public sealed record ConsultationSummary(Consultation Consultation, Body? Body, ConsultationStatus Status, int CommentCount);
