using Gongkai.Platform.Web;
using Gongkai.Organizations;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Portal.Pages;

/// <summary>网站地图: every section of the public site and every body's pages.</summary>
[OutputCache(PolicyName = PublicCache.BodyPages)]
public sealed class SiteMapModel(BodyDirectory directory) : PageModel
{
    public IReadOnlyList<DirectoryGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Groups = (await directory.LoadAsync(cancellationToken)).Directory();
}
