using Gongkai.Staff;
using Gongkai.Requests.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Requests.Admin;

/// <summary>The printable letter asking a third party or another agency for its opinion (征求意见函, Arts. 32 and 34),
/// generated from the recorded consultation event. It names what is asked for, never the applicant.</summary>
[Authorize(Policy = RequestsPermissions.HandleRequests)]
public sealed class ConsultationModel(RequestDesk desk, Gongkai.Calendar.CalendarService calendars) : PageModel
{
    public DisclosureRequest? Application { get; private set; }

    public RequestEventRecord? Consultation { get; private set; }

    /// <summary>The last day for the answer; null when the calendar does not reach that far yet.</summary>
    public DateOnly? AnswerBy { get; private set; }

    public int WorkingDays { get; private set; }

    public async Task<IActionResult> OnGetAsync(string trackingNumber, int eventId, CancellationToken cancellationToken)
    {
        Application = await desk.OpenForStaffAsync(User, trackingNumber, "查看征求意见函", cancellationToken);
        Consultation = Application?.Events.FirstOrDefault(e => e.Id == eventId && e.Type == RequestEventTypes.Code(RequestEventType.ConsultationStarted));
        if (Application is null || Consultation is null)
        {
            return NotFound();
        }

        WorkingDays = RequestDesk.RuleSetOf(Application).ConsultationWorkingDays;
        try
        {
            AnswerBy = (await calendars.GetCalendarAsync(cancellationToken)).AddWorkingDays(Consultation.On, WorkingDays).Date;
        }
        catch (Gongkai.Calendar.CalendarYearMissingException)
        {
            AnswerBy = null;
        }

        return Page();
    }
}
