using Gongkai.Requests.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Requests.Pages;

/// <summary>Tracking for applicants: number + code (posted, so the code stays out of addresses and logs) → status,
/// deadline and reply. A wrong pair gets one message that does not say which part was wrong.</summary>
[EnableRateLimiting(RequestRateLimits.Track)]
public sealed class TrackModel(RequestDesk desk) : PageModel
{
    [BindProperty]
    public string? TrackingNumber { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public DisclosureRequest? Application { get; private set; }

    public ClockResult? Clock { get; private set; }

    public RequestReply? Reply { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Application = await desk.FindForApplicantAsync(TrackingNumber, Code, cancellationToken);
        if (Application is null)
        {
            Error = "申请编号或查询码不正确，请核对后重试。";
            return Page();
        }

        Clock = await desk.ClockOfAsync(Application, cancellationToken);
        Reply = await desk.ReplyOfAsync(Application.Id, cancellationToken);
        return Page();
    }
}
