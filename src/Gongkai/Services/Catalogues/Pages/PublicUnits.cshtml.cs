using Gongkai.Organizations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Catalogues.Pages;

/// <summary>公共企事业单位: every unit with its supervising department and the way to complain about its disclosure.</summary>
public sealed class PublicUnitsModel(BodyDirectory directory) : PageModel
{
    public IReadOnlyList<(Body Unit, Body? Supervisor)> Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var hierarchy = await directory.LoadAsync(cancellationToken);
        Units = hierarchy.All.Where(b => BodyKinds.IsPublicInstitution(b.Kind)).OrderBy(b => b.SortOrder).ThenBy(b => b.Id)
            .Select(b => (b, hierarchy.Find(b.ParentId))).ToList();
    }
}
