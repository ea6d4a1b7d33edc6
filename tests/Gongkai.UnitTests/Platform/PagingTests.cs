using Gongkai.Platform.Web;

namespace Gongkai.UnitTests.Platform;

public sealed class PagingTests
{
    private static readonly KeyValuePair<string, string?>[] Filters = [new("status", "published"), new("q", "条例"), new("page", "7")];

    [Fact]
    public void The_middle_page_links_first_previous_a_window_next_and_last_keeping_the_filters()
    {
        var paging = new Paging(7, 20, 231);
        var links = paging.Links("/admin/documents/all", Filters);

        Assert.Equal(12, paging.PageCount);
        Assert.Equal(120, paging.Skip);
        Assert.Equal(["首页", "上一页", "5", "6", "7", "8", "9", "下一页", "末页"], links.Select(l => l.Label));
        var current = Assert.Single(links, l => l.Current);
        Assert.Equal("7", current.Label);
        Assert.Null(current.Url);
        Assert.Equal("/admin/documents/all?status=published&q=%E6%9D%A1%E4%BE%8B", links[0].Url);
        Assert.Equal("/admin/documents/all?status=published&q=%E6%9D%A1%E4%BE%8B&page=12", links[^1].Url);
        Assert.Equal("prev", links[1].Rel);
        Assert.Equal("next", links[^2].Rel);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-3, 1)]
    [InlineData(99, 12)]
    public void A_page_out_of_range_shows_the_nearest_one(int requested, int shown)
    {
        Assert.Equal(shown, new Paging(requested, 20, 231).Page);
    }

    [Fact]
    public void The_first_and_last_pages_have_no_links_beyond_the_ends()
    {
        Assert.Equal(["1", "2", "3", "下一页", "末页"], new Paging(1, 10, 95).Links("/x", []).Select(l => l.Label));
        Assert.Equal(["首页", "上一页", "8", "9", "10"], new Paging(10, 10, 95).Links("/x", []).Select(l => l.Label));
    }

    [Fact]
    public void One_page_or_none_needs_no_pager()
    {
        Assert.Empty(new Paging(1, 20, 20).Links("/x", []));
        Assert.Empty(new Paging(1, 20, 0).Links("/x", []));
        Assert.Equal(1, new Paging(1, 20, 0).PageCount);
    }
}
