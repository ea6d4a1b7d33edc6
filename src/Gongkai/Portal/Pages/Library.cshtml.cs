using Gongkai.Platform.Web;
using Gongkai.Publishing.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Portal.Pages;

/// <summary>政策法规库: the laws, regulations and rules the site republishes (reference documents), browsed by 效力级别,
/// 地域, 制定机关 and year, in force only unless 历史版本 are asked for; its search box searches within the library
/// (/search?library=true). None of it is a body's 主动公开 information.</summary>
[OutputCache(PolicyName = PublicCache.DocumentPages)]
public sealed class LibraryModel(PublishedDocuments documents) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "level")]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true, Name = "issuer")]
    public string? Issuer { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "all")]
    public bool AllVersions { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public LibraryFacets Facets { get; private set; } = new(0, [], [], [], []);

    public LibraryPage Items { get; private set; } = new(0, 1, PageSize, []);

    public bool Filtered => Level is not null || Region is not null || Issuer is not null || Year is not null || AllVersions;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Facets = await documents.LibraryFacetsAsync(cancellationToken);
        Items = await documents.LibraryPageAsync(new LibraryFilter(Blank(Level), Blank(Region), Blank(Issuer), Year, AllVersions), PageNumber, PageSize, cancellationToken);
    }

    /// <summary>This page with one filter changed (null removes it); the page resets to 1 unless given.</summary>
    public string Link(string? level = "\0", string? region = "\0", string? issuer = "\0", string? year = "\0", bool? all = null, int page = 1)
    {
        static string? Pick(string? given, string? current) => given == "\0" ? current : given;
        var values = new List<KeyValuePair<string, string?>>
        {
            new("level", Pick(level, Level)),
            new("region", Pick(region, Region)),
            new("issuer", Pick(issuer, Issuer)),
            new("year", Pick(year, Year?.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            new("all", (all ?? AllVersions) ? "true" : null),
            new("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
        };
        return "/library" + Microsoft.AspNetCore.Http.QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
