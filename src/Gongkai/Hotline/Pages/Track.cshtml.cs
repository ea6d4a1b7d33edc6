using Gongkai.Hotline.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Hotline.Pages;

/// <summary>The citizen's view of a ticket by its number and 查询码: where it stands, the public reply, and — once it
/// is replied — the web evaluation (满意/基本满意/不满意, 不满意 with a reason for the centre). A merged duplicate shows the
/// ticket it joined. Never shows personal data beyond what the citizen typed in the description (masked).</summary>
public sealed class TrackModel(HotlineDesk desk, HotlineAttachments attachments, BodyDirectory directory) : PageModel
{
    /// <summary>The evaluation token of the link sent by SMS: it alone opens the ticket (no number and 查询码 needed).</summary>
    [BindProperty(SupportsGet = true, Name = "e")]
    public string? E { get; set; }

    /// <summary>Photos the citizen uploaded as public (only those; every other file stays with the staff).</summary>
    public IReadOnlyList<TicketFile> PublicPhotos { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Rating { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public HotlineTicket? Ticket { get; private set; }

    /// <summary>The ticket whose progress the citizen follows (the main one when merged).</summary>
    public HotlineTicket? Followed { get; private set; }

    public string? BodyName { get; private set; }

    public bool NotFoundMessage { get; private set; }

    public bool Evaluated { get; private set; }

    public bool MayEvaluate => Ticket is not null && TicketVocabulary.ParseStatus(Ticket.Status) == TicketStatus.Replied;

    public async Task OnGetAsync(bool evaluated, CancellationToken cancellationToken)
    {
        Evaluated = evaluated;
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var outcome = string.IsNullOrWhiteSpace(E)
            ? await desk.EvaluateByCitizenAsync(Number ?? "", Code ?? "", Rating, Reason, cancellationToken)
            : await desk.EvaluateByLinkAsync(E, Rating, Reason, cancellationToken);
        if (!outcome.Succeeded)
        {
            if (outcome.Refusal.Kind == RefusalKind.NotFound)
            {
                NotFoundMessage = true;
                Response.StatusCode = StatusCodes.Status404NotFound;
                return Page();
            }

            ModelState.AddRefusal(outcome.Refusal, field => field switch { "rating" => nameof(Rating), "reason" => nameof(Reason), _ => "" });
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect(string.IsNullOrWhiteSpace(E)
            ? $"/hotline/track?number={Uri.EscapeDataString(Number!)}&code={Uri.EscapeDataString(Code!)}&evaluated=true"
            : $"/hotline/track?e={Uri.EscapeDataString(E)}&evaluated=true");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(E))
        {
            Ticket = await desk.FindByEvaluationTokenAsync(E, cancellationToken: cancellationToken);
        }
        else if (string.IsNullOrWhiteSpace(Number) || string.IsNullOrWhiteSpace(Code))
        {
            return;
        }
        else
        {
            Ticket = await desk.FindByTokenAsync(Number, Code, cancellationToken: cancellationToken);
        }

        if (Ticket is null)
        {
            NotFoundMessage = true;
            return;
        }

        Followed = await desk.FollowedAsync(Ticket, cancellationToken);
        PublicPhotos = (await attachments.ListAsync(Ticket.Id, cancellationToken)).Where(f => f.Public).ToList();
        BodyName = Followed.BodyId is { } id ? (await directory.FindAsync(id, cancellationToken))?.Name : null;
    }

    public static string PublicStatus(HotlineTicket t) => TicketVocabulary.ParseStatus(t.Status) switch
    {
        TicketStatus.Received or TicketStatus.Returned => "已受理，正在派单",
        TicketStatus.Dispatched => "已派至承办单位，待签收",
        TicketStatus.Handling or TicketStatus.Reopened => "承办单位办理中",
        TicketStatus.Replied => "已办结，请您评价",
        TicketStatus.Evaluated => "已办结，已评价",
        TicketStatus.AnsweredDirectly => "已直接答复",
        _ => "处理中",
    };
}
