using Gongkai.Platform.Data;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Contracts;

/// <summary>
/// A condition a module above Publishing attaches to 终审 (for example the fair-competition review, which
/// Participation keeps). Publishing declares the gate and asks every registered condition at 终审; none is registered
/// by Publishing itself, so without the module above nothing changes. Each condition is shown on the document's
/// console page with a link to where it is met.
/// </summary>
public interface IFinalReviewCondition
{
    Task<FinalReviewConditionState> StateAsync(int documentId, CancellationToken cancellationToken = default);
}

/// <param name="Name">The condition as staff know it (公平竞争审查).</param>
/// <param name="Summary">Where the document stands, in one line.</param>
/// <param name="Url">The console page where the condition is met.</param>
/// <param name="Blocking">The Chinese reason 终审 is refused, naming what is missing; null when it may pass.</param>
public sealed record FinalReviewConditionState(string Name, string Summary, string Url, string? Blocking);

/// <summary>A document not yet published as staff of a module above Publishing read it (title, stage and the draft's
/// text), for pages that show the draft beside their own work.</summary>
public sealed record DraftDocument(int Id, int BodyId, string Title, string? DocNumber, string DocumentType, DocumentStatus Status, string BodyHtml)
{
    public string StatusName => ReviewWorkflow.ChineseName(Status);

    /// <summary>Still before 终审 has passed: drafted, returned or waiting in one of the three stages.</summary>
    public bool BeforeFinalReview => ReviewWorkflow.IsEditable(Status) || ReviewWorkflow.StageAwaited(Status) is not null;
}

/// <summary>Documents by id for modules above Publishing (any status; callers check the body scope).</summary>
public sealed class DraftDocuments(GongkaiDbContext db)
{
    public async Task<DraftDocument?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<Document>().AsNoTracking().Where(d => d.Id == id)
            .Select(d => new DraftDocument(d.Id, d.BodyId, d.Title, d.DocNumber, d.DocumentType, d.Status, d.BodyHtml))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Titles and stages of the given documents (without their text), by id.</summary>
    public async Task<IReadOnlyDictionary<int, DraftDocument>> SummariesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default) =>
        await db.Set<Document>().AsNoTracking().Where(d => ids.Contains(d.Id))
            .Select(d => new DraftDocument(d.Id, d.BodyId, d.Title, d.DocNumber, d.DocumentType, d.Status, ""))
            .ToDictionaryAsync(d => d.Id, cancellationToken);
}
