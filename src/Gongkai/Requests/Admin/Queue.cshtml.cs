using Gongkai.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Admin;

/// <summary>An officer's queue: the open requests of the bodies in scope, overdue first, then by due date, stopped
/// clocks last; closed requests below.</summary>
[Authorize(Policy = Permissions.HandleRequests)]
public sealed class QueueModel(Platform.Data.GongkaiDbContext db, BodyScope scope, RequestDesk desk, Platform.Calendar.CalendarService calendars, RequestCaseWork work) : PageModel
{
    public const int DueSoonWorkingDays = 5;

    /// <summary>Open requests listed at most.</summary>
    public const int PageSize = 200;

    public IReadOnlyList<DisclosureRequest> Open { get; private set; } = [];

    public IReadOnlyList<DisclosureRequest> RecentlyClosed { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>"mine" (assigned to the signed-in officer), "overdue" (past due, still open) or null (everything in scope).</summary>
    public string? View { get; private set; }

    /// <summary>Ids of listed requests that look like a repeat of another application.</summary>
    public IReadOnlySet<int> PossibleRepeats { get; private set; } = new HashSet<int>();

    private Platform.Calendar.WorkCalendar? _calendar;

    public async Task OnGetAsync(string? view, CancellationToken cancellationToken)
    {
        View = view is "mine" or "overdue" ? view : null;
        Today = desk.Today;
        _calendar = await calendars.GetCalendarAsync(cancellationToken);
        var bodies = await scope.BodiesInScopeAsync(User, cancellationToken);
        var query = db.Set<DisclosureRequest>().AsNoTracking().Include(r => r.Body).AsQueryable();
        if (bodies is not null)
        {
            query = query.Where(r => bodies.Contains(r.BodyId));
        }

        if (View == "mine")
        {
            var me = User.Identity?.Name;
            query = query.Where(r => r.AssignedTo == me);
        }

        var open = query.Where(r => !r.IsClosed);
        if (View == "overdue")
        {
            var today = Today;
            open = open.Where(r => r.DueOn != null && r.DueOn < today);
        }

        // Requests with a due date first (earliest, so overdue ones lead), then stopped clocks by receipt. Two queries
        // rather than ORDER BY (DueOn IS NULL), which no index can serve: each walks the (BodyId, IsClosed, DueOn,
        // ReceivedOn) index in order and stops at the page size.
        var dated = await open.Where(r => r.DueOn != null)
            .OrderBy(r => r.DueOn).ThenBy(r => r.ReceivedOn).ThenBy(r => r.Id)
            .Take(PageSize).ToListAsync(cancellationToken);
        var undated = dated.Count < PageSize && View != "overdue"
            ? await open.Where(r => r.DueOn == null).OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id).Take(PageSize - dated.Count).ToListAsync(cancellationToken)
            : [];
        Open = [.. dated, .. undated];
        RecentlyClosed = View == "overdue" ? [] : await query.Where(r => r.IsClosed).OrderByDescending(r => r.Id).Take(50).ToListAsync(cancellationToken);
        PossibleRepeats = await work.FlaggedAmongAsync(Open, cancellationToken);
    }

    public string Urgency(DisclosureRequest request) => request.DueOn switch
    {
        null when request.ClockState == nameof(Rules.ClockState.Running) => "待导入节假日安排",
        null => "期限暂停",
        { } due when due < Today => "已超期",
        { } due when DueSoon(due) => "即将到期",
        _ => "",
    };

    /// <summary>Due within <see cref="DueSoonWorkingDays"/> working days (calendar years not loaded count as soon).</summary>
    private bool DueSoon(DateOnly due)
    {
        try
        {
            return _calendar!.CountWorkingDaysBetween(Today, due) <= DueSoonWorkingDays;
        }
        catch (Platform.Calendar.CalendarYearMissingException)
        {
            return true;
        }
    }
}
