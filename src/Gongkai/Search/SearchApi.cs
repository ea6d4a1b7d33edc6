using System.Globalization;
using Gongkai.Platform.Data;
using Gongkai.Search.Querying;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Search;

public sealed record SearchItem(string IndexNo, string Title, string Url, string Snippet, string? DocNumber, string Body, string Type,
    string PublishedOn, string Validity, float Score);

public sealed record SearchFacetValue(string Value, int Count);

public sealed record SearchResponse(int Total, IReadOnlyList<SearchItem> Items, IReadOnlyDictionary<string, IReadOnlyList<SearchFacetValue>> Facets);

public sealed record SearchStatus(int Documents, int Pending);

internal static class SearchApi
{
    public static void MapSearchApi(this WebApplication app)
    {
        var search = app.MapGroup("/api/v1/search").WithTags("检索");
        search.MapGet("/", Search);
        search.MapGet("/status", StatusAsync);
    }

    /// <summary>Full-text search over published documents. <c>snippet</c> is HTML: escaped text with &lt;mark&gt; around matches.</summary>
    private static Results<Ok<SearchResponse>, ValidationProblem> Search(SearchService service, string? q, string? body, string? type, string? subject,
        string? year, string? validity, string? sort, int? page, int? size)
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

        var request = new SearchRequest(q, body, type, subject, yearValue, validity, order ?? SearchSort.Relevance, page ?? 1, size ?? 10);
        if (QueryText.Parse(q).IsEmpty && !request.HasFilters)
        {
            errors["q"] = ["请输入检索词（文字、数字或文号）。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "检索条件有误", detail: "请按提示修改检索条件。");
        }

        var result = service.Search(request);
        var items = result.Items.Select(h => new SearchItem(h.IndexNo, h.Title, h.Url, h.SnippetHtml, h.DocNumber, h.BodyName, h.DocumentType,
            h.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), h.Validity, h.Score)).ToList();
        var facets = result.Facets.ToDictionary(f => f.Key, f => (IReadOnlyList<SearchFacetValue>)f.Value.Select(v => new SearchFacetValue(v.Value, v.Count)).ToList());
        return TypedResults.Ok(new SearchResponse(result.Total, items, facets));
    }

    /// <summary>This node's index: documents it holds, change-log rows it has not applied yet.</summary>
    private static async Task<Ok<SearchStatus>> StatusAsync(SearchService service, ChangeLogReader log, CancellationToken cancellationToken)
    {
        var (documents, pending) = await service.StatusAsync(log, cancellationToken);
        return TypedResults.Ok(new SearchStatus(documents, pending));
    }
}
