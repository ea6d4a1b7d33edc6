using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Participation.Admin;

/// <summary>The fields of a meeting notice as the console's new and edit forms bind them (time in Beijing time).</summary>
public abstract class MeetingFormPage : PageModel
{
    [BindProperty]
    public string? Topic { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public DateTime? HeldAt { get; set; }

    [BindProperty]
    public string? Place { get; set; }

    [BindProperty]
    public int? Seats { get; set; }

    [BindProperty]
    public string? Eligibility { get; set; }

    [BindProperty]
    public DateOnly? ApplyBy { get; set; }

    protected MeetingDraft Draft(string? body) => new(body, Topic, Description, HeldAt is { } h ? ChinaTime.FromLocal(h) : null, Place, Seats, Eligibility, ApplyBy);

    protected void Fill(Meeting meeting) =>
        (Topic, Description, HeldAt, Place, Seats, Eligibility, ApplyBy) =
        (meeting.Topic, meeting.Description, ChinaTime.ToChina(meeting.HeldAt).DateTime, meeting.Place, meeting.Seats, meeting.Eligibility, meeting.ApplyBy);

    protected void AddRefusal(Refusal refusal) => ModelState.AddRefusal(refusal, InterviewFormPage.Field);
}
