using System.Security.Claims;
using System.Text;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Publishing;
using Gongkai.Safeguards.Links;
using Gongkai.Safeguards;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Text;

namespace Gongkai.Publishing.Checks;

/// <summary>A finding as the staff member saw it: its kind, where it was in the body's HTML and the text there.</summary>
public sealed record FindingReference(FindingKind Kind, int Start, string Text);

/// <summary>
/// One-click fixes in a document's body: mask a piece of personal data with the <see cref="Masker"/>'s replacement,
/// mask all of them, or apply a wording finding's suggested correction. The body is checked again and the finding must
/// still be there, with the same text at the same offset; otherwise nothing changes and the user is told why. Each
/// change is a history entry and an audit row that name the kind and the masked form, never the personal data.
/// </summary>
public sealed class FindingFixer(GongkaiDbContext db, BodyScope scope, RolePermissions permissions, AuditLog audit, TimeProvider clock, DocumentPublisher publisher, BodyTextFindingSource body, AttachmentMasking attachments)
{
    public const string ChangedMessage = "正文在该位置的文字已经改变（可能已被他人修改或遮盖），本次未作修改。请查看最新检查结果后再操作。";

    public Task<Outcome<string>> MaskAsync(ClaimsPrincipal user, int documentId, FindingReference reference, CancellationToken cancellationToken) =>
        FixOneAsync(user, documentId, reference, personal: true, cancellationToken);

    public Task<Outcome<string>> CorrectAsync(ClaimsPrincipal user, int documentId, FindingReference reference, CancellationToken cancellationToken) =>
        FixOneAsync(user, documentId, reference, personal: false, cancellationToken);

    public async Task<Outcome<string>> MaskAllAsync(ClaimsPrincipal user, int documentId, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(user, documentId, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Refusal;
        }

        var document = loaded.Value;

        // 遮盖全部个人信息 covers the attachments too, at every stage before publication (issue 13).
        var personal = (await body.FindAsync(document, cancellationToken)).Where(f => f.IsPersonal).ToList();
        var inAttachments = await attachments.MaskAsync(user, document, null, cancellationToken);
        if (personal.Count == 0 && inAttachments.Masked == 0)
        {
            return Refusal.Conflict(inAttachments.Left > 0
                ? $"正文中没有需要遮盖的个人信息；附件中另有 {inAttachments.Left} 处无法一键遮盖（PDF、图片或跨越格式的文字），请在本地修改后替换附件。"
                : "正文和附件中没有需要遮盖的个人信息。");
        }

        var inPlace = personal.Where(f => f.CanApplyInPlace).ToList();
        if (inPlace.Count > 0)
        {
            document.BodyHtml = Replace(document.BodyHtml, inPlace);
        }

        var detail = string.Join("；", inPlace.GroupBy(f => f.Kind).Select(g => $"{g.Key.DisplayName()} {g.Count()} 处"));
        if (inAttachments.Masked > 0)
        {
            detail = (detail.Length > 0 ? detail + "；" : "") + $"附件 {inAttachments.Files.Count} 个中 {inAttachments.Masked} 处（原件留存）";
        }

        Record(user, document, "masked", $"一键遮盖全部个人信息：{detail}");
        if (await SaveAsync(cancellationToken) is { } lostRace)
        {
            return lostRace;
        }

        var left = personal.Count - inPlace.Count;
        var done = inAttachments.Masked == 0
            ? $"已遮盖 {inPlace.Count} 处个人信息"
            : $"已遮盖 {inPlace.Count + inAttachments.Masked} 处个人信息（其中附件 {inAttachments.Masked} 处，附件原件已留存供工作人员查阅）";
        var notes = new List<string>();
        if (left > 0)
        {
            notes.Add($"正文另有 {left} 处跨越了格式标记，请在编辑器中手动修改");
        }

        if (inAttachments.Left > 0)
        {
            notes.Add($"附件中另有 {inAttachments.Left} 处无法一键遮盖，请在本地修改后替换附件");
        }

        return notes.Count == 0 ? done + "。" : done + "；" + string.Join("；", notes) + "。";
    }

