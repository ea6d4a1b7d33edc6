using System.Globalization;
using Gongkai.Organizations;
using Gongkai.Platform.Web;
using Gongkai.Publishing.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Publishing.Pages;

/// <summary>政府文件: newest first, 20 a page, filtered by body and type.</summary>
[OutputCache(PolicyName = PublicCache.DocumentPages)]
public sealed class DocumentListModel(PublishedDocuments documents, BodyDirectory directory) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "body")]
    public string? BodyCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    /// <summary>From <c>?page=</c>, read by hand: Razor Pages reserves the route value named "page".</summary>
    public int PageNumber { get; private set; } = 1;

    public Body? Body { get; private set; }

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public DocumentPage Result { get; private set; } = new(0, 1, PageSize, []);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;
        var hierarchy = await directory.LoadAsync(cancellationToken);
        Bodies = hierarchy.All;
        Body = string.IsNullOrEmpty(BodyCode) ? null : hierarchy.FindByCode(BodyCode);
        var type = DocumentCatalog.Types.Contains(Type) ? Type : null;
        Type = type;
        if (!string.IsNullOrEmpty(BodyCode) && Body is null)
        {
            // An unknown body shows an empty list rather than every body's documents.
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Result = await documents.PageAsync(PageNumber, PageSize, Body?.Id, type, cancellationToken);
    }

    /// <summary>The list's address with the current filters and another page number.</summary>
    public string PageUrl(int page)
    {
        var query = new List<string>();
        if (Body is not null)
        {
            query.Add("body=" + Uri.EscapeDataString(Body.Code));
        }

        if (Type is not null)
        {
            query.Add("type=" + Uri.EscapeDataString(Type));
        }

        if (page > 1)
        {
            query.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        }

        return query.Count == 0 ? "/documents" : "/documents?" + string.Join("&", query);
    }
}
