using System.Globalization;
using Gongkai.Staff;
using Gongkai.Requests.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Admin;

/// <summary>One line of the queue: only what the page shows, plus the fingerprint the repeat flag compares.</summary>
public sealed record QueueRow(
    int Id, string TrackingNumber, string? BodyName, DateOnly ReceivedOn, RequestStage Stage, string? AssignedTo, DateOnly? DueOn, string ClockState,
    ApplicationFingerprint Fingerprint);

/// <summary>One recently closed request, as the list under the queue shows it.</summary>
public sealed record ClosedRow(string TrackingNumber, string? BodyName, RequestStage Stage);

/// <summary>Where a page of the queue ends: the sort key of its last row. Dated requests sort by (due date, receipt,
/// id); stopped clocks (no due date) follow, by (receipt, id). Written into the "下一页" link as
/// <c>2025-03-01.2025-02-03.1234</c>, or <c>-.2025-02-03.1234</c> among stopped clocks.</summary>
public sealed record QueueCursor(DateOnly? DueOn, DateOnly ReceivedOn, int Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(DueOn is { } due ? RequestClock.Iso(due) : "-")}.{RequestClock.Iso(ReceivedOn)}.{Id}");

    /// <summary>Null for anything malformed: the queue then starts at its first page.</summary>
    public static QueueCursor? Parse(string? text)
    {
        var parts = text?.Split('.');
        if (parts is not { Length: 3 }
            || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var received)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        if (parts[0] == "-")
        {
            return new QueueCursor(null, received, id);
        }

        return DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            ? new QueueCursor(due, received, id)
            : null;
    }
}

/// <summary>An officer's queue: the open requests of the bodies in scope, overdue first, then by due date, stopped
/// clocks last, a page at a time (keyset: each page continues after the last row of the one before, walking the
/// (BodyId, IsClosed, DueOn, ReceivedOn, Id) index in order); recently closed requests below the first page.</summary>
[Authorize(Policy = RequestsPermissions.HandleRequests)]
public sealed class QueueModel(Platform.Data.GongkaiDbContext db, BodyScope scope, RequestDesk desk, Gongkai.Calendar.CalendarService calendars, RequestCaseWork work) : PageModel
{
    public const int DueSoonWorkingDays = 5;

    /// <summary>Open requests per page.</summary>
    public const int PageSize = 50;

    /// <summary>Recently closed requests listed under the first page.</summary>
    public const int RecentlyClosedCount = 20;

    public IReadOnlyList<QueueRow> Open { get; private set; } = [];

    /// <summary>How many requests the chosen view holds in all (every page).</summary>
    public int OpenCount { get; private set; }

    /// <summary>Where the next page starts; null on the last page.</summary>
    public QueueCursor? Next { get; private set; }

    /// <summary>True past the first page.</summary>
    public bool IsContinuation { get; private set; }

