using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Participation.Pages;

/// <summary>One consultation: the draft and its explanation, the alternatives, how and until when to comment, the
/// comment form (plain HTML, works without JavaScript), the comments moderators have shown, and the link to the
/// feedback once published. The contact a commenter leaves is never echoed back.</summary>
[EnableRateLimiting(ParticipationRateLimits.Comment)]
public sealed class ConsultationPageModel(ConsultationDesk desk, ConsultationAttachmentDesk files) : PageModel
{
    public const int PageSize = 50;

    public ConsultationView View { get; private set; } = null!;

    public IReadOnlyList<ConsultationComment> Comments { get; private set; } = [];

    public int ShownCount { get; private set; }

    public IReadOnlyList<ConsultationFile> Files { get; private set; } = [];

    public int CommentCount { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public DateOnly? EarliestClose { get; private set; }

    public bool Submitted { get; private set; }

    public string? Notice { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Clause { get; set; }

    [BindProperty]
    public string? Option { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? page, CancellationToken cancellationToken) => await LoadAsync(id, page ?? 1, cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var outcome = await desk.CommentAsync(User, id, new CommentInput(Name, Contact, Text, Clause, Option), cancellationToken);
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
                "clause" => nameof(Clause),
                "option" => nameof(Option),
                _ => field,
            });
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, 1, cancellationToken);
        }

        Submitted = true;
        Notice = outcome.Value!.HadMarkup ? ConsultationRules.MarkupNotice : null;
        (Name, Contact, Text, Clause, Option) = (null, null, null, null, null);
        ModelState.Clear();
        return await LoadAsync(id, 1, cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(int id, int page, CancellationToken cancellationToken)
    {
        var outcome = await desk.ViewAsync(User, id, cancellationToken);
        if (outcome.Refusal is not null)
        {
            return NotFound();
        }

        View = outcome.Value!;
        PageNumber = Math.Max(1, page);
        (Comments, ShownCount) = await desk.ShownCommentsAsync(id, PageNumber, PageSize, cancellationToken);
        CommentCount = await desk.CommentCountAsync(id, cancellationToken);
        Files = await files.ListAsync(id, cancellationToken);
        return Page();
    }

    public int PageCount => Math.Max(1, (ShownCount + PageSize - 1) / PageSize);
}
