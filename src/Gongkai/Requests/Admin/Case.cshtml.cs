using Gongkai.Platform.Identity;
using Gongkai.Requests.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Requests.Admin;

/// <summary>One request for the officer: applicant data, events, the deadline explained day by day, and the form to
/// record the next event (including the reply).</summary>
[Authorize(Policy = Permissions.HandleRequests)]
public sealed class CaseModel(RequestDesk desk) : PageModel
{
    public DisclosureRequest? Application { get; private set; }

    public ClockResult? Clock { get; private set; }

    public string? ClockError { get; private set; }

    public RequestReply? Reply { get; private set; }

    [BindProperty]
    public EventForm Event { get; set; } = new();

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Recorded { get; private set; }

    public string[] ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    public async Task<IActionResult> OnGetAsync(string trackingNumber, string? recorded, CancellationToken cancellationToken)
    {
        Recorded = recorded;
        return await LoadAsync(trackingNumber, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var result = await desk.RecordEventAsync(User, trackingNumber, new EventDraft(Event.Type, Event.On, Event.WorkingDays, Event.Decision, Event.Details), cancellationToken);
        switch (result.Outcome)
        {
            case EventOutcome.Recorded:
                return Redirect($"/admin/requests/{result.Request!.TrackingNumber}?recorded={Uri.EscapeDataString(Event.Type ?? "")}");
            case EventOutcome.NotFound:
                return NotFound();
            case EventOutcome.Forbidden:
                return Forbid();
            default:
                Errors = result.Errors;
                await LoadAsync(trackingNumber, cancellationToken);
                return Page();
        }
    }

    public string? StageError { get; private set; }

    public async Task<IActionResult> OnPostAdvanceAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        StageError = await desk.AdvanceStageAsync(User, trackingNumber, cancellationToken);
        if (StageError is null)
        {
            return Redirect($"/admin/requests/{trackingNumber.Trim().ToUpperInvariant()}");
        }

        return await LoadAsync(trackingNumber, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        Application = await desk.FindForStaffAsync(User, trackingNumber, cancellationToken);
        if (Application is null)
        {
            return false;
        }

        try
        {
            Clock = await desk.ClockOfAsync(Application, cancellationToken);
        }
        catch (RequestClockException exception)
        {
            // A calendar edit can make a stored event list uncountable (e.g. a year removed); say so instead of failing.
            ClockError = exception.Message;
        }

        Reply = await desk.ReplyOfAsync(Application.Id, cancellationToken);
        Event.On ??= desk.Today;
        return true;
    }

    public sealed class EventForm
    {
        public string? Type { get; set; }

        public DateOnly? On { get; set; }

        public int? WorkingDays { get; set; }

        public string? Decision { get; set; }

        public string? Details { get; set; }
    }
}