    /// <summary>Masks the personal data of one attachment (a Word file) at the stage the document is in; the version
    /// replaced is kept for staff.</summary>
    public async Task<Outcome<string>> MaskAttachmentAsync(ClaimsPrincipal user, int documentId, int attachmentId, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(user, documentId, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Refusal;
        }

        var document = loaded.Value;
        var result = await attachments.MaskAsync(user, document, attachmentId, cancellationToken);
        if (result.Masked == 0)
        {
            return Refusal.Conflict(result.Left > 0
                ? "该附件中的个人信息无法一键遮盖（PDF、图片或跨越格式的文字），请在本地修改后替换附件。"
                : "该附件中没有需要遮盖的个人信息。");
        }

        Record(user, document, "masked", $"遮盖附件《{result.Files[0]}》中的个人信息 {result.Masked} 处（原件留存）");
        if (await SaveAsync(cancellationToken) is { } lostRace)
        {
            return lostRace;
        }

        return result.Left == 0
            ? $"已遮盖附件《{result.Files[0]}》中的 {result.Masked} 处个人信息，原件已留存供工作人员查阅。"
            : $"已遮盖附件《{result.Files[0]}》中的 {result.Masked} 处个人信息；另有 {result.Left} 处无法一键遮盖，请在本地修改后替换附件。";
    }

    private async Task<Outcome<string>> FixOneAsync(ClaimsPrincipal user, int documentId, FindingReference reference, bool personal, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(user, documentId, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Refusal;
        }

        var document = loaded.Value;

        var html = document.BodyHtml;
        var findings = await body.FindAsync(document, cancellationToken);
        var finding = findings.FirstOrDefault(f => f.Kind == reference.Kind && f.Start == reference.Start && f.Text == reference.Text);
        if (finding is null)
        {
            var unchanged = reference.Start >= 0 && reference.Start + reference.Text.Length <= html.Length
                && string.CompareOrdinal(html, reference.Start, reference.Text, 0, reference.Text.Length) == 0;
            return Refusal.Conflict(unchanged ? "该处已不再是检查发现的问题，无需处理。" : ChangedMessage);
        }

        if (finding.IsPersonal != personal || !personal && !finding.IsCorrectable)
        {
            return Refusal.Conflict(personal ? "该处不是个人信息，不能遮盖。" : "该处没有可直接采用的修改建议，请在编辑器中修改。");
        }

        if (!finding.CanApplyInPlace)
        {
            return Refusal.Conflict("该处文字跨越了格式标记（如加粗、链接），无法一键修改，请在编辑器中手动修改。");
        }

        document.BodyHtml = Replace(html, [finding]);
        var detail = $"{finding.Kind.DisplayName()}：{(personal ? "遮盖为" : finding.Text + " 改为")}“{finding.Replacement}”";
        Record(user, document, personal ? "masked" : "wording-corrected", detail);
        if (await SaveAsync(cancellationToken) is { } lostRace)
        {
            return lostRace;
        }

        return personal ? $"已遮盖：{finding.Replacement}" : $"已改为“{finding.Replacement}”。";
    }

    private async Task<Outcome<Document>> LoadAsync(ClaimsPrincipal user, int documentId, CancellationToken cancellationToken)
    {
        var document = await db.Set<Document>().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null || !await scope.MayActForAsync(user, document.BodyId, cancellationToken))
        {
            return Refusal.NotFound("没有找到该文件。");
        }

        var isEditor = permissions.Grants(user, PublishingPermissions.EditDocuments);
        if (!FindingActions.MayChangeText(document.Status, isEditor, DocumentDesk.StagesOf(user, permissions)))
        {
            return Refusal.Forbidden("只有本单位的编辑（草稿或退回时）或当前审核环节的审核人可以修改正文。");
        }

        return document;
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

    /// <summary>Null when saved; a conflict when someone else saved the document first.</summary>
    private async Task<Refusal?> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict(ChangedMessage);
        }
    }
}
