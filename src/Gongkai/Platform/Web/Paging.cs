using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Gongkai.Platform.Web;

/// <summary>One link of a pager: a page number (or 首页/上一页/下一页/末页) and its address; <see cref="Current"/> marks
/// the page shown, which is not a link.</summary>
public sealed record PageLink(string Label, string? Url, bool Current = false, string? Rel = null, string? AriaLabel = null);

/// <summary>
/// Numbered paging for lists: first, previous, a window of page numbers around the current one, next, last, and the
/// figures for "第 3 / 12 页，共 231 条". Pure: the page builds the links from the request's query, keeping every other
/// filter as it is.
/// </summary>
public sealed class Paging
{
    public const int Window = 2;

    public Paging(int requestedPage, int pageSize, int total)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        PageSize = pageSize;
        Total = Math.Max(0, total);
        PageCount = Math.Max(1, (Total + pageSize - 1) / pageSize);
        Page = Math.Clamp(requestedPage, 1, PageCount);
    }

    public int Page { get; }

    public int PageSize { get; }

    public int Total { get; }

    public int PageCount { get; }

    /// <summary>Rows to skip for the current page.</summary>
    public int Skip => (Page - 1) * PageSize;

    /// <summary>The pager's links for a list at <paramref name="path"/> with <paramref name="query"/> (the page
    /// parameter is replaced, everything else kept). Empty when everything fits on one page.</summary>
    public IReadOnlyList<PageLink> Links(string path, IEnumerable<KeyValuePair<string, string?>> query, string pageParameter = "page")
    {
        if (PageCount == 1)
        {
            return [];
        }

        var kept = query.Where(q => !string.Equals(q.Key, pageParameter, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(q.Value)).ToList();
        string Url(int page) => QueryHelpers.AddQueryString(path, page == 1 ? kept : [.. kept, new(pageParameter, page.ToString(CultureInfo.InvariantCulture))]);

        var links = new List<PageLink>();
        if (Page > 1)
        {
            links.Add(new PageLink("首页", Url(1)));
            links.Add(new PageLink("上一页", Url(Page - 1), Rel: "prev"));
        }

        var from = Math.Max(1, Page - Window);
        var to = Math.Min(PageCount, Page + Window);
        for (var page = from; page <= to; page++)
        {
            var label = page.ToString(CultureInfo.InvariantCulture);
            links.Add(page == Page
                ? new PageLink(label, null, Current: true, AriaLabel: $"第{label}页，当前页")
                : new PageLink(label, Url(page), AriaLabel: $"第{label}页"));
        }

        if (Page < PageCount)
        {
            links.Add(new PageLink("下一页", Url(Page + 1), Rel: "next"));
            links.Add(new PageLink("末页", Url(PageCount), AriaLabel: $"末页（第{PageCount}页）"));
        }

        return links;
    }
}
