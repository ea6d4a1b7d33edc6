using Gongkai.Platform.Web;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Admin;

/// <summary>The console's home: who is signed in, for which body, in which roles, and where they can go.</summary>
[Authorize(Policy = Permissions.Staff)]
public sealed class IndexModel(IStaffBodies bodies, ConsoleMenu menu, IAuthorizationService authorization) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public string BodyName { get; private set; } = "";

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public List<ConsoleMenuEntry> Links { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DisplayName = StaffClaims.DisplayNameOf(User);
        Roles = StaffRoles.All.Where(User.IsInRole).ToArray();
        if (StaffClaims.BodyIdOf(User) is { } bodyId)
        {
            BodyName = (await bodies.ListAsync(cancellationToken)).FirstOrDefault(b => b.Id == bodyId)?.Name ?? "";
        }

        foreach (var link in menu.Entries)
        {
            if ((await authorization.AuthorizeAsync(User, link.Policy)).Succeeded)
            {
                Links.Add(link);
            }
        }
    }
}
