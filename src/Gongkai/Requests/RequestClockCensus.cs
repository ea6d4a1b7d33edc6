using Gongkai.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Requests.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>The reply periods of open applications for the calendar readiness check: a running period without a due
/// date is one whose count reached a year the calendar does not hold yet (<see cref="RequestClock"/> waits then
/// instead of guessing).</summary>
public sealed class RequestClockCensus(GongkaiDbContext db) : IOpenClockCensus
{
    public async Task<OpenClockCount> CountAsync(WorkCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        var open = db.Set<DisclosureRequest>().AsNoTracking().WhereOpen();
        var running = nameof(ClockState.Running);
        var total = await open.CountAsync(cancellationToken);
        var waiting = await open.CountAsync(r => r.ClockState == running && r.DueOn == null, cancellationToken);
        return new OpenClockCount("依申请公开答复期限", total, waiting, "/admin/requests");
    }
}
