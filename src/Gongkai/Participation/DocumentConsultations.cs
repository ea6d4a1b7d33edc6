using Gongkai.Platform.Data;
using Gongkai.Publishing.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Participation;

/// <summary>Tells the document page which public consultation produced the document (staff link it by 索引号).</summary>
internal sealed class DocumentConsultations(GongkaiDbContext db) : IDocumentConsultations
{
    public async Task<DocumentConsultation?> FindAsync(string indexNo, CancellationToken cancellationToken = default)
    {
        var found = await db.Set<Consultation>().AsNoTracking()
            .Where(c => c.DocumentIndexNo == indexNo && c.Stage != "draft")
            .OrderByDescending(c => c.Id)
            .Select(c => new { c.Id, c.Title, c.Stage })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null
            : new DocumentConsultation(found.Title, $"/consultations/{found.Id}", found.Stage == "feedback-published" ? $"/consultations/{found.Id}/feedback" : null);
    }
}
