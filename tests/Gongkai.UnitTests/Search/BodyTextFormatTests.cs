using Gongkai.Search.Analysis;
using Gongkai.Search.Indexing;
using Gongkai.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Gongkai.UnitTests.Search;

/// <summary>The index's own format for the body text that snippets are cut from: written, merged, checked and read back.</summary>
public sealed class BodyTextFormatTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gongkai-bodytext", Guid.NewGuid().ToString("N"));

    private static readonly string[] Bodies =
    [
        "第一条 为了规范城市居民最低生活保障制度，制定本条例。",
        "",
        "第二条 持有非农业户口的城市居民，凡共同生活的家庭成员人均收入低于当地城市居民最低生活保障标准的，均有从当地人民政府获得基本生活物质帮助的权利。",
    ];

    [Theory]
    [InlineData(false)] // in memory: read through Lucene's input
    [InlineData(true)] // in the folder a serving node uses: the merged segment's own files, read through a file handle
    public void Bodies_written_in_separate_segments_read_back_exactly_after_a_merge(bool onDisk)
    {
        using var directory = onDisk ? new SearchDirectory(_folder) : (Lucene.Net.Store.Directory)new RAMDirectory();
        using var writer = new IndexWriter(directory, GenerationBuilder.Config(new ChineseBigramAnalyzer()));
        for (var i = 0; i < Bodies.Length; i++)
        {
            writer.AddDocument(SearchFields.ToLucene(Doc("doc-" + i, Bodies[i])));
            writer.Commit(); // one segment each, so the merge below goes through the format's merge path
        }

        writer.ForceMerge(1);
        using var reader = DirectoryReader.Open(writer, applyAllDeletes: true);
        var segment = Assert.Single(reader.Leaves).AtomicReader;
        ((SegmentReader)segment).CheckIntegrity();
        var values = segment.GetBinaryDocValues(SearchFields.BodyText);
        Assert.IsType<BodyTextValues>(values);
        var read = Enumerable.Range(0, segment.MaxDoc).Select(doc =>
        {
            var bytes = new BytesRef();
            values.Get(doc, bytes);
            return new string(SearchFields.BodyChars(bytes));
        });
        Assert.Equal(Bodies.Order(StringComparer.Ordinal), read.Order(StringComparer.Ordinal)); // a merge may reorder segments
        if (onDisk)
        {
            Assert.Contains(System.IO.Directory.GetFiles(_folder), f => f.EndsWith("." + BodyTextDocValuesFormat.DataExtension, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_read_fills_the_callers_buffer_when_it_is_large_enough()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, GenerationBuilder.Config(new ChineseBigramAnalyzer())))
        {
            writer.AddDocument(SearchFields.ToLucene(Doc("doc", Bodies[2])));
            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        var values = reader.Leaves[0].AtomicReader.GetBinaryDocValues(SearchFields.BodyText);
        var buffer = new byte[4096];
        var bytes = new BytesRef(buffer) { Length = 0 };
        values.Get(0, bytes);
        Assert.Same(buffer, bytes.Bytes);
        Assert.Equal(Bodies[2], new string(SearchFields.BodyChars(bytes)));
    }

    [Fact]
    public void A_search_over_several_segments_marks_matches_in_every_hit()
    {
        var name = SearchIndex.NewGenerationName();
        using (var builder = GenerationBuilder.Create(_folder, name))
        {
            builder.Add(Doc("first", Bodies[0]));
            builder.Commit(0);
        }

        SearchIndex.PublishGeneration(_folder, name);
        using var index = SearchIndex.Open(_folder);
        index.Upsert([Doc("second", Bodies[2])]); // a second segment, written by the serving node
        index.Commit(1);

        var result = index.Search(new SearchRequest("最低生活保障"), SynonymSet.Empty);
        Assert.Equal(["first", "second"], result.Items.Select(i => i.IndexNo).Order());
        Assert.All(result.Items, item => Assert.Contains("<mark>最低生活保障</mark>", item.SnippetHtml));
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
    }

    private static SearchDocument Doc(string id, string text) =>
        new(id, "城市居民最低生活保障条例" + id, null, "b1", "测试单位", [], "其他文件", "其他", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), "有效", true, text, [], "/documents/" + id);
}
