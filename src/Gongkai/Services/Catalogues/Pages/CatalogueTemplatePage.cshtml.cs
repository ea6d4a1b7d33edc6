using Gongkai.Services.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Catalogues.Pages;

/// <summary>One standard catalogue with the nine elements of every item.</summary>
public sealed class CatalogueTemplatePageModel(StandardCatalogues catalogues) : PageModel
{
    public StandardCatalogue Catalogue { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await catalogues.FindAsync(code, cancellationToken) is not { } catalogue)
        {
            return NotFound();
        }

        Catalogue = catalogue;
        return Page();
    }
}
