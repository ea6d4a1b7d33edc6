using Gongkai.Search.Indexing;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Search;

/// <summary>One writer per index folder: a second open fails at once with a clear message instead of sharing the
/// serving generation, and closing the first lets the next one in.</summary>
[Trait(TestTraits.Database, TestTraits.Once)]
public sealed class SearchIndexOwnershipTests
{
    [Fact]
    public void A_second_open_of_the_same_index_fails_fast_and_the_index_is_free_again_after_close()
    {
        var root = Path.Combine(Path.GetTempPath(), "gongkai-owner-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (var first = SearchIndex.Open(root))
            {
                var refusal = Assert.Throws<SearchIndexInUseException>(() => SearchIndex.Open(root));
                Assert.Contains("正被另一个进程使用", refusal.Message, StringComparison.Ordinal);
                Assert.Equal(0, first.DocumentCount);
            }

            using var reopened = SearchIndex.Open(root);
            Assert.Equal(0, reopened.Position);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
