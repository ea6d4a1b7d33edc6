using Gongkai.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing;

/// <summary>The publication deadlines (公开时限) of signed documents not yet published, for the calendar readiness
/// check: a deadline that falls in a year the calendar does not hold cannot be computed and waits for it.</summary>
public sealed class PublicationClockCensus(GongkaiDbContext db, DocumentPublisher publisher) : IOpenClockCensus
{
    public async Task<OpenClockCount> CountAsync(WorkCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        var pending = await db.Set<Document>().AsNoTracking()
            .Where(d => d.SignedOn != null && d.Status != DocumentStatus.Published && d.Status != DocumentStatus.Withdrawn)
            .Select(d => new { d.DocumentType, SignedOn = d.SignedOn!.Value })
            .ToListAsync(cancellationToken);
        var deadlines = publisher.Deadlines(calendar);
        var waiting = 0;
        foreach (var document in pending)
        {
            try
            {
                deadlines.DueOn(document.DocumentType, document.SignedOn);
            }
            catch (CalendarYearMissingException)
            {
                waiting++;
            }
        }

        return new OpenClockCount("主动公开时限", pending.Count, waiting, "/admin/documents/deadlines");
    }
}
