using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Attachments;

/// <summary>The text read from a document's attachments, for search and the safeguards. Images and unreadable files
/// have no text and are left out.</summary>
public sealed class AttachmentTexts(GongkaiDbContext db)
{
    public async Task<IReadOnlyList<(int AttachmentId, string FileName, string Text)>> ForDocumentAsync(int documentId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<DocumentAttachment>().AsNoTracking()
            .Where(a => a.DocumentId == documentId && a.TextStatus == AttachmentTextStatus.Extracted && a.Text != "")
            .OrderBy(a => a.Position).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.FileName, a.Text })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.FileName, r.Text)).ToList();
    }
}
