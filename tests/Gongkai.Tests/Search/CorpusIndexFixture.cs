using Gongkai.Organizations;
using System.Diagnostics;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Import;
using Gongkai.Search;
using Gongkai.Search.Indexing;
using Gongkai.Search.Synonyms;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Search;

/// <summary>
/// The law corpus as production gets it: the <c>import</c> verb's importer writes every file into the database as a
/// published document, then the search projection builds the index from the database (what <c>reindex</c> and a new
/// node do). Background work is off, so nothing else writes the index meanwhile. Shared by the tests of a class.
/// </summary>
public sealed class CorpusIndexFixture : IAsyncLifetime
{
    private readonly CorpusHost _host = new();

    public bool Available { get; private set; }

    public ImportSummary? Import { get; private set; }

    public int IndexedDocuments { get; private set; }

    public TimeSpan ImportTime { get; private set; }

    public TimeSpan IndexingTime { get; private set; }

    /// <summary>The search key (what a hit's <c>IndexNo</c> holds) of each imported file, by its path relative to the corpus folder.</summary>
    public IReadOnlyDictionary<string, string> IdByPath { get; private set; } = new Dictionary<string, string>();

    public SearchService Search => _host.Services.GetRequiredService<SearchService>();

    public IServiceProvider Services => _host.Services;

    public async ValueTask InitializeAsync()
    {
        Available = Directory.Exists(LawCorpus.Folder);
        if (!Available)
        {
            return;
        }

        await using var scope = _host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GongkaiDbContext>();
        var body = ImportCommand.FindBody(await new BodyDirectory(db).LoadAsync(), code: null)
            ?? throw new InvalidOperationException("the seeded database has no top-level government to import into");
        var watch = Stopwatch.StartNew();
        Import = await services.GetRequiredService<DocumentImporter>().ImportAsync(LawCorpus.Folder, body);
        ImportTime = watch.Elapsed;

        watch.Restart();
        IndexedDocuments = (await services.GetRequiredService<Reindexer>().RebuildAsync(CancellationToken.None)).Documents;
        IndexingTime = watch.Elapsed;

        // The serving index switches to the new generation as SearchIndexHost does after a reindex.
        var index = services.GetRequiredService<SearchIndex>();
        if (index.NewerGenerationPublished(out var generation))
        {
            index.SwitchTo(generation);
        }

        Assert.Equal(IndexedDocuments, index.DocumentCount);
        await services.GetRequiredService<SynonymCache>().ReloadAsync(CancellationToken.None);

        // The importer keeps each file's source key (front matter "source", e.g. "LawRefBook/Laws:行政法/…md", or the
        // relative path); the judgments name relative paths.
        var imports = await db.Set<ImportedDocument>().AsNoTracking()
            .Join(db.Set<Document>().AsNoTracking(), i => i.DocumentId, d => d.Id, (i, d) => new { i.SourceKey, d.IndexNo })
            .ToListAsync();
        var byPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var import in imports)
        {
            if (import.IndexNo is { } indexNo)
            {
                byPath.TryAdd(import.SourceKey[(import.SourceKey.IndexOf(':', StringComparison.Ordinal) + 1)..], indexNo);
            }
        }

        IdByPath = byPath;
    }

    public ValueTask DisposeAsync()
    {
        _host.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class CorpusHost : GongkaiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Gongkai:Jobs:Enabled"] = "false" };
    }
}
