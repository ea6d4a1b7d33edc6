using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Notifications;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Checks.LeakReports;

/// <summary>Filing a citizen's leak report (the body's staff are notified in the same unit of work) and answering it
/// (staff of the body, audited).</summary>
public sealed class LeakReportDesk(GongkaiDbContext db, AuditLog audit, INotifier notifier, UserManager<StaffUser> users, BodyScope scope, TimeProvider clock)
{
    /// <summary>The published, not withdrawn document a citizen may report on, or null.</summary>
    public Task<Document?> FindPublishedAsync(int documentId, CancellationToken cancellationToken) =>
        db.Set<Document>().AsNoTracking().Include(d => d.Body)
            .FirstOrDefaultAsync(d => d.Id == documentId && d.PublishedAt != null && d.WithdrawnAt == null, cancellationToken);

    public async Task<Outcome<LeakReport>> FileAsync(int documentId, string? description, string? contact, CancellationToken cancellationToken)
    {
        var document = await FindPublishedAsync(documentId, cancellationToken);
        if (document is null)
        {
            return Refusal.NotFound("没有找到该文件，或该文件已撤回。");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var text = description?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors["Description"] = ["请写明您在文件中看到的个人信息（例如哪一段、哪一类信息）。"];
        }
        else if (text.Length > LeakReport.MaxDescriptionLength)
        {
            errors["Description"] = [$"说明最多 {LeakReport.MaxDescriptionLength} 个字，现有 {text.Length} 个字，请精简后再提交。"];
        }

        var reachable = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
        if (reachable is { Length: > LeakReport.MaxContactLength })
        {
            errors["Contact"] = [$"联系方式最多 {LeakReport.MaxContactLength} 个字。"];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid("报告未提交，请按提示修改。", errors);
        }

        var report = new LeakReport
        {
            DocumentId = document.Id, BodyId = document.BodyId, Description = text, ReporterContact = reachable, ReportedAt = clock.GetUtcNow(),
        };
        db.Set<LeakReport>().Add(report);
        audit.Record("leak-report.file", $"document:{document.Id}", "公众报告个人信息泄露", document.BodyId, actorName: "公众");
        var recipients = await users.Users.Where(u => u.BodyId == document.BodyId).Select(u => u.Id).ToListAsync(cancellationToken);
        if (recipients.Count > 0)
        {
            await notifier.NotifyAsync(new Notification(
                recipients,
                $"个人信息泄露报告：《{document.Title}》",
                $"有公众报告已发布文件《{document.Title}》（索引号 {document.IndexNo}）可能泄露个人信息。请在“个人信息泄露报告”中查看并答复：/admin/safeguards/leak-reports",
                "publishing.leak-report"), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    public async Task<Outcome> AnswerAsync(System.Security.Claims.ClaimsPrincipal user, int reportId, string? answer, CancellationToken cancellationToken)
    {
        var report = await db.Set<LeakReport>().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return Refusal.NotFound("没有找到该报告。");
        }

        if (!await scope.MayActForAsync(user, report.BodyId, cancellationToken))
        {
            return Refusal.Forbidden("只能答复本单位文件的报告。");
        }

        var text = answer?.Trim() ?? "";
        if (text.Length is 0 or > LeakReport.MaxAnswerLength)
        {
            return Refusal.InvalidField("Answer", $"请填写答复（最多 {LeakReport.MaxAnswerLength} 个字）。");
        }

        report.Answer = text;
        report.AnsweredAt = clock.GetUtcNow();
        report.AnsweredBy = user.Identity?.Name;
        audit.Record("leak-report.answer", $"leak-report:{report.Id}", $"document:{report.DocumentId}", report.BodyId);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
