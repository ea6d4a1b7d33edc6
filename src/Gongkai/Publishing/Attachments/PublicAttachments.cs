using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Attachments;

/// <summary>An attachment as listed on a public document page.</summary>
public sealed record PublicAttachment(int Id, string FileName, AttachmentKind Kind, long Size)
{
    public string Url => AttachmentUrls.Public(Id);

    public string KindName => AttachmentFileType.ChineseName(Kind);

    public string SizeText => AttachmentDesk.Size(Size);
}

/// <summary>The attachments a public document page lists (the download itself checks publication again).</summary>
public sealed class PublicAttachments(GongkaiDbContext db)
{
    public async Task<IReadOnlyList<PublicAttachment>> ForDocumentAsync(int documentId, CancellationToken cancellationToken = default) =>
        await db.Set<DocumentAttachment>().AsNoTracking().Where(a => a.DocumentId == documentId)
            .OrderBy(a => a.Position).ThenBy(a => a.Id)
            .Select(a => new PublicAttachment(a.Id, a.FileName, a.Kind, a.Size))
            .ToListAsync(cancellationToken);
}
