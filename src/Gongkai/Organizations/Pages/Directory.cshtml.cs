using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Organizations.Pages;

[OutputCache(PolicyName = PublicCache.BodyPages)]
public sealed class DirectoryModel(BodyDirectory directory) : PageModel
{
    public IReadOnlyList<DirectoryGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Groups = (await directory.LoadAsync(cancellationToken)).Directory();
}
