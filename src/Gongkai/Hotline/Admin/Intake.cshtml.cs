using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Hotline.Admin;

/// <summary>The operator's intake form: a phone call, a letter, a WeChat or app message becomes a ticket.</summary>
[Authorize(Policy = HotlinePermissions.Operate)]
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

    public IReadOnlyList<HotlineCategory> Categories { get; private set; } = [];

    public IReadOnlyList<string> Districts => desk.Options.Districts;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Categories = await desk.CategoriesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await desk.TakeInAsync(new TicketDraft(Channel, Category, Description, string.IsNullOrEmpty(Urgency) ? null : Urgency, Address, District,
            CallerName: CallerName, CallerPhone: CallerPhone), StaffClaims.DisplayNameOf(User), cancellationToken);
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
                _ => "",
            });
            Categories = await desk.CategoriesAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/admin/hotline/tickets/{outcome.Value!.Number}");
    }
}
