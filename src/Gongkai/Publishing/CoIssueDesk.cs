using System.Security.Claims;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Publishing.Rules;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing;

/// <summary>A co-issue request as the co-issuing body's staff see it (console and API).</summary>
/// <param name="Url">The public page once the document is published; null before.</param>
public sealed record CoIssueRequestView(
    int DocumentId, string? IndexNo, string Title, string? DocNumber, string Issuer, string IssuerCode, string DocumentStatus, string DocumentStatusName,
    string State, string StateName, string? Reason, DateTimeOffset? AnsweredAt, string? AnsweredBy, string? Url, string BodyHtml);

/// <summary>How a co-issuer stands on a document, as the issuing body sees it (<see cref="StaffDocumentView"/>).</summary>
public sealed record CoIssueStateView(string Body, string BodyName, string State, string StateName, string? Reason, DateTimeOffset? AnsweredAt);

/// <summary>Request body of <c>POST /api/v1/co-issues/{documentId}/decline</c>.</summary>
public sealed record CoIssueDeclineRequest(string? Reason);

/// <summary>
/// The co-issuing body's side of 联合发文: the requests waiting for it, and its reviewers' answers (会签 or 拒绝),
/// decided by <see cref="CoIssueCountersign"/>, audited in the answering body's log and, for a published document,
/// recorded in the change log so search, feeds and cached pages show or drop it under the co-issuer.
/// </summary>
public sealed class CoIssueDesk(GongkaiDbContext db, RolePermissions permissions, AuditLog audit, TimeProvider clock, DocumentPublisher publisher)
{
    public const string LostRaceMessage = "该联合发文刚刚已由本单位其他人答复，您的操作未生效。请刷新页面查看。";

    /// <summary>Requests addressed to the user's own body: waiting ones first, then answered ones, newest first.</summary>
    public async Task<IReadOnlyList<CoIssueRequestView>> ListAsync(ClaimsPrincipal user, bool includeAnswered, CancellationToken cancellationToken = default)
    {
        if (StaffClaims.BodyIdOf(user) is not { } bodyId)
        {
            return [];
        }

        var query = db.Set<DocumentCoIssuer>().AsNoTracking().Where(c => c.BodyId == bodyId);
        if (!includeAnswered)
        {
            query = query.Where(c => c.State == CoIssueState.Requested);
        }

        var rows = await query
            .Join(db.Set<Document>().AsNoTracking().Where(d => d.Status != DocumentStatus.Withdrawn), c => c.DocumentId, d => d.Id, (c, d) => new
            {
                c.State, c.DeclineReason, c.AnsweredAt, c.AnsweredByName, d.Id, d.IndexNo, d.Title, d.DocNumber, IssuerName = d.Body!.Name, IssuerCode = d.Body.Code,
                d.Status, d.BodyHtml, d.UpdatedAt,
            })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.State != CoIssueState.Requested).ThenByDescending(r => r.AnsweredAt ?? r.UpdatedAt).ThenByDescending(r => r.Id)
            .Select(r => new CoIssueRequestView(r.Id, r.IndexNo, r.Title, r.DocNumber, r.IssuerName, r.IssuerCode, r.Status.ToString(), ReviewWorkflow.ChineseName(r.Status),
                r.State.ToString(), CoIssueCountersign.ChineseName(r.State), r.DeclineReason, r.AnsweredAt, r.AnsweredByName,
                r.IndexNo is null || r.Status != DocumentStatus.Published ? null : "/documents/" + r.IndexNo, r.BodyHtml))
            .ToList();
    }

    /// <summary>会签 (<paramref name="accept"/>) or 拒绝 with <paramref name="reason"/>, for the user's own body.</summary>
    public async Task<Outcome<CoIssueRequestView>> AnswerAsync(ClaimsPrincipal user, int documentId, bool accept, string? reason, CancellationToken cancellationToken = default)
    {
        var bodyId = StaffClaims.BodyIdOf(user);
        var coIssue = bodyId is null ? null
            : await db.Set<DocumentCoIssuer>().SingleOrDefaultAsync(c => c.DocumentId == documentId && c.BodyId == bodyId, cancellationToken);
        var document = coIssue is null ? null
            : await db.Set<Document>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.Status != DocumentStatus.Withdrawn, cancellationToken);
        if (coIssue is null || document is null)
        {
            return Refusal.NotFound("没有找到发给本单位的这份联合发文会签请求。", "会签请求不存在");
        }

        var actor = new CoIssueActor(bodyId, DocumentDesk.StagesOf(user, permissions));
        var answer = CoIssueCountersign.Answer(coIssue.State, coIssue.BodyId, actor, accept, reason);
        if (!answer.Succeeded)
        {
            return answer.Refusal;
        }

        coIssue.State = answer.Value;
        coIssue.DeclineReason = answer.Value == CoIssueState.Declined ? reason?.Trim() : null;
        coIssue.AnsweredAt = clock.GetUtcNow();
        coIssue.AnsweredBy = StaffClaims.UserIdOf(user);
        coIssue.AnsweredByName = StaffClaims.DisplayNameOf(user);
        audit.Record(accept ? "document.co-issue.accepted" : "document.co-issue.declined", DocumentPublisher.Target(document),
            coIssue.DeclineReason ?? document.Title, bodyId: coIssue.BodyId);
        if (document.Status == DocumentStatus.Published && document.IndexNo is { } indexNo)
        {
            db.RecordChange(PublishingChanges.DocumentCoIssuersChanged, indexNo, coIssue.BodyId);
        }

        try
        {
            await publisher.SaveAndEvictAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict(LostRaceMessage);
        }

        return (await ListAsync(user, includeAnswered: true, cancellationToken)).Single(r => r.DocumentId == documentId);
    }

    /// <summary>The co-issuers of a document and their answers, for the issuing body's staff.</summary>
    public static IReadOnlyList<CoIssueStateView> StatesOf(Document document) =>
        document.CoIssuers.Where(c => c.Body is not null)
            .Select(c => new CoIssueStateView(c.Body!.Code, c.Body.Name, c.State.ToString(), CoIssueCountersign.ChineseName(c.State), c.DeclineReason, c.AnsweredAt))
            .ToList();
}
