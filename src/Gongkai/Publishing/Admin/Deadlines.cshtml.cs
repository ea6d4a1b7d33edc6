using Gongkai.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Publishing.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Time;

namespace Gongkai.Publishing.Admin;

public sealed record WaitingDeadlineRow(int Id, string Title, string BodyName, string DocumentType, DateOnly SignedOn);

public sealed record DeadlineRow(int Id, string Title, string BodyName, string DocumentType, DateOnly SignedOn, DeadlineStatus Status, DateOnly? PublishedOn);

/// <summary>公开时限: the documents of the bodies in scope that are due today, due within two working days or
/// overdue, and those published late this year with how late, counted with the work calendar.</summary>
[Authorize(Policy = Permissions.Staff)]
public sealed class DeadlinesModel(GongkaiDbContext db, BodyScope scope, CalendarService calendars, DocumentPublisher publisher, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }

    public IReadOnlyList<DeadlineRow> Overdue { get; private set; } = [];

    public IReadOnlyList<DeadlineRow> DueToday { get; private set; } = [];

    public IReadOnlyList<DeadlineRow> DueSoon { get; private set; } = [];

    public IReadOnlyList<DeadlineRow> PublishedLate { get; private set; } = [];

    /// <summary>Unpublished documents whose deadline falls in a year the calendar does not hold yet: their clock waits
    /// for that year's holiday schedule and is shown as waiting, not dropped.</summary>
    public IReadOnlyList<WaitingDeadlineRow> WaitingForCalendar { get; private set; } = [];

    /// <summary>The first year after the calendar's last loaded one: the year the waiting deadlines need.</summary>
    public int? NeededYear { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = ChinaTime.Today(clock);
        var bodies = await scope.BodiesInScopeAsync(User, cancellationToken);
        var query = db.Set<Document>().AsNoTracking().Where(d => d.SignedOn != null);
        if (bodies is not null)
        {
            query = query.Where(d => bodies.Contains(d.BodyId));
        }

        var yearStart = ChinaTime.StartOfYear(Today.Year);
        var pending = await query.Where(d => d.Status != DocumentStatus.Published && d.Status != DocumentStatus.Withdrawn)
            .Select(d => new { d.Id, d.Title, Body = d.Body!.Name, d.DocumentType, SignedOn = d.SignedOn!.Value, PublishedAt = (DateTimeOffset?)null })
            .ToListAsync(cancellationToken);
        var late = await query.Where(d => d.Status == DocumentStatus.Published && d.LateWorkingDays > 0 && d.PublishedAt >= yearStart)
            .Select(d => new { d.Id, d.Title, Body = d.Body!.Name, d.DocumentType, SignedOn = d.SignedOn!.Value, d.PublishedAt })
            .ToListAsync(cancellationToken);

        var calendar = await calendars.GetCalendarAsync(cancellationToken);
        var deadlines = publisher.Deadlines(calendar);
        var rows = new List<DeadlineRow>();
        var waiting = new List<WaitingDeadlineRow>();
        foreach (var d in pending.Concat(late))
        {
            try
            {
                var publishedOn = d.PublishedAt is { } at ? ChinaTime.DateOf(at) : (DateOnly?)null;
                rows.Add(new DeadlineRow(d.Id, d.Title, d.Body, d.DocumentType, d.SignedOn, deadlines.StatusOf(d.DocumentType, d.SignedOn, Today, publishedOn), publishedOn));
            }
            catch (CalendarYearMissingException)
            {
                // An unpublished document whose deadline lies beyond the calendar waits for that year's schedule; a
                // published one outside the calendar's years has nothing left to count.
                if (d.PublishedAt is null)
                {
                    waiting.Add(new WaitingDeadlineRow(d.Id, d.Title, d.Body, d.DocumentType, d.SignedOn));
                }
            }
        }

        Overdue = rows.Where(r => r.Status.State == DeadlineState.Overdue).OrderByDescending(r => r.Status.WorkingDays).ToList();
        DueToday = rows.Where(r => r.Status.State == DeadlineState.DueToday).ToList();
        DueSoon = rows.Where(r => r.Status.State == DeadlineState.DueSoon).OrderBy(r => r.Status.DueOn).ToList();
        WaitingForCalendar = waiting.OrderBy(r => r.SignedOn).ToList();
        NeededYear = calendar.CoveredYears.Count > 0 ? calendar.CoveredYears[^1] + 1 : Today.Year;
        PublishedLate = rows.Where(r => r.Status.State == DeadlineState.PublishedLate).OrderByDescending(r => r.Status.WorkingDays).ToList();
    }
}
