using System.Globalization;
using Gongkai.Platform.Data;
using Gongkai.Search.Querying;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Search;

/// <summary>A search result. <c>Body</c> is the issuing body of the site (null for a law-library document, which names
/// its <c>Issuer</c>, <c>Level</c>, <c>Region</c> and <c>Status</c> instead; those are null for a body's own document).</summary>
public sealed record SearchItem(string IndexNo, string Title, string Url, string Snippet, string? DocNumber, string? Body, string Type,
    string PublishedOn, string Validity, float Score, string? Issuer = null, string? Level = null, string? Region = null, string? Status = null);

public sealed record SearchFacetValue(string Value, int Count);

/// <summary><c>BestAnswer</c>: the document the query names exactly (title, short name, 文号, 索引号), also first in the list.
/// <c>Relaxed</c>: few documents had every word, so the list shows those with most of them.</summary>
public sealed record SearchResponse(int Total, IReadOnlyList<SearchItem> Items, IReadOnlyDictionary<string, IReadOnlyList<SearchFacetValue>> Facets,
    SearchItem? BestAnswer = null, bool Relaxed = false);

public sealed record SearchStatus(int Documents, int Pending);

internal static class SearchApi
{
    public static void MapSearchApi(this WebApplication app)
    {
        var search = app.MapGroup("/api/v1/search").WithTags("检索");
        search.MapGet("/", Search).WithSummary("全文检索已公开文件（可筛选、分面）");
        search.MapGet("/status", StatusAsync).WithSummary("检索索引的进度");
    }

    /// <summary>Full-text search over published documents. <c>snippet</c> is HTML: escaped text with &lt;mark&gt; around matches.</summary>
    private static Results<Ok<SearchResponse>, ValidationProblem> Search(SearchService service, string? q, string? body, string? type, string? subject,
        string? year, string? validity, string? sort, int? page, int? size, string? level = null, string? region = null, bool? library = null)
    {
        var errors = new Dictionary<string, string[]>();
        int? yearValue = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1949 and <= 2100)
            {
                yearValue = parsed;
            }
            else
            {
                errors["year"] = ["年份应为四位数字，例如 2024。"];
            }
        }

        var order = sort switch
        {
            null or "" or "relevance" => SearchSort.Relevance,
            "date" => SearchSort.Date,
            _ => (SearchSort?)null,
        };
        if (order is null)
        {
            errors["sort"] = ["排序方式只能是 relevance（相关度）或 date（日期）。"];
        }

        if (page is < 1)
        {
            errors["page"] = ["页码从 1 开始。"];
        }

        if (size is < 1 or > SearchRequest.MaxPageSize)
        {
            errors["size"] = [$"每页条数应在 1 到 {SearchRequest.MaxPageSize} 之间。"];
        }

        var request = new SearchRequest(q, body, type, subject, yearValue, validity, order ?? SearchSort.Relevance, page ?? 1, size ?? 10,
            level, region, library ?? false);
        if (QueryText.Parse(q).IsEmpty && !request.HasFilters)
        {
            errors["q"] = ["请输入检索词（文字、数字或文号）。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "检索条件有误", detail: "请按提示修改检索条件。");
        }

        var result = service.Search(request);
        if (result.NeedsWords)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["请输入检索词：检索内容只有疑问词、语气词或标点。"] },
                title: "检索条件有误", detail: "请输入检索词。");
        }

        var items = result.Items.Select(Item).ToList();
        var facets = result.Facets.ToDictionary(f => f.Key, f => (IReadOnlyList<SearchFacetValue>)f.Value.Select(v => new SearchFacetValue(v.Value, v.Count)).ToList());
        return TypedResults.Ok(new SearchResponse(result.Total, items, facets, result.BestAnswer is { } best ? Item(best) : null, result.Relaxed));
    }

    private static SearchItem Item(SearchHit h) => h.IsReference
        ? new SearchItem(h.IndexNo, h.Title, h.Url, h.SnippetHtml, h.DocNumber, null, h.DocumentType, h.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            h.Validity, h.Score, Blank(h.Issuer), Blank(h.Level), Blank(h.Region), Blank(h.LegalStatus))
        : new SearchItem(h.IndexNo, h.Title, h.Url, h.SnippetHtml, h.DocNumber, h.BodyName, h.DocumentType, h.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            h.Validity, h.Score);

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    /// <summary>This node's index: documents it holds, change-log rows it has not applied yet.</summary>
    private static async Task<Ok<SearchStatus>> StatusAsync(SearchService service, ChangeLogReader log, CancellationToken cancellationToken)
    {
        var (documents, pending) = await service.StatusAsync(log, cancellationToken);
        return TypedResults.Ok(new SearchStatus(documents, pending));
    }
}
