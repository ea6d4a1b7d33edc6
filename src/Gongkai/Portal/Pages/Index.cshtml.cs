using Gongkai.Platform.Web;
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

    public IReadOnlyList<InterpretationSummary> Interpretations { get; private set; } = [];

    public IReadOnlyList<DocumentSummary> Notices { get; private set; } = [];

    /// <summary>The top-level government, whose 信息公开 section the home page links to.</summary>
    public Body? Government { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Latest = await documents.LatestAsync(8, cancellationToken: cancellationToken);
        Policies = await documents.LatestAsync(6, types: DocumentCatalog.PolicyTypes, cancellationToken: cancellationToken);
        Interpretations = await documents.LatestInterpretationsAsync(6, cancellationToken);
        Notices = await documents.LatestAsync(6, types: [DocumentCatalog.Notice], cancellationToken: cancellationToken);
        var hierarchy = await directory.LoadAsync(cancellationToken);
        Groups = hierarchy.Directory();
        Government = hierarchy.All.FirstOrDefault(b => b.Kind == BodyKind.MunicipalGovernment && b.ParentId is null);
    }
}
