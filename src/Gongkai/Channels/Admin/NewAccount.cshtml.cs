using Gongkai.Channels.NewMedia;
using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Channels.Admin;

/// <summary>登记新媒体账号 for one of the user's bodies.</summary>
[Authorize(Policy = ChannelsPermissions.ManageAccounts)]
public sealed class NewAccountModel(NewMediaDesk desk, BodyScope scope, BodyDirectory directory) : PageModel
{
    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    [BindProperty]
    public int BodyId { get; set; }

    [BindProperty]
    public string? Platform { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? PlatformAccountId { get; set; }

    [BindProperty]
    public string? Organizer { get; set; }

    [BindProperty]
    public string? Responsible { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await desk.RegisterAsync(User, new AccountInput(BodyId, Platform, Name, PlatformAccountId, Organizer, Responsible), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect(ChannelsPaths.Account(outcome.Value.Id));
        }

        return await this.RefusedAsync(outcome.Refusal, async () =>
        {
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var inScope = await scope.BodiesInScopeAsync(User, cancellationToken);
        Bodies = (await directory.LoadAsync(cancellationToken)).All.Where(b => inScope is null || inScope.Contains(b.Id)).ToList();
        if (BodyId == 0 && StaffClaims.BodyIdOf(User) is { } own)
        {
            BodyId = own;
        }
    }
}
