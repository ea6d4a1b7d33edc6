using System.Security.Claims;
using System.Text;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Text;
using Gongkai.Publishing.Admin;
using Gongkai.Publishing.Rules;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Checks.PublishedScan;

/// <summary>
/// The body's follow-up of a finding in a published document, in one step: the personal data in the body and in the
/// attachments (Word files) is masked and a correction is proposed through the existing 更正 path
/// (<see cref="DocumentDesk.CorrectAsync"/>: same rules, safeguards gate, history, audit, change log, public note of the
/// correction — public once a reviewer holding 终审 approves it); the attachments' masked versions replace the public
/// files at once (removing personal data is never held back) and their originals are kept for staff. Then the
/// document is scanned again.
/// </summary>
public sealed class PublishedScanDesk(GongkaiDbContext db, BodyScope scope, RolePermissions permissions, DocumentDesk desk, AttachmentMasking attachments, BodyTextFindingSource body, PublishedScanner scanner)
{
    public const string CorrectionReason = "遮盖已公开文件中的个人信息";

    public async Task<Outcome<string>> MaskAndCorrectAsync(ClaimsPrincipal user, int documentId, CancellationToken cancellationToken)
    {
        var document = await db.Set<Document>().AsNoTracking().Include(d => d.CoIssuers).ThenInclude(c => c.Body).Include(d => d.SupersededBy)
            .SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null || !await scope.MayActForAsync(user, document.BodyId, cancellationToken))
        {
            return Refusal.NotFound("没有找到该文件，或它不属于您所在的单位。");
        }

        if (!permissions.Grants(user, PublishingPermissions.EditDocuments))
        {
            return Refusal.Forbidden("只有本单位的编辑可以更正已发布的文件。");
        }

        if (document.Status != DocumentStatus.Published)
        {
            return Refusal.Conflict($"该文件当前状态为“{ReviewWorkflow.ChineseName(document.Status)}”，只有已发布的文件才能更正。");
        }

        var personal = (await body.FindAsync(document, cancellationToken)).Where(f => f.IsPersonal).ToList();
        var inPlace = personal.Where(f => f.CanApplyInPlace).ToList();
        var masked = await attachments.MaskAsync(user, document, null, cancellationToken);
        if (inPlace.Count == 0 && masked.Masked == 0)
        {
            return Refusal.Conflict(personal.Count + masked.Left > 0
                ? "文件中的个人信息无法一键遮盖（跨越格式标记、PDF 或图片附件），请在“更正”页面手动修改正文或替换附件。"
                : "按当前规则，文件正文和附件中已没有需要遮盖的个人信息。");
        }

        // the attachments' new versions are saved first: the 更正 gate reads the attachments' findings from the database
        await db.SaveChangesAsync(cancellationToken);

        var form = DocumentForm.From(document);
        form.BodyHtml = Replace(document.BodyHtml, inPlace);
        var (input, errors) = form.ToInput();
        if (errors.Count > 0)
        {
            return Refusal.Invalid("文件信息有误，请在“更正”页面修改。", errors);
        }

        var corrected = await desk.CorrectAsync(user, documentId, input, CorrectionReason, cancellationToken);
        if (!corrected.Succeeded)
        {
            return corrected.Refusal;
        }

        await scanner.ScanDocumentAsync(documentId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var total = inPlace.Count + masked.Masked;
        var left = personal.Count - inPlace.Count + masked.Left;
        return left == 0
            ? $"已遮盖 {total} 处个人信息并提交更正《{document.Title}》，待终审通过后公开。"
            : $"已遮盖 {total} 处个人信息并提交更正《{document.Title}》，待终审通过后公开；另有 {left} 处无法一键遮盖，请在“更正”页面手动修改。";
    }

    private static string Replace(string html, IEnumerable<DocumentFinding> findings)
    {
        var builder = new StringBuilder(html);
        foreach (var f in findings.OrderByDescending(f => f.Start))
        {
            builder.Remove(f.Start, f.Length).Insert(f.Start, HtmlText.Escape(f.Replacement));
        }

        return builder.ToString();
    }
}
