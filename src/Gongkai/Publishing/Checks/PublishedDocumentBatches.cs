using System.Runtime.CompilerServices;
using Gongkai.Platform.Data;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Checks;

/// <summary>Every published document, in id order, a batch at a time (keyset paging, untracked), for the checks that
/// walk all of them: the link check and the scan for personal data. The next batch is read after the caller has
/// finished with the previous one, so a caller may clear its change tracker in between.</summary>
internal static class PublishedDocumentBatches
{
    public static async IAsyncEnumerable<List<Document>> PublishedInBatchesAsync(this GongkaiDbContext db, int batchSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var lastId = 0;
        while (true)
        {
            var batch = await db.Set<Document>().AsNoTracking()
                .Where(d => d.Status == DocumentStatus.Published && d.Id > lastId)
                .OrderBy(d => d.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                yield break;
            }

            yield return batch;
            lastId = batch[^1].Id;
        }
    }
}
