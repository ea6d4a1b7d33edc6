using Gongkai.Organizations;
using Gongkai.Services.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Catalogues.Admin;

/// <summary>The standard catalogues in the console, and the bodies in the user's scope that instantiated one.</summary>
[Authorize(Policy = ServicesPermissions.Catalogues)]
public sealed class TemplatesAdminModel(StandardCatalogues catalogues, StandardCatalogueDesk desk) : PageModel
{
    public IReadOnlyList<StandardCatalogue> Catalogues { get; private set; } = [];

    public IReadOnlyList<Body> Instantiated { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Catalogues = await catalogues.AllAsync(cancellationToken);
        var bodies = await desk.BodiesForAsync(User, cancellationToken);
        Instantiated = (await desk.GapsAsync(bodies, cancellationToken)).Where(g => g.Instances.Count > 0).Select(g => g.Body).ToList();
    }
}
