using System.Diagnostics;
using Gongkai.Platform.Data;

namespace Gongkai.Search.Indexing;

/// <summary>
/// Rebuilds the index from the database into a new generation while the current one keeps serving, then publishes
/// it. The new generation records the change-log position read before the rebuild started, so the serving process
/// applies whatever changed meanwhile before it switches (see <see cref="SearchIndexHost"/>).
/// </summary>
public sealed class Reindexer(SearchProjection projection, ChangeLogReader log, SearchIndexLocation location)
{
    public sealed record Outcome(string Generation, int Documents, long Position, TimeSpan Elapsed);

    public async Task<Outcome> RebuildAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var position = await log.LatestAsync(cancellationToken);
        var name = SearchIndex.NewGenerationName();
        var count = 0;
        System.IO.Directory.CreateDirectory(location.Root);
        using (var builder = GenerationBuilder.Create(location.Root, name))
        {
            await foreach (var document in projection.AllPublishedAsync(cancellationToken))
            {
                builder.Add(document);
                count++;
            }

            builder.Commit(position);
        }

        SearchIndex.PublishGeneration(location.Root, name);
        return new Outcome(name, count, position, watch.Elapsed);
    }
}

/// <summary>Where this node keeps its index: <c>Gongkai:Search:IndexFolder</c>, relative to the data folder.</summary>
public sealed record SearchIndexLocation(string Root);
