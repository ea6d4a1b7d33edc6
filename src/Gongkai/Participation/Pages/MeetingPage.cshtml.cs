using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Participation.Pages;

/// <summary>One meeting with public seats: the notice, the application form (plain HTML, works without JavaScript),
/// the seated representatives and the draw (seed, algorithm, ranking) once seats are filled, and after the meeting the
/// attendance and the representatives' opinions. Never an ID number or a contact.</summary>
[EnableRateLimiting(ParticipationRateLimits.SeatApplication)]
public sealed class MeetingPageModel(MeetingDesk desk) : PageModel
{
    public MeetingView View { get; private set; } = null!;

    public MeetingResponse Public { get; private set; } = null!;

    public bool MayApply { get; private set; }

    public long? SubmittedNumber { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? IdNumber { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var outcome = await desk.ApplyAsync(User, id, Name, IdNumber, Contact, Reason, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.NotFound)
            {
                return NotFound();
            }

            ModelState.AddRefusal(refusal, field => field switch
            {
                "name" => nameof(Name),
                "idNumber" => nameof(IdNumber),
                "contact" => nameof(Contact),
                "reason" => nameof(Reason),
                _ => field,
            });
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, cancellationToken);
        }

        SubmittedNumber = outcome.Value!.Id;
        (Name, IdNumber, Contact, Reason) = (null, null, null, null);
        ModelState.Clear();
        return await LoadAsync(id, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await desk.ViewAsync(User, id, cancellationToken);
        if (outcome.Refusal is not null)
        {
            return NotFound();
        }

        View = outcome.Value!;
        Public = await MeetingsApi.ResponseAsync(View, desk, cancellationToken);
        MayApply = MeetingRules.MayApply(View.Stage, View.Meeting.ApplyBy, desk.Today).Succeeded;
        return Page();
    }
}
