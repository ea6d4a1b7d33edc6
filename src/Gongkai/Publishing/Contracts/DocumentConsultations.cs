namespace Gongkai.Publishing.Contracts;

/// <summary>The public consultation (意见征集) whose draft became a document. Publishing sits below the module that
/// keeps consultations (Participation), so it declares this and Participation provides it; without it every answer is
/// null.</summary>
public interface IDocumentConsultations
{
    /// <summary>The opened consultation linked to the document with this 索引号, or null.</summary>
    Task<DocumentConsultation?> FindAsync(string indexNo, CancellationToken cancellationToken = default);
}

/// <param name="FeedbackUrl">The published feedback (意见采纳情况), or null while it is not published.</param>
public sealed record DocumentConsultation(string Title, string Url, string? FeedbackUrl);

internal sealed class NoDocumentConsultations : IDocumentConsultations
{
    public Task<DocumentConsultation?> FindAsync(string indexNo, CancellationToken cancellationToken = default) => Task.FromResult<DocumentConsultation?>(null);
}
