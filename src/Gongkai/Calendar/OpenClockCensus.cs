namespace Gongkai.Calendar;

/// <summary>One area's statutory clocks as the calendar readiness check counts them.</summary>
/// <param name="Area">What the clocks are, in Chinese (e.g. 依申请公开答复期限).</param>
/// <param name="Open">Clocks still running: any of them may need next year's schedule if it is extended or paused.</param>
/// <param name="WaitingForYear">Open clocks that already have no due date because the calendar does not reach it.</param>
/// <param name="Href">The console page that lists them.</param>
public sealed record OpenClockCount(string Area, int Open, int WaitingForYear, string Href);

/// <summary>
/// A module that runs statutory clocks on the working-day calendar says how many are open and how many wait for a
/// holiday schedule not yet imported. The calendar sits below every such module, so it declares the slot and each
/// module registers its census (<c>services.AddScoped&lt;IOpenClockCensus, …&gt;()</c>); the calendar readiness
/// warning adds them up.
/// </summary>
public interface IOpenClockCensus
{
    Task<OpenClockCount> CountAsync(WorkCalendar calendar, DateOnly today, CancellationToken cancellationToken = default);
}
