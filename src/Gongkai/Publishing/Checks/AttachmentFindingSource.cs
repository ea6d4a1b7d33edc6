using Gongkai.Platform.Data;
using Gongkai.Publishing.Attachments;
using Gongkai.Publishing;
using Gongkai.Safeguards.Links;
using Gongkai.Safeguards;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Checks;

/// <summary>Personal data found in a document's attachments when they were uploaded (kept on each attachment), so that
/// an ID number inside a DOCX blocks 终审 just as one in the body does. Offsets count in the attachment's extracted text.</summary>
public sealed class AttachmentFindingSource(GongkaiDbContext db) : IDocumentFindingSource
{
    public async Task<IReadOnlyList<DocumentFinding>> FindAsync(Document document, CancellationToken ct)
    {
        var attachments = await db.Set<DocumentAttachment>().AsNoTracking()
            .Where(a => a.DocumentId == document.Id && a.FindingsJson != "[]")
            .OrderBy(a => a.Position).ThenBy(a => a.Id)
            .ToListAsync(ct);
        var findings = new List<DocumentFinding>();
        foreach (var attachment in attachments)
        {
            foreach (var found in AttachmentDesk.FindingsOf(attachment))
            {
                if (FindingKinds.TryParse(found.Kind, out var kind))
                {
                    findings.Add(new DocumentFinding($"attachment:{attachment.Id}", $"附件《{attachment.FileName}》", kind,
                        found.Start, found.Length, found.Text, found.Replacement, found.Message, found.Start, CanApplyInPlace: false));
                }
            }
        }

        return findings;
    }
}
