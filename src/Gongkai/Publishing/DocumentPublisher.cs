using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Time;
using Gongkai.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Web;
using Gongkai.Publishing.Rules;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Publishing;

/// <summary>A document published directly from plain text (demo data, imports): no review, paragraphs kept, no HTML accepted.</summary>
public sealed record DocumentDraft(
    string Title,
    string? DocNumber,
    int BodyId,
    string DocumentType,
    string Subject,
    DateOnly? SignedOn,
    string Text,
    DocumentValidity Validity = DocumentValidity.Valid);

/// <summary>
/// The one place where a document becomes public or changes publicly: assigns the 索引号 of its body and year at
/// first publication, snapshots an immutable version, keeps the deadline and lateness, records the history, the audit
/// row and the change-log entry in the caller's unit of work, and evicts cached public pages after saving.
/// </summary>
public sealed class DocumentPublisher(GongkaiDbContext db, AuditLog audit, TimeProvider clock, IOutputCacheStore cache,
    CalendarService calendars, IOptions<PublishingOptions> options, IndexNumberAllocator indexNumbers, BodyDirectory bodies)
{
    /// <summary>Publishes plain text without review, now or at <paramref name="publishedAt"/> (content imported with its original date).</summary>
    public async Task<Document> PublishAsync(DocumentDraft draft, DateTimeOffset? publishedAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Title);
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Text);
        if (!DocumentCatalog.Types.Contains(draft.DocumentType))
        {
            throw new ArgumentException($"Unknown document type '{draft.DocumentType}'.", nameof(draft));
        }

        if (!DocumentCatalog.Subjects.Contains(draft.Subject))
        {
            throw new ArgumentException($"Unknown subject '{draft.Subject}'.", nameof(draft));
        }

        var at = (publishedAt ?? clock.GetUtcNow()).ToUniversalTime();
        var document = new Document
        {
            Title = draft.Title.Trim(),
            DocNumber = string.IsNullOrWhiteSpace(draft.DocNumber) ? null : draft.DocNumber.Trim(),
            BodyId = draft.BodyId,
            DocumentType = draft.DocumentType,
            Subject = draft.Subject,
            SignedOn = draft.SignedOn,
            Validity = draft.Validity,
            BodyHtml = DocumentText.ToParagraphHtml(draft.Text),
            Status = DocumentStatus.Draft,
            CreatedAt = at,
            UpdatedAt = at,
        };
        // Versions refer to the id, so the document is saved first; one transaction keeps a half-published one out.
        await db.InTransactionAsync(async () =>
        {
            db.Add(document);
            await db.SaveChangesAsync(cancellationToken);
            await MarkPublishedAsync(document, at, actorId: null, actorName: null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        await cache.EvictByTagAsync(PublicCache.DocumentsTag, cancellationToken);
        return document;
    }

    /// <summary>Gives 索引号 to documents about to be published at the given times, one reserved block per year (an
    /// import publishes thousands; one reservation each would cost a round trip each). Documents that have one keep it.</summary>
    public async Task AssignIndexNumbersAsync(Body body, IReadOnlyList<(Document Document, DateTimeOffset At)> publications, CancellationToken cancellationToken = default)
    {
        var waiting = publications.Where(p => p.Document.IndexNo is null).Select(p => (p.Document, ChinaTime.DateOf(p.At).Year)).ToList();
        foreach (var year in waiting.GroupBy(w => w.Year))
        {
            var next = await indexNumbers.ReserveAsync(body, year.Key, year.Count(), cancellationToken);
            foreach (var (document, _) in year)
            {
                document.IndexNo = IndexNumber.Format(body.CreditCode, year.Key, next++);
            }
        }
    }

    /// <summary>Makes <paramref name="document"/> public at <paramref name="at"/> (first publication), unsaved.</summary>
    public Task MarkPublishedAsync(Document document, DateTimeOffset at, string? actorId, string? actorName, CancellationToken cancellationToken = default) =>
        MarkPublishedAsync(document, at, actorId, actorName, comment: null, publishedElsewhere: false, cancellationToken);

    /// <summary>Makes <paramref name="document"/> public at <paramref name="at"/>, unsaved. <paramref name="publishedElsewhere"/>:
    /// imported content, first published elsewhere (often before the calendar begins), gets no publication deadline.</summary>
    public async Task MarkPublishedAsync(Document document, DateTimeOffset at, string? actorId, string? actorName, string? comment, bool publishedElsewhere,
        CancellationToken cancellationToken = default)
    {
        if (document.Id == 0)
        {
            throw new InvalidOperationException("Save the document before publishing it: versions refer to its id.");
        }

        if (document.IndexNo is null)
        {
            var body = await bodies.FindAsync(document.BodyId, cancellationToken)
                ?? throw new ArgumentException($"Body {document.BodyId} does not exist.", nameof(document));
            var year = ChinaTime.DateOf(at).Year;
            document.IndexNo = IndexNumber.Format(body.CreditCode, year, await indexNumbers.ReserveAsync(body, year, cancellationToken: cancellationToken));
        }

        document.Status = DocumentStatus.Published;
        document.PublishedAt = at;
        document.PublishAt = null;
        document.UpdatedAt = clock.GetUtcNow();
        document.Revision++;
        document.CurrentVersion = 1;
        (document.DueOn, document.LateWorkingDays) = publishedElsewhere ? (null, null) : await LatenessAsync(document, at, cancellationToken);
        db.Add(DocumentVersion.Snapshot(document, 1, DocumentVersion.Published, at, reason: null, actorName));
        History(document, "published", actorId, actorName, comment, at);
        audit.Record(PublishingChanges.DocumentPublished.Name, Target(document), document.Title, bodyId: document.BodyId, actorName: actorName, actorId: actorId);
        db.RecordChange(PublishingChanges.DocumentPublished, document.IndexNo, document.BodyId);
    }

    /// <summary>更正: the document's current fields become a new public version with the reason, unsaved.</summary>
    public void MarkCorrected(Document document, string reason, string? actorId, string? actorName)
    {
        var now = clock.GetUtcNow();
        document.CurrentVersion++;
        document.UpdatedAt = now;
        document.Revision++;
        db.Add(DocumentVersion.Snapshot(document, document.CurrentVersion, DocumentVersion.Corrected, now, reason, actorName));
        History(document, "corrected", actorId, actorName, reason, now);
        audit.Record(PublishingChanges.DocumentCorrected.Name, Target(document), reason, bodyId: document.BodyId, actorName: actorName, actorId: actorId);
        db.RecordChange(PublishingChanges.DocumentCorrected, document.IndexNo!, document.BodyId);
    }

    /// <summary>撤回: leaves lists and feeds; the page stays with the reason. Unsaved.</summary>
    public void MarkWithdrawn(Document document, string reason, string? actorId, string? actorName)
    {
        var now = clock.GetUtcNow();
        document.Status = DocumentStatus.Withdrawn;
        document.WithdrawalReason = reason;
        document.WithdrawnAt = now;
        document.UpdatedAt = now;
        document.Revision++;
        History(document, "withdrawn", actorId, actorName, reason, now);
        audit.Record(PublishingChanges.DocumentWithdrawn.Name, Target(document), reason, bodyId: document.BodyId, actorName: actorName, actorId: actorId);
        db.RecordChange(PublishingChanges.DocumentWithdrawn, document.IndexNo!, document.BodyId);
    }

    public void History(Document document, string action, string? actorId, string? actorName, string? comment, DateTimeOffset? at = null) =>
        db.Add(new DocumentHistoryEntry
        {
            DocumentId = document.Id,
            At = at ?? clock.GetUtcNow(),
            Action = action,
            ActorId = actorId,
            ActorName = actorName,
            Comment = comment,
        });

    /// <summary>Saves the unit of work, then evicts cached public pages that show documents.</summary>
    public async Task SaveAndEvictAsync(CancellationToken cancellationToken = default)
    {
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictByTagAsync(PublicCache.DocumentsTag, cancellationToken);
    }

    public PublicationDeadline Deadlines(WorkCalendar calendar) =>
        new(calendar, options.Value.PublicationLimits, options.Value.DefaultLimitWorkingDays);

    public static string Target(Document document) => $"document:{document.IndexNo ?? document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private async Task<(DateOnly? DueOn, int? LateWorkingDays)> LatenessAsync(Document document, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (document.SignedOn is not { } signedOn)
        {
            return (null, null);
        }

        var calendar = await calendars.GetCalendarAsync(cancellationToken);
        if (!calendar.Covers(signedOn.Year))
        {
            return (null, null);
        }

        try
        {
            var status = Deadlines(calendar).StatusOf(document.DocumentType, signedOn, ChinaTime.DateOf(at), ChinaTime.DateOf(at));
            return (status.DueOn, status.State == DeadlineState.PublishedLate ? status.WorkingDays : 0);
        }
        catch (CalendarYearMissingException)
        {
            // Old documents (imports) fall in years the calendar does not cover: no deadline can be stated.
            return (null, null);
        }
    }
}
