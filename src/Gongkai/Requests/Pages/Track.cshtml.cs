using Gongkai.Requests.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Requests.Pages;

/// <summary>Tracking for applicants: number + code (posted, so the code stays out of addresses and logs) → status,
/// deadline and reply. A wrong pair gets one message that does not say which part was wrong.</summary>
[EnableRateLimiting(RequestRateLimits.Track)]
public sealed class TrackModel(RequestDesk desk, RequestReplyFiles replyFiles) : PageModel
{
    public IReadOnlyList<ReplyFile> ReplyFiles { get; private set; } = [];

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
        ReplyFiles = await replyFiles.ListAsync(Application.Id, cancellationToken);
        return Page();
    }

    /// <summary>A reply file, for the holder of the request's number and code (posted again with the download, so the
    /// code never appears in an address). Any mismatch gets the tracking form with the one message.</summary>
    public async Task<IActionResult> OnPostReplyFileAsync(int attachmentId, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var attachment = await replyFiles.ForApplicantAsync(TrackingNumber, Code, attachmentId, cancellationToken);
        if (attachment is null)
        {
            Error = "申请编号或查询码不正确，或该附件不属于此申请，请核对后重试。";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        return File(attachment.Content, attachment.MediaType, attachment.FileName);
    }
}
