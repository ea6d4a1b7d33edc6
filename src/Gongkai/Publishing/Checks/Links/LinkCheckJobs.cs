using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Gongkai.Publishing.Rules;
using Gongkai.Publishing;
using Gongkai.Safeguards.Links;
using Gongkai.Safeguards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Publishing.Checks.Links;

/// <summary>The payload of a one-off link check of one document.</summary>
public sealed record DocumentLinksPayload(int DocumentId);

/// <summary>Checks one document's links, scheduled when it is submitted for review (so the editor's request does not
/// wait for slow external sites).</summary>
public sealed class DocumentLinksJobHandler(GongkaiDbContext db, LinkChecker checker) : IJobHandler
{
    public const string JobKind = "safeguards.document-links";

    public string Kind => JobKind;

    public async Task HandleAsync(JobContext job, CancellationToken cancellationToken)
    {
        var id = job.PayloadAs<DocumentLinksPayload>().DocumentId;
        var document = await db.Set<Document>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is not null)
        {
            await checker.CheckAndStoreAsync([document], cancellationToken);
        }
    }
}

/// <summary>Daily, checks the links of every published document, in batches, and stores the results for the
/// broken-links dashboard.</summary>
public sealed class PublishedLinksJob(GongkaiDbContext db, LinkChecker checker, IOptions<SafeguardsOptions> options) : IRecurringJob
{
    public const int BatchSize = 200;

    public string Name => "safeguards.published-links";

    public JobSchedule Schedule => JobSchedule.DailyAt(options.Value.LinkCheckTime);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var batch in db.PublishedInBatchesAsync(BatchSize, cancellationToken))
        {
            await checker.CheckAndStoreAsync(batch, cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
