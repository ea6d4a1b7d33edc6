using Gongkai.Organizations;
using Gongkai.Publishing;
using Gongkai.Publishing.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Portal.Pages;

/// <summary>The home page: latest disclosures, policy documents, quick links to bodies and to the 信息公开 column.</summary>
[OutputCache(PolicyName = PublicCache.DocumentPages)]
public sealed class IndexModel(PublishedDocuments documents, BodyDirectory directory) : PageModel
{
    public IReadOnlyList<DocumentSummary> Latest { get; private set; } = [];

    public IReadOnlyList<DocumentSummary> Policies { get; private set; } = [];

    public IReadOnlyList<DirectoryGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Latest = await documents.LatestAsync(8, cancellationToken: cancellationToken);
        Policies = await documents.LatestAsync(6, types: DocumentCatalog.PolicyTypes, cancellationToken: cancellationToken);
        Groups = (await directory.LoadAsync(cancellationToken)).Directory();
    }
}
