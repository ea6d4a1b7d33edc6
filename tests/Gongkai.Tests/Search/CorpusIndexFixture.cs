using System.Diagnostics;
using Gongkai.Search.Indexing;

namespace Gongkai.Tests.Search;

/// <summary>The whole law corpus indexed once into a temporary folder, shared by the tests of a class.</summary>
public sealed class CorpusIndexFixture : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gongkai-search-corpus", Guid.NewGuid().ToString("N"));

    public CorpusIndexFixture()
    {
        var watch = Stopwatch.StartNew();
        var name = SearchIndex.NewGenerationName();
        using (var builder = GenerationBuilder.Create(_root, name))
        {
            foreach (var document in LawCorpus.Read(LawCorpus.Folder))
            {
                builder.Add(document);
                DocumentCount++;
            }

            builder.Commit(0);
        }

        SearchIndex.PublishGeneration(_root, name);
        Index = SearchIndex.Open(_root);
        IndexingTime = watch.Elapsed;
    }

    public SearchIndex Index { get; }

    public int DocumentCount { get; }

    public TimeSpan IndexingTime { get; }

    public void Dispose()
    {
        Index.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
