using Gongkai.Services.Rules;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Catalogues.Pages;

/// <summary>标准目录: every standard catalogue, the 26 fields first, then the sector templates.</summary>
public sealed class CatalogueTemplatesModel(StandardCatalogues catalogues) : PageModel
{
    public IReadOnlyList<StandardCatalogue> Catalogues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Catalogues = await catalogues.AllAsync(cancellationToken);
}
