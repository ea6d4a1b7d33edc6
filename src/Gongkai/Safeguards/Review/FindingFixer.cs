using System.Security.Claims;
using System.Text;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Publishing;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Text;

namespace Gongkai.Safeguards.Review;

public enum FixOutcome
{
    Done,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>What happened to a one-click fix, in Chinese.</summary>
public sealed record FixResult(FixOutcome Outcome, string Message)
{
    public bool Succeeded => Outcome == FixOutcome.Done;
}

/// <summary>A finding as the staff member saw it: its kind, where it was in the body's HTML and the text there.</summary>
public sealed record FindingReference(FindingKind Kind, int Start, string Text);

/// <summary>
/// One-click fixes in a document's body: mask a piece of personal data with the <see cref="Masker"/>'s replacement,
/// mask all of them, or apply a wording finding's suggested correction. The body is checked again and the finding must
/// still be there, with the same text at the same offset; otherwise nothing changes and the user is told why. Each
/// change is a history entry and an audit row that name the kind and the masked form, never the personal data.
/// </summary>
public sealed class FindingFixer(GongkaiDbContext db, BodyScope scope, AuditLog audit, TimeProvider clock, DocumentPublisher publisher, BodyTextFindingSource body)
{
    public const string ChangedMessage = "正文在该位置的文字已经改变（可能已被他人修改或遮盖），本次未作修改。请查看最新检查结果后再操作。";

    public Task<FixResult> MaskAsync(ClaimsPrincipal user, int documentId, FindingReference reference, CancellationToken cancellationToken) =>
        FixOneAsync(user, documentId, reference, personal: true, cancellationToken);

    public Task<FixResult> CorrectAsync(ClaimsPrincipal user, int documentId, FindingReference reference, CancellationToken cancellationToken) =>
        FixOneAsync(user, documentId, reference, personal: false, cancellationToken);

    public async Task<FixResult> MaskAllAsync(ClaimsPrincipal user, int documentId, CancellationToken cancellationToken)
    {
        var (document, refusal) = await LoadAsync(user, documentId, cancellationToken);
        if (document is null)
        {
            return refusal!;
        }

        var personal = (await body.FindAsync(document, cancellationToken)).Where(f => f.IsPersonal).ToList();
        if (personal.Count == 0)
        {
            return new FixResult(FixOutcome.Conflict, "正文中没有需要遮盖的个人信息。");
        }

        var inPlace = personal.Where(f => f.CanApplyInPlace).ToList();
        document.BodyHtml = Replace(document.BodyHtml, inPlace);
        var detail = string.Join("；", inPlace.GroupBy(f => f.Kind).Select(g => $"{g.Key.DisplayName()} {g.Count()} 处"));
        Record(user, document, "masked", $"一键遮盖全部个人信息：{detail}");
        var saved = await SaveAsync(cancellationToken);
        if (saved is not null)
        {
            return saved;
        }

        var left = personal.Count - inPlace.Count;
        return new FixResult(FixOutcome.Done, left == 0
            ? $"已遮盖 {inPlace.Count} 处个人信息。"
            : $"已遮盖 {inPlace.Count} 处个人信息；另有 {left} 处跨越了格式标记，请在编辑器中手动修改。");
    }

    private async Task<FixResult> FixOneAsync(ClaimsPrincipal user, int documentId, FindingReference reference, bool personal, CancellationToken cancellationToken)
    {
        var (document, refusal) = await LoadAsync(user, documentId, cancellationToken);
        if (document is null)
        {
            return refusal!;
        }

        var html = document.BodyHtml;
        var findings = await body.FindAsync(document, cancellationToken);
        var finding = findings.FirstOrDefault(f => f.Kind == reference.Kind && f.Start == reference.Start && f.Text == reference.Text);
        if (finding is null)
        {
            var unchanged = reference.Start >= 0 && reference.Start + reference.Text.Length <= html.Length
                && string.CompareOrdinal(html, reference.Start, reference.Text, 0, reference.Text.Length) == 0;
            return new FixResult(FixOutcome.Conflict, unchanged ? "该处已不再是检查发现的问题，无需处理。" : ChangedMessage);
        }

        if (finding.IsPersonal != personal || !personal && !finding.IsCorrectable)
        {
            return new FixResult(FixOutcome.Conflict, personal ? "该处不是个人信息，不能遮盖。" : "该处没有可直接采用的修改建议，请在编辑器中修改。");
        }

        if (!finding.CanApplyInPlace)
        {
            return new FixResult(FixOutcome.Conflict, "该处文字跨越了格式标记（如加粗、链接），无法一键修改，请在编辑器中手动修改。");
        }

        document.BodyHtml = Replace(html, [finding]);
        var detail = $"{finding.Kind.DisplayName()}：{(personal ? "遮盖为" : finding.Text + " 改为")}“{finding.Replacement}”";
        Record(user, document, personal ? "masked" : "wording-corrected", detail);
        return await SaveAsync(cancellationToken) ?? new FixResult(FixOutcome.Done, personal ? $"已遮盖：{finding.Replacement}" : $"已改为“{finding.Replacement}”。");
    }

    private async Task<(Document? Document, FixResult? Refusal)> LoadAsync(ClaimsPrincipal user, int documentId, CancellationToken cancellationToken)
    {
        var document = await db.Set<Document>().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null || !await scope.MayActForAsync(user, document.BodyId, cancellationToken))
        {
            return (null, new FixResult(FixOutcome.NotFound, "没有找到该文件。"));
        }

        var isEditor = RolePermissions.RolesGranting(Permissions.EditDocuments).Any(user.IsInRole);
        if (!FindingActions.MayChangeText(document.Status, isEditor, DocumentDesk.StagesOf(user)))
        {
            return (null, new FixResult(FixOutcome.Forbidden, "只有本单位的编辑（草稿或退回时）或当前审核环节的审核人可以修改正文。"));
        }

        return (document, null);
    }

    /// <summary>Replaces non-overlapping findings from the last to the first, so earlier offsets stay valid.</summary>
    private static string Replace(string html, IEnumerable<DocumentFinding> findings)
    {
        var builder = new StringBuilder(html);
        foreach (var f in findings.OrderByDescending(f => f.Start))
        {
            builder.Remove(f.Start, f.Length).Insert(f.Start, HtmlText.Escape(f.Replacement));
        }

        return builder.ToString();
    }

    private void Record(ClaimsPrincipal user, Document document, string action, string detail)
    {
        document.UpdatedAt = clock.GetUtcNow();
        document.Revision++;
        publisher.History(document, action, StaffClaims.UserIdOf(user), StaffClaims.DisplayNameOf(user), detail);
        audit.Record("document." + action, DocumentPublisher.Target(document), detail, bodyId: document.BodyId);
    }

    private async Task<FixResult?> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new FixResult(FixOutcome.Conflict, ChangedMessage);
        }
    }
}
