using Gongkai.Organizations;
using Gongkai.Publishing.Contracts;
using Gongkai.Search;
using Gongkai.Search.Querying;
using Gongkai.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Portal.Kiosk;

/// <summary>The kiosk's start: search, the three ways in, and the latest documents.</summary>
public sealed class KioskHomeModel(PublishedDocuments documents) : PageModel
{
    public IReadOnlyList<DocumentSummary> Latest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Latest = await documents.LatestAsync(6, cancellationToken: cancellationToken);
}

/// <summary>Search results, each opening inside the kiosk.</summary>
public sealed class KioskSearchModel(SearchService search) : PageModel
{
    public const int PageSize = 10;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SearchResult Result { get; private set; } = SearchResult.None;

    public int PageCount => Math.Max(1, (Math.Min(Result.Total, SearchRequest.MaxResultWindow) + PageSize - 1) / PageSize);

    public void OnGet()
    {
        PageNumber = Math.Max(1, PageNumber);
        if (!string.IsNullOrWhiteSpace(Query))
        {
            Result = search.Search(new SearchRequest(Query.Trim(), Page: PageNumber, Size: PageSize));
        }
    }
}

/// <summary>The latest documents, a page at a time.</summary>
public sealed class KioskDocumentsModel(PublishedDocuments documents) : PageModel
{
    public const int PageSize = 10;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public DocumentPage Documents { get; private set; } = new(0, 1, PageSize, []);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Documents = await documents.PageAsync(Math.Max(1, PageNumber), PageSize, cancellationToken: cancellationToken);
}

/// <summary>One document as the kiosk shows it: its metadata and text, links that would leave the kiosk as plain text.</summary>
public sealed class KioskDocumentModel(PublishedDocuments documents) : PageModel
{
    public PublicDocument? Found { get; private set; }

    public string BodyHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string indexNo, CancellationToken cancellationToken)
    {
        Found = await documents.FindAsync(indexNo, cancellationToken);
        if (Found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        BodyHtml = KioskMode.KeepInside(Found.Document.BodyHtml);
        return Page();
    }
}

/// <summary>The directory of bodies, grouped as on the portal.</summary>
public sealed class KioskBodiesModel(BodyDirectory bodies) : PageModel
{
    public IReadOnlyList<DirectoryGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Groups = (await bodies.LoadAsync(cancellationToken)).Directory();
}

/// <summary>One body: what it does, where it is, when it is open, and its latest documents.</summary>
public sealed class KioskBodyModel(BodyDirectory bodies, PublishedDocuments documents) : PageModel
{
    public Body? Found { get; private set; }

    public IReadOnlyList<DocumentSummary> Latest { get; private set; } = [];

    public async Task OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Found = await bodies.FindByCodeAsync(code, cancellationToken);
        if (Found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Latest = await documents.LatestAsync(8, Found.Id, cancellationToken: cancellationToken);
    }
}

/// <summary>办事指南 with a public version.</summary>
public sealed class KioskGuidesModel(GuideDesk guides) : PageModel
{
    public IReadOnlyList<GuideSummary> Guides { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Guides = (await guides.ListPublicAsync(cancellationToken)).Where(g => (g.InForce ?? g.Upcoming) is not null).ToList();
}

/// <summary>One guide: the version in force (or the one announced).</summary>
public sealed class KioskGuideModel(GuideDesk guides) : PageModel
{
    public GuideSummary? Summary { get; private set; }

    public GuideVersionView? Shown { get; private set; }

    public async Task OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Summary = await guides.SummaryAsync(id, cancellationToken);
        Shown = Summary?.InForce ?? Summary?.Upcoming;
        if (Shown is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
