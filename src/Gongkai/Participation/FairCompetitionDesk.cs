using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Publishing.Contracts;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Participation;

/// <summary>A stored review read back: its checked answers and conclusion.</summary>
public sealed record ReviewRecord(FairCompetitionReview Row, IReadOnlyList<CheckedItemAnswer> Answers, ReviewConclusion Conclusion)
{
    public IReadOnlyList<string> Areas => Row.AreaList;
}

/// <summary>A document's fair-competition state: the draft, the marked areas, every review (newest first) and the standing for 终审.</summary>
public sealed record FairCompetitionView(DraftDocument Document, IReadOnlyList<string> Areas, IReadOnlyList<ReviewRecord> Reviews, FairCompetitionStanding Standing)
{
    public ReviewRecord? Latest => Reviews.Count > 0 ? Reviews[0] : null;
}

/// <summary>A review in a body's list for a year.</summary>
public sealed record ReviewListItem(FairCompetitionReview Row, Body? Body, ReviewConclusion Conclusion);

/// <summary>
/// 公平竞争审查 of documents: an editor marks a draft as touching market activity (the areas), a reviewer of the body
/// fills the review (every standard, the conclusion; the reviewer is the signed-in user), and <see cref="FairCompetitionCondition"/>
/// makes Publishing's 终审 wait for it. Both are possible until 终审 has passed. Permission and body scope are checked
/// here; every change is audited in the same unit of work.
/// </summary>
public sealed class FairCompetitionDesk(GongkaiDbContext db, DraftDocuments documents, AuditLog audit, BodyScope scope, BodyDirectory directory, RolePermissions permissions, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool MayMark(ClaimsPrincipal user) => permissions.Grants(user, FairCompetitionPermissions.Mark);

    public bool MayReview(ClaimsPrincipal user) => permissions.Grants(user, FairCompetitionPermissions.Review);

    public async Task<Outcome<FairCompetitionView>> ViewAsync(ClaimsPrincipal user, int documentId, CancellationToken cancellationToken = default)
    {
        var document = await FindAsync(user, documentId, cancellationToken);
        return document.Succeeded ? await DescribeAsync(document.Value, cancellationToken) : document.Refusal;
    }

    /// <summary>Marks the areas of market activity (none: not marked).</summary>
    public async Task<Outcome<FairCompetitionView>> MarkAsync(ClaimsPrincipal user, int documentId, IEnumerable<string?>? areas, CancellationToken cancellationToken = default)
    {
        var found = await FindForChangeAsync(user, documentId, FairCompetitionPermissions.Mark, "您没有标注市场活动的权限（由信息编辑标注）。", cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var checkedAreas = FairCompetitionRules.CheckAreas(areas);
        if (!checkedAreas.Succeeded)
        {
            return checkedAreas.Refusal;
        }

        var document = found.Value;
        var codes = checkedAreas.Value;
        var mark = await db.Set<MarketActivityMark>().SingleOrDefaultAsync(m => m.DocumentId == documentId, cancellationToken);
        var before = mark?.AreaList ?? [];
        if (before.SequenceEqual(codes))
        {
            return await DescribeAsync(document, cancellationToken);
        }

        if (codes.Count == 0)
        {
            db.Remove(mark!);
        }
        else if (mark is null)
        {
            db.Add(new MarketActivityMark { DocumentId = documentId, BodyId = document.BodyId, Areas = string.Join(',', codes), MarkedAt = clock.GetUtcNow(), MarkedBy = StaffClaims.DisplayNameOf(user) });
        }
        else
        {
            mark.Areas = string.Join(',', codes);
            mark.MarkedAt = clock.GetUtcNow();
            mark.MarkedBy = StaffClaims.DisplayNameOf(user);
        }

        audit.Record("fair-competition.marked", Target(documentId),
            codes.Count == 0 ? $"《{document.Title}》取消标注涉及市场主体经济活动" : $"《{document.Title}》标注涉及市场主体经济活动：{FairCompetitionRules.AreaNames(codes)}",
            bodyId: document.BodyId);
        await db.SaveChangesAsync(cancellationToken);
        return await DescribeAsync(document, cancellationToken);
    }

    /// <summary>Records a review by the signed-in reviewer; it becomes the latest.</summary>
    public async Task<Outcome<FairCompetitionView>> ReviewAsync(ClaimsPrincipal user, int documentId, FairCompetitionReviewDraft draft, CancellationToken cancellationToken = default)
    {
        var found = await FindForChangeAsync(user, documentId, FairCompetitionPermissions.Review, "您没有公平竞争审查的权限（由初审、复审或终审人员审查）。", cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var document = found.Value;
        var mark = await db.Set<MarketActivityMark>().AsNoTracking().SingleOrDefaultAsync(m => m.DocumentId == documentId, cancellationToken);
        if (mark is null)
        {
            return Refusal.Conflict("该文件未标注涉及市场主体经济活动，无需公平竞争审查；如涉及，请先由信息编辑标注所涉领域。", "无需审查");
        }

        var review = FairCompetitionRules.Check(draft);
        if (!review.Succeeded)
        {
            return review.Refusal;
        }

        var value = review.Value;
        var now = clock.GetUtcNow();
        db.Add(new FairCompetitionReview
        {
            DocumentId = documentId,
            BodyId = document.BodyId,
            DocumentTitle = document.Title,
            Areas = mark.Areas,
            AnswersJson = JsonSerializer.Serialize(value.Answers, Json),
            Conclusion = FairCompetitionRules.Code(value.Conclusion),
            ExceptionKind = value.ExceptionKind,
            ExceptionReason = value.ExceptionReason,
            Note = value.Note,
            ReviewerId = StaffClaims.UserIdOf(user) ?? "",
            ReviewerName = StaffClaims.DisplayNameOf(user),
            ReviewedAt = now,
            Year = ChinaTime.DateOf(now).Year,
        });
        var yes = value.Answers.Where(a => a.Yes).Select(a => a.Code).ToList();
        audit.Record("fair-competition.reviewed", Target(documentId),
            $"《{document.Title}》公平竞争审查：{FairCompetitionRules.ChineseName(value.Conclusion)}" +
            (yes.Count == 0 ? "（各项均为否）" : $"（回答“是”的项目：{string.Join("、", yes)}）") +
            (value.ExceptionKind is null ? "" : $"，例外情形：{FairCompetitionRules.ExceptionName(value.ExceptionKind)}"),
            bodyId: document.BodyId);
        await db.SaveChangesAsync(cancellationToken);
        return await DescribeAsync(document, cancellationToken);
    }

    /// <summary>The reviews of the bodies in the user's scope (or of one body, by code) made in <paramref name="year"/>, newest first.</summary>
    public async Task<Outcome<IReadOnlyList<ReviewListItem>>> ListAsync(ClaimsPrincipal user, int year, string? bodyCode, CancellationToken cancellationToken = default)
    {
        var bodies = await directory.LoadAsync(cancellationToken);
        var query = db.Set<FairCompetitionReview>().AsNoTracking().Where(r => r.Year == year);
        if (!string.IsNullOrWhiteSpace(bodyCode))
        {
            var body = bodies.All.FirstOrDefault(b => b.Code == bodyCode.Trim());
            if (body is null)
            {
                return Refusal.InvalidField("body", $"没有代码为“{bodyCode}”的机关。", "机关有误");
            }

            if (!await scope.MayActForAsync(user, body.Id, cancellationToken))
            {
                return Refusal.Forbidden($"您不能查看{body.Name}的公平竞争审查。");
            }

            query = query.Where(r => r.BodyId == body.Id);
        }
        else if (await scope.BodiesInScopeAsync(user, cancellationToken) is { } inScope)
        {
            query = query.Where(r => inScope.Contains(r.BodyId));
        }

        var rows = await query.OrderByDescending(r => r.ReviewedAt).ThenByDescending(r => r.Id).Take(2000).ToListAsync(cancellationToken);
        return rows.Select(r => new ReviewListItem(r, bodies.Find(r.BodyId), FairCompetitionRules.ParseConclusion(r.Conclusion) ?? ReviewConclusion.NonCompliant)).ToList();
    }

    /// <summary>The standing of a document for 终审, read without a user (Publishing's gate asks it).</summary>
    public async Task<FairCompetitionStanding> StandingAsync(int documentId, CancellationToken cancellationToken = default)
    {
        var areas = await AreasAsync(documentId, cancellationToken);
        var latest = await db.Set<FairCompetitionReview>().AsNoTracking().Where(r => r.DocumentId == documentId)
            .OrderByDescending(r => r.Id).Select(r => new { r.Conclusion, r.Areas }).FirstOrDefaultAsync(cancellationToken);
        return FairCompetitionRules.Standing(areas, latest is null ? null
            : new ReviewOnRecord(FairCompetitionRules.ParseConclusion(latest.Conclusion) ?? ReviewConclusion.NonCompliant, latest.Areas.Split(',', StringSplitOptions.RemoveEmptyEntries)));
    }

    public static string PageUrl(int documentId) => $"/admin/fair-competition/documents/{documentId.ToString(CultureInfo.InvariantCulture)}";

    private async Task<IReadOnlyList<string>> AreasAsync(int documentId, CancellationToken cancellationToken) =>
        (await db.Set<MarketActivityMark>().AsNoTracking().Where(m => m.DocumentId == documentId).Select(m => m.Areas).SingleOrDefaultAsync(cancellationToken))
        ?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private async Task<FairCompetitionView> DescribeAsync(DraftDocument document, CancellationToken cancellationToken)
    {
        var areas = await AreasAsync(document.Id, cancellationToken);
        var rows = await db.Set<FairCompetitionReview>().AsNoTracking().Where(r => r.DocumentId == document.Id).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
        var reviews = rows.Select(Read).ToList();
        var standing = FairCompetitionRules.Standing(areas, reviews.Count == 0 ? null : new ReviewOnRecord(reviews[0].Conclusion, reviews[0].Areas));
        return new FairCompetitionView(document, areas, reviews, standing);
    }

    private static ReviewRecord Read(FairCompetitionReview row) =>
        new(row, JsonSerializer.Deserialize<List<CheckedItemAnswer>>(row.AnswersJson, Json) ?? [], FairCompetitionRules.ParseConclusion(row.Conclusion) ?? ReviewConclusion.NonCompliant);

    private async Task<Outcome<DraftDocument>> FindAsync(ClaimsPrincipal user, int documentId, CancellationToken cancellationToken)
    {
        // Another body's document is answered as missing, as Publishing's own staff API does.
        var document = await documents.FindAsync(documentId, cancellationToken);
        return document is not null && await scope.MayActForAsync(user, document.BodyId, cancellationToken)
            ? document
            : Refusal.NotFound("没有找到该文件，或它不属于您所在的单位。", "文件不存在");
    }

    private async Task<Outcome<DraftDocument>> FindForChangeAsync(ClaimsPrincipal user, int documentId, string permission, string forbidden, CancellationToken cancellationToken)
    {
        var found = await FindAsync(user, documentId, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        if (!permissions.Grants(user, permission))
        {
            return Refusal.Forbidden(forbidden);
        }

        return found.Value.BeforeFinalReview
            ? found
            : Refusal.Conflict($"该文件已通过终审（当前状态：{found.Value.StatusName}），公平竞争审查记录不能再修改。", "已通过终审");
    }

    private static string Target(int documentId) => "document:" + documentId.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Publishing's 终审 asks this: a document marked as touching market activity passes only with a completed
/// review that does not conclude 不符合 (see <see cref="FairCompetitionRules.Standing"/>).</summary>
internal sealed class FairCompetitionCondition(FairCompetitionDesk desk) : IFinalReviewCondition
{
    public async Task<FinalReviewConditionState> StateAsync(int documentId, CancellationToken cancellationToken = default)
    {
        var standing = await desk.StandingAsync(documentId, cancellationToken);
        return new FinalReviewConditionState("公平竞争审查", standing.Summary, FairCompetitionDesk.PageUrl(documentId), standing.Blocking);
    }
}

/// <summary>Who takes part: editors mark a draft as touching market activity; the body's reviewers (初审, 复审, 终审)
/// fill the review; all of them see the console pages. Every action is also limited to the bodies in the user's scope.</summary>
public static class FairCompetitionPermissions
{
    public const string Mark = "fair-competition-mark";
    public const string Review = "fair-competition-review";
    public const string View = "fair-competition-view";

    internal static IServiceCollection AddFairCompetitionPermissions(this IServiceCollection services) => services
        .AddPermission(Mark, StaffRoles.Editor)
        .AddPermission(Review, StaffRoles.FirstReviewer, StaffRoles.SecondReviewer, StaffRoles.FinalReviewer)
        .AddPermission(View, StaffRoles.Editor, StaffRoles.FirstReviewer, StaffRoles.SecondReviewer, StaffRoles.FinalReviewer);
}
