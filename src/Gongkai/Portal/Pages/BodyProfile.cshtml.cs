using Gongkai.Organizations;
using Gongkai.Organizations.Pages;
using Gongkai.Platform.Web;
using Gongkai.Publishing.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Portal.Pages;

/// <summary>A body's public profile: the items Art. 20(2) of the 条例 requires, its sub-bodies and latest documents.</summary>
[OutputCache(PolicyName = PublicCache.DocumentPages)]
public sealed class BodyProfileModel(BodyDirectory directory, PublishedDocuments documents) : PageModel
{
    public const int LatestDocuments = 10;

    public Body? Body { get; private set; }

    public IReadOnlyList<Body> Ancestors { get; private set; } = [];

    public IReadOnlyList<Body> Children { get; private set; } = [];

    public IReadOnlyList<string> InternalUnits { get; private set; } = [];

    public IReadOnlyList<string> FunctionParagraphs { get; private set; } = [];

    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];

    public async Task OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var hierarchy = await directory.LoadAsync(cancellationToken);
        Body = hierarchy.FindByCode(code);
        if (Body is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Ancestors = hierarchy.AncestorsOf(Body);
        Children = hierarchy.ChildrenOf(Body);
        InternalUnits = BodyProfile.Lines(Body.InternalStructure);
        FunctionParagraphs = BodyProfile.Lines(Body.Functions);
        Documents = await documents.LatestAsync(LatestDocuments, Body.Id, cancellationToken: cancellationToken);
    }
}
