using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Participation.Pages;

/// <summary>One interview: guests and time, the question form (plain HTML, works without JavaScript), the transcript —
/// refreshed by a small script while live, by reloading without it — and, once archived, photos and related documents.
/// The contact an asker leaves is never echoed back.</summary>
[EnableRateLimiting(ParticipationRateLimits.InterviewQuestion)]
public sealed class InterviewPageModel(InterviewDesk desk) : PageModel
{
    public InterviewView View { get; private set; } = null!;

    public IReadOnlyList<InterviewQuestion> Transcript { get; private set; } = [];

    public IReadOnlyList<(int Id, string Caption)> Photos { get; private set; } = [];

    public IReadOnlyList<RelatedDocument> Documents { get; private set; } = [];

    public bool Submitted { get; private set; }

    public string? Notice { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var outcome = await desk.AskAsync(User, id, Name, Contact, Text, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.NotFound)
            {
                return NotFound();
            }

            // The citizen's words stay in the form so nothing is lost; the message says what to change.
            ModelState.AddRefusal(refusal, field => field switch
            {
                "text" => nameof(Text),
                "contact" => nameof(Contact),
                "name" => nameof(Name),
                _ => field,
            });
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, cancellationToken);
        }

        Submitted = true;
        Notice = outcome.Value!.HadMarkup ? ConsultationRules.MarkupNotice : null;
        (Name, Contact, Text) = (null, null, null);
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
        Transcript = await desk.TranscriptAsync(id, 0, cancellationToken);
        Photos = await desk.PhotosAsync(id, cancellationToken);
        Documents = await desk.RelatedDocumentsAsync(View.Interview, cancellationToken);
        return Page();
    }
}
