using Gongkai.Platform.Web;
using Gongkai.Organizations;
using Gongkai.Publishing;
using Gongkai.Publishing.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Portal.Pages;

/// <summary>政府信息公开: the column's four parts (指南, 制度, 法定主动公开内容, 年报) and 依申请公开.</summary>
[OutputCache(PolicyName = PublicCache.DocumentPages)]
public sealed class DisclosureModel(PublishedDocuments documents, BodyDirectory directory) : PageModel
{
    public Body? Government { get; private set; }

    public IReadOnlyList<DirectoryGroup> Groups { get; private set; } = [];

    public IReadOnlyList<DocumentSummary> Rules { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var hierarchy = await directory.LoadAsync(cancellationToken);
        Government = hierarchy.All.FirstOrDefault(b => b.Kind == BodyKind.MunicipalGovernment);
        Groups = hierarchy.Directory();
        Rules = await documents.LatestAsync(20, types: [DocumentCatalog.DisclosureRules], cancellationToken: cancellationToken);
    }
}
