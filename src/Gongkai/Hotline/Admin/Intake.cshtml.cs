using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Hotline.Admin;

/// <summary>The operator's intake form: a phone call, a letter, a WeChat or app message becomes a ticket.</summary>
[Authorize(Policy = HotlinePermissions.Operate)]
[RequestSizeLimit(HotlineAttachments.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = HotlineAttachments.MaxRequestBytes)]
public sealed class IntakeModel(HotlineDesk desk) : PageModel
{
    [BindProperty]
    public string Channel { get; set; } = "phone";

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? Urgency { get; set; }

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

    /// <summary>The caller agreed on the phone to a text message with the evaluation link.</summary>
    [BindProperty]
    public bool SmsConsent { get; set; }

    /// <summary>A letter's scan, a WeChat photo … (JPG, PNG or PDF).</summary>
    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public IReadOnlyList<HotlineCategory> Categories { get; private set; } = [];

    public IReadOnlyList<string> Districts => desk.Options.Districts;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Categories = await desk.CategoriesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var uploads = new List<TicketUpload>();
        foreach (var file in Files.Where(f => f.Length > 0))
        {
            await using var stream = file.OpenReadStream();
            uploads.Add(new TicketUpload(file.FileName, await HotlineAttachments.ReadAsync(stream, cancellationToken)));
        }

        var outcome = await desk.TakeInAsync(new TicketDraft(Channel, Category, Description, string.IsNullOrEmpty(Urgency) ? null : Urgency, Address, District,
            CallerName: CallerName, CallerPhone: CallerPhone, SmsConsent: SmsConsent, Files: uploads), StaffClaims.DisplayNameOf(User), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddRefusal(outcome.Refusal, field => field switch
            {
                "category" => nameof(Category),
                "description" => nameof(Description),
                "district" => nameof(District),
                "address" => nameof(Address),
                "urgency" => nameof(Urgency),
                "channel" => nameof(Channel),
                "caller" => nameof(CallerPhone),
                "file" => nameof(Files),
                _ => "",
            });
            Categories = await desk.CategoriesAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/admin/hotline/tickets/{outcome.Value!.Number}");
    }
}
