using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Gongkai.Organizations.Pages;

/// <summary>A body's 政府信息公开指南, generated from its data, so it is never out of date.</summary>
[OutputCache(PolicyName = PublicCache.BodyPages)]
public sealed class GuideModel(BodyDirectory directory, IOptions<OrganizationsOptions> options) : PageModel
{
    public DisclosureGuide? Guide { get; private set; }

    public IReadOnlyList<Body> Ancestors { get; private set; } = [];

    public async Task OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var hierarchy = await directory.LoadAsync(cancellationToken);
        var body = hierarchy.FindByCode(code);
        if (body is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Ancestors = hierarchy.AncestorsOf(body);
        Guide = DisclosureGuide.For(body, Ancestors, options.Value.ProvincialGovernment);
    }
}
