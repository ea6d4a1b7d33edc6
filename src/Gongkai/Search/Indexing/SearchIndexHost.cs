using Gongkai.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Gongkai.Search.Indexing;

/// <summary>
/// Keeps the node's index current outside requests: on start it catches up from the index's own position (a node
/// that was down, or an index folder that was lost, rebuilds or replays), and every few seconds it checks whether a
/// <c>reindex</c> published a new generation, catches that one up and switches to it. Between those, the change-log
/// follower applies new rows as they come.
/// </summary>
internal sealed class SearchIndexHost(
    SearchIndex index,
    IServiceScopeFactory scopes,
    IOptions<JobsOptions> jobs,
    IOptions<SearchOptions> options,
    ILogger<SearchIndexHost> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!jobs.Value.Enabled)
        {
            return;
        }

        var started = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!started)
                {
                    await CatchUpOnStartAsync(stoppingToken);
                    started = true;
                }

                await SwitchToPublishedGenerationAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Search index maintenance failed; retrying.");
            }

            try
            {
                await Task.Delay(options.Value.GenerationCheckInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task CatchUpOnStartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Synonyms.SynonymCache>().ReloadAsync(cancellationToken);
        if (index.Position == 0)
        {
            // A new or lost index: building from the published documents is quicker than replaying the whole log.
            var outcome = await scope.ServiceProvider.GetRequiredService<Reindexer>().RebuildAsync(cancellationToken);
            logger.LogInformation("Search index built: {Documents} documents in {Elapsed}.", outcome.Documents, outcome.Elapsed);
            await SwitchToPublishedGenerationAsync(cancellationToken);
            return;
        }

        await scope.ServiceProvider.GetRequiredService<IndexUpdater>().CatchUpAsync(cancellationToken);
    }

    private async Task SwitchToPublishedGenerationAsync(CancellationToken cancellationToken)
    {
        if (!index.NewerGenerationPublished(out var name))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var updater = scope.ServiceProvider.GetRequiredService<IndexUpdater>();
        await index.WriteLock.WaitAsync(cancellationToken);
        try
        {
            if (index.NewerGenerationPublished(out name))
            {
                index.SwitchTo(name);
                await updater.CatchUpWhileLockedAsync(cancellationToken);
                logger.LogInformation("Search index switched to generation {Generation} at position {Position}.", name, index.Position);
            }
        }
        finally
        {
            index.WriteLock.Release();
        }
    }
}