    public IReadOnlyList<ClosedRow> RecentlyClosed { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The year a running period without a due date waits for: the first after the calendar's last loaded year.</summary>
    public int NeededCalendarYear => _calendar is { CoveredYears.Count: > 0 } calendar ? calendar.CoveredYears[^1] + 1 : Today.Year;

    /// <summary>"mine" (assigned to the signed-in officer), "overdue" (past due, still open) or null (everything in scope).</summary>
    public string? View { get; private set; }

    /// <summary>Ids of listed requests that look like a repeat of another application.</summary>
    public IReadOnlySet<int> PossibleRepeats { get; private set; } = new HashSet<int>();

    private Gongkai.Calendar.WorkCalendar? _calendar;

    public async Task OnGetAsync(string? view, string? after, CancellationToken cancellationToken)
    {
        View = view is "mine" or "overdue" ? view : null;
        Today = desk.Today;
        var cursor = QueueCursor.Parse(after);
        IsContinuation = cursor is not null;
        _calendar = await calendars.GetCalendarAsync(cancellationToken);
        var bodies = await scope.BodiesInScopeAsync(User, cancellationToken);
        var query = db.Set<DisclosureRequest>().AsNoTracking();
        if (bodies is { Count: 1 })
        {
            // An officer's own body: an equality, so the index hands rows over already in the queue's order.
            var only = bodies.Single();
            query = query.Where(r => r.BodyId == only);
        }
        else if (bodies is not null)
        {
            query = query.Where(r => bodies.Contains(r.BodyId));
        }

        if (View == "mine")
        {
            var me = User.Identity?.Name;
            query = query.Where(r => r.AssignedTo == me);
        }

        var open = query.WhereOpen();
        if (View == "overdue")
        {
            var today = Today;
            open = open.Where(r => r.DueOn != null && r.DueOn < today);
        }

        // Dated requests first (earliest due, so overdue ones lead), then stopped clocks by receipt. Two queries rather
        // than ORDER BY (DueOn IS NULL), which no index serves; each walks the index from the cursor and stops after
        // one row more than a page (to know whether a next page exists).
        var rows = new List<QueueRow>(PageSize + 1);
        if (cursor?.DueOn is not null || cursor is null)
        {
            var dated = open.Where(r => r.DueOn != null);
            if (cursor?.DueOn is { } due)
            {
                var (received, id) = (cursor.ReceivedOn, cursor.Id);
                // The first term bounds the index range; the rest picks up after the cursor's row within that due date.
                dated = dated.Where(r => r.DueOn >= due && (r.DueOn > due || r.ReceivedOn > received || (r.ReceivedOn == received && r.Id > id)));
            }

            rows.AddRange(await Project(dated.OrderBy(r => r.DueOn).ThenBy(r => r.ReceivedOn).ThenBy(r => r.Id)).Take(PageSize + 1).ToListAsync(cancellationToken));
        }

        if (rows.Count <= PageSize && View != "overdue")
        {
            var undated = open.Where(r => r.DueOn == null);
            if (cursor is { DueOn: null } stoppedAt)
            {
                var (received, id) = (stoppedAt.ReceivedOn, stoppedAt.Id);
                undated = undated.Where(r => r.ReceivedOn >= received && (r.ReceivedOn > received || r.Id > id));
            }

            rows.AddRange(await Project(undated.OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id)).Take(PageSize + 1 - rows.Count).ToListAsync(cancellationToken));
        }

        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            var last = rows[^1];
            Next = new QueueCursor(last.DueOn, last.ReceivedOn, last.Id);
        }

        Open = rows;
        OpenCount = await open.CountAsync(cancellationToken);
        RecentlyClosed = View == "overdue" || IsContinuation
            ? []
            : await query.WhereClosed().OrderByDescending(r => r.Id).Take(RecentlyClosedCount)
                .Select(r => new ClosedRow(r.TrackingNumber, r.Body!.ShortName, r.Stage)).ToListAsync(cancellationToken);
        PossibleRepeats = await work.FlaggedAmongAsync(Open.Select(r => (r.Id, r.Fingerprint)).ToList(), cancellationToken);
    }

    /// <summary>The link to the next page, keeping the view.</summary>
    public string NextPageLink => $"/admin/requests?{(View is null ? "" : $"view={View}&")}after={Uri.EscapeDataString(Next?.ToString() ?? "")}";

    public string FirstPageLink => View is null ? "/admin/requests" : $"/admin/requests?view={View}";

    public string Urgency(QueueRow request) => request.DueOn switch
    {
        null when request.ClockState == nameof(Rules.ClockState.Running) => "待导入节假日安排",
        null => "期限暂停",
        { } due when due < Today => "已超期",
        { } due when DueSoon(due) => "即将到期",
        _ => "",
    };

    private static IQueryable<QueueRow> Project(IQueryable<DisclosureRequest> requests) =>
        requests.Select(r => new QueueRow(r.Id, r.TrackingNumber, r.Body!.ShortName, r.ReceivedOn, r.Stage, r.AssignedTo, r.DueOn, r.ClockState,
            new ApplicationFingerprint(r.TrackingNumber, r.IdNumber, r.ApplicantName, r.Phone, r.Description, r.ReceivedOn)));

    /// <summary>Due within <see cref="DueSoonWorkingDays"/> working days (calendar years not loaded count as soon).</summary>
    private bool DueSoon(DateOnly due)
    {
        try
        {
            return _calendar!.CountWorkingDaysBetween(Today, due) <= DueSoonWorkingDays;
        }
        catch (Gongkai.Calendar.CalendarYearMissingException)
        {
            return true;
        }
    }
}
