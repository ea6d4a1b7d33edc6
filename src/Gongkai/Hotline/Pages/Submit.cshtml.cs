using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Hotline.Pages;

/// <summary>The citizens' web form (网上诉求): no account, works without JavaScript, keeps the input on error, and
/// hands back the ticket number and 查询码 for tracking and the web evaluation.</summary>
[RequestSizeLimit(HotlineAttachments.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = HotlineAttachments.MaxRequestBytes)]
public sealed class SubmitModel(HotlineDesk desk) : PageModel
{
    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? District { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? CallerName { get; set; }

    [BindProperty]
    public string? CallerPhone { get; set; }

    [BindProperty]
    public string? CallerEmail { get; set; }

    /// <summary>Agrees to a text message with the evaluation link once the matter is replied.</summary>
    [BindProperty]
    public bool SmsConsent { get; set; }

    /// <summary>Photos (JPG, PNG) or PDF showing the matter.</summary>
    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>The citizen lets the public (and Open311 clients) see the photos; PDF files are never public.</summary>
    [BindProperty]
    public bool PhotosPublic { get; set; }

    public IReadOnlyList<HotlineCategory> Categories { get; private set; } = [];

    public IReadOnlyList<string> Districts => desk.Options.Districts;

    public HotlineTicket? Filed { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Categories = await desk.CategoriesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Categories = await desk.CategoriesAsync(cancellationToken);
        Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrWhiteSpace(CallerPhone) && string.IsNullOrWhiteSpace(CallerEmail))
        {
            // The centre must be able to reach the citizen for the reply and the callback.
            ModelState.AddModelError(nameof(CallerPhone), "请留下电话或电子邮箱，以便告知办理结果。");
            return Page();
        }

        var uploads = new List<TicketUpload>();
        foreach (var file in Files.Where(f => f.Length > 0))
        {
            await using var stream = file.OpenReadStream();
            uploads.Add(new TicketUpload(file.FileName, await HotlineAttachments.ReadAsync(stream, cancellationToken), PhotosPublic));
        }

        var outcome = await desk.TakeInAsync(new TicketDraft("web", Category, Description, null, Address, District,
            CallerName: CallerName, CallerPhone: CallerPhone, CallerEmail: CallerEmail, SmsConsent: SmsConsent, Files: uploads), "市民（网站）", cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddRefusal(outcome.Refusal, field => field switch
            {
                "category" => nameof(Category),
                "description" => nameof(Description),
                "district" => nameof(District),
                "address" => nameof(Address),
                "caller" => nameof(CallerPhone),
                "file" => nameof(Files),
                _ => "",
            });
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Filed = outcome.Value;
        return Page();
    }
}
