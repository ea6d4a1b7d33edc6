using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Requests.Admin;

/// <summary>Editing the reply letter: the wording freely, the coded decision only with a recorded reason.</summary>
[Authorize(Policy = RequestsPermissions.HandleRequests)]
public sealed class LetterEditModel(RequestDesk desk, RequestCaseWork work) : PageModel
{
    public DisclosureRequest? Application { get; private set; }

    [BindProperty]
    public string? LetterText { get; set; }

    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public string? CurrentDecision { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string[] ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    public async Task<IActionResult> OnGetAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        Application = await desk.OpenForStaffAsync(User, trackingNumber, "编辑答复告知书", cancellationToken);
        var reply = Application is null ? null : await desk.ReplyOfAsync(Application.Id, cancellationToken);
        if (reply is null)
        {
            return NotFound();
        }

        LetterText = reply.LetterText;
        Decision = CurrentDecision = reply.Decision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var edited = await work.EditReplyAsync(User, trackingNumber, LetterText, Decision, Reason, cancellationToken);
        Errors = edited.Refusal?.Errors ?? new Dictionary<string, string[]>();
        if (edited.Succeeded)
        {
            return Redirect($"/admin/requests/{trackingNumber.Trim().ToUpperInvariant()}/letter");
        }

        Application = await desk.FindForStaffAsync(User, trackingNumber, cancellationToken);
        var reply = Application is null ? null : await desk.ReplyOfAsync(Application.Id, cancellationToken);
        if (reply is null)
        {
            return NotFound();
        }

        CurrentDecision = reply.Decision;
        return Page();
    }
}
