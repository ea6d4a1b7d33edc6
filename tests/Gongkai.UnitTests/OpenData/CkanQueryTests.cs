using Gongkai.OpenData.Rules;

namespace Gongkai.UnitTests.OpenData;

public sealed class CkanQueryTests
{
    private static readonly CkanSearchItem Penalties = new(
        DatasetIds.DatasetId("administrative-penalty-myscjgj"), "administrative-penalty-myscjgj", "绵阳市市场监督管理局行政处罚", "行政处罚决定（双公示）",
        "myscjgj", ["行政处罚", "信用服务"], ["CSV", "JSON"], ["credit"], "cc-by",
        new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero));

    private static readonly CkanSearchItem Air = new(
        DatasetIds.DatasetId("environment-reading-mysthjj"), "environment-reading-mysthjj", "绵阳市生态环境局环境监测数据", "空气监测",
        "mysthjj", ["环境监测数据", "资源环境"], ["CSV", "JSON"], ["environment"], "cc-by",
        new DateTimeOffset(2023, 3, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2023, 12, 31, 0, 0, 0, TimeSpan.Zero));

    private static IEnumerable<string> Search(string? q, string? sort = null)
    {
        var clauses = CkanQuery.Parse(q);
        Assert.True(clauses.Succeeded, clauses.Refusal?.Message);
        var keys = CkanQuery.ParseSort(sort);
        Assert.True(keys.Succeeded, keys.Refusal?.Message);
        return CkanQuery.Sort(new[] { Penalties, Air }.Where(i => CkanQuery.Matches(i, clauses.Value!)), keys.Value!, clauses.Value!).Select(i => i.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("*:*")]
    public void An_empty_or_match_all_query_finds_everything_newest_first(string? q)
    {
        Assert.Equal(["administrative-penalty-myscjgj", "environment-reading-mysthjj"], Search(q));
    }

    [Fact]
    public void Fielded_filters_select_by_organization_tag_format_and_group()
    {
        Assert.Equal(["environment-reading-mysthjj"], Search("organization:mysthjj"));
        Assert.Equal(["administrative-penalty-myscjgj"], Search("tags:行政处罚"));
        Assert.Equal(["administrative-penalty-myscjgj"], Search("tags:\"行政处罚\" res_format:CSV groups:credit"));
        Assert.Empty(Search("res_format:XML"));
    }

    [Fact]
    public void Negated_clauses_and_OR_lists_work_as_harvesters_send_them()
    {
        Assert.Equal(["administrative-penalty-myscjgj"], Search("-organization:mysthjj"));
        Assert.Equal(2, Search("organization:(myscjgj OR mysthjj)").Count());
        Assert.Equal(2, Search("organization:myscjgj OR organization:mysthjj").Count());
    }

    [Fact]
    public void A_modification_range_selects_what_changed_since()
    {
        Assert.Equal(["administrative-penalty-myscjgj"], Search("metadata_modified:[2024-01-01T00:00:00Z TO *]"));
        Assert.Equal(["environment-reading-mysthjj"], Search("metadata_modified:[* TO 2024-01-01T00:00:00Z]"));
        Assert.Equal(["administrative-penalty-myscjgj"], Search("metadata_modified:[2024-01-01T00:00:00Z TO NOW] -organization:mysthjj"));
    }

    [Fact]
    public void Free_text_matches_titles_and_ranks_title_hits_first()
    {
        Assert.Equal(["environment-reading-mysthjj"], Search("监测"));
        Assert.Equal(["administrative-penalty-myscjgj"], Search("双公示"));
    }

    [Theory]
    [InlineData("name asc", new[] { "administrative-penalty-myscjgj", "environment-reading-mysthjj" })]
    [InlineData("name desc", new[] { "environment-reading-mysthjj", "administrative-penalty-myscjgj" })]
    [InlineData("metadata_created asc", new[] { "environment-reading-mysthjj", "administrative-penalty-myscjgj" })]
    public void Sort_orders_by_the_named_field(string sort, string[] expected)
    {
        Assert.Equal(expected, Search(null, sort));
    }

    [Theory]
    [InlineData("colour:red")]
    [InlineData("title:\"unclosed")]
    [InlineData("organization:(a OR b")]
    public void Unknown_fields_and_unbalanced_syntax_are_refused(string q)
    {
        Assert.False(CkanQuery.Parse(q).Succeeded);
    }

    [Theory]
    [InlineData("colour asc")]
    [InlineData("name sideways")]
    public void Unknown_sort_fields_or_directions_are_refused(string sort)
    {
        Assert.False(CkanQuery.ParseSort(sort).Succeeded);
    }

    [Fact]
    public void Dataset_and_resource_ids_are_stable_version_5_uuids()
    {
        var id = DatasetIds.DatasetId("administrative-penalty-myscjgj");

        Assert.Equal(id, DatasetIds.DatasetId("administrative-penalty-myscjgj"));
        Assert.NotEqual(id, DatasetIds.DatasetId("administrative-penalty-mysthjj"));
        Assert.Equal('5', id.ToString("D")[14]);
        Assert.NotEqual(DatasetIds.ResourceId(id, "csv"), DatasetIds.ResourceId(id, "json"));
        Assert.Equal(DatasetIds.ResourceId(id, "CSV"), DatasetIds.ResourceId(id, "csv"));
    }
}
