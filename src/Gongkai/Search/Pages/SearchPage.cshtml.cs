using Gongkai.Publishing;
using Gongkai.Search.Analysis;
using Gongkai.Search.Querying;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Search.Pages;

/// <summary>/search: the portal's search page. A GET form; filters and pages are plain links, so it works without JavaScript.</summary>
public sealed class SearchPageModel(SearchService search) : PageModel
{
    public const int PageSize = 10;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "body")]
    public string? Body { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "subject")]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "validity")]
    public string? Validity { get; set; }

    [BindProperty(SupportsGet = true, Name = "level")]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? Region { get; set; }

    /// <summary>Search within the law library (政策法规库) only.</summary>
    [BindProperty(SupportsGet = true, Name = "library")]
    public bool Library { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SearchResult Result { get; private set; } = SearchResult.None;

    public bool Searched { get; private set; }

    public bool QueryWasCut { get; private set; }

    /// <summary>The name of the body searched within, when <see cref="Body"/> is set and known.</summary>
    public string? BodyName { get; private set; }

    public int PageCount => Math.Max(1, (Math.Min(Result.Total, SearchRequest.MaxResultWindow) + PageSize - 1) / PageSize);

    public static IReadOnlyDictionary<string, string> FacetTitles { get; } = new Dictionary<string, string>
    {
        ["body"] = "发布机构",
        ["type"] = "文件类型",
        ["subject"] = "主题分类",
        ["year"] = "发布年份",
        ["validity"] = "有效性",
        ["level"] = "效力级别",
        ["region"] = "地域",
    };

    public void OnGet()
    {
        var text = QueryText.Parse(Query);
        QueryWasCut = text.WasCut;
        var request = new SearchRequest(Query, Body, Type, Subject, Year, Validity,
            Sort == "date" ? SearchSort.Date : SearchSort.Relevance, Math.Max(1, PageNumber), PageSize, Level, Region, Library);
        if (text.IsEmpty && !request.HasFilters)
        {
            return;
        }

        Searched = true;
        Result = search.Search(request);
        BodyName = Body is null ? null : Result.Facets.GetValueOrDefault("body")?.FirstOrDefault(v => v.Value == Body)?.Label;
    }

    /// <summary>The current search with some parameters changed (null removes one); the page resets to 1 unless given.</summary>
    public string Link(string? q = "\0", string? body = "\0", string? type = "\0", string? subject = "\0", string? year = "\0",
        string? validity = "\0", string? sort = "\0", int page = 1, string? level = "\0", string? region = "\0")
    {
        static string? Pick(string? given, string? current) => given == "\0" ? current : given;
        var values = new List<KeyValuePair<string, string?>>
        {
            new("q", Pick(q, Query)),
            new("body", Pick(body, Body)),
            new("type", Pick(type, Type)),
            new("subject", Pick(subject, Subject)),
            new("year", Pick(year, Year?.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            new("validity", Pick(validity, Validity)),
            new("level", Pick(level, Level)),
            new("region", Pick(region, Region)),
            new("library", Library ? "true" : null),
            new("sort", Pick(sort, Sort)),
            new("page", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
        };
        return "/search" + Microsoft.AspNetCore.Http.QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }

    /// <summary>The filter currently applied for a facet, if any.</summary>
    public string? Selected(string facet) => facet switch
    {
        "body" => Body,
        "type" => Type,
        "subject" => Subject,
        "year" => Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "validity" => Validity,
        "level" => Level,
        "region" => Region,
        _ => null,
    };

    public string FacetLink(string facet, string? value) => facet switch
    {
        "body" => Link(body: value),
        "type" => Link(type: value),
        "subject" => Link(subject: value),
        "year" => Link(year: value),
        "level" => Link(level: value),
        "region" => Link(region: value),
        _ => Link(validity: value),
    };

    /// <summary>The 文号 the query contains, in its normalised form, when it differs from what was typed.</summary>
    public string? NormalisedDocNumber => Result.DocNumber ?? DocNumberForm.Find(Query);

    public static string ValidityClass(string validity) => InForce(validity) ? "" : "validity-ended";

    /// <summary>有效 (a body's document), 现行有效 (a law in the library) or none (an open-data record or dataset): nothing to point out.</summary>
    public static bool InForce(string validity) => validity.Length == 0 || validity == DocumentCatalog.ChineseName(DocumentValidity.Valid) || validity == "现行有效";

    /// <summary>How a hit says who issued it: the body for the site's own documents, the 制定机关 and 效力级别 for the library's.</summary>
    public static string Source(SearchHit hit) => hit.IsReference
        ? string.Join(" · ", new[] { "政策法规库", hit.Issuer.Length > 0 ? "制定机关 " + hit.Issuer : "", hit.Level, hit.Region }.Where(v => v.Length > 0))
        : hit.BodyName + " · " + hit.DocumentType;
}
