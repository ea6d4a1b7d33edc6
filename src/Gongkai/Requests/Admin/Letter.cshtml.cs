using Gongkai.Staff;
using Gongkai.Requests.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Requests.Admin;

/// <summary>The printable reply letter (政府信息公开申请答复告知书) generated from the coded decision.</summary>
[Authorize(Policy = RequestsPermissions.HandleRequests)]
public sealed class LetterModel(RequestDesk desk) : PageModel
{
    public DisclosureRequest? Application { get; private set; }

    public RequestReply? Reply { get; private set; }

    public ReplyDecision? Decision { get; private set; }

    public async Task<IActionResult> OnGetAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        Application = await desk.OpenForStaffAsync(User, trackingNumber, "查看答复告知书", cancellationToken);
        Reply = Application is null ? null : await desk.ReplyOfAsync(Application.Id, cancellationToken);
        if (Reply is null)
        {
            return NotFound();
        }

        Decision = ReplyDecisions.Find(Reply.Decision);
        return Page();
    }
}
