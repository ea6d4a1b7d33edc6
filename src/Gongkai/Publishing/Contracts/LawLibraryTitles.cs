using Gongkai.Platform.Data;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Contracts;

/// <summary>A law of the library found by a cited title: its page and its 时效性.</summary>
public sealed record LawLibraryMatch(string CitedTitle, string Title, string Url, string? Status);

/// <summary>
/// Finds laws of the law and policy library (政策法规库, the reference documents) by the titles other modules cite, e.g. a
/// 设定依据 naming 《中华人民共和国行政许可法》. A title matches a law when both give the same version key (the title without
/// the country's name, spaces and brackets: what makes texts versions of one law); of its versions the one in force is
/// preferred, then one not yet in force, then the newest. Titles the library does not hold are left out of the answer.
/// </summary>
public sealed class LawLibraryTitles(GongkaiDbContext db)
{
    /// <summary>Keys per query: well under every provider's parameter limit.</summary>
    private const int Chunk = 500;

    public async Task<IReadOnlyDictionary<string, LawLibraryMatch>> FindAsync(IEnumerable<string> citedTitles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(citedTitles);
        var byKey = citedTitles.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal)
            .GroupBy(ReferenceClassification.VersionKey, StringComparer.Ordinal).Where(g => g.Key.Length > 0)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var result = new Dictionary<string, LawLibraryMatch>(StringComparer.Ordinal);
        foreach (var keys in byKey.Keys.Chunk(Chunk))
        {
            var rows = await db.Set<Document>().AsNoTracking()
                .Where(d => d.Kind == DocumentKind.Reference && d.Status == DocumentStatus.Published && d.LawKey != null && keys.Contains(d.LawKey))
                .Select(d => new { LawKey = d.LawKey ?? "", IndexNo = d.IndexNo ?? "", d.Title, d.LegalStatus, d.SignedOn, d.Id })
                .ToListAsync(cancellationToken);
            foreach (var law in rows.Where(r => r.IndexNo.Length > 0).GroupBy(r => r.LawKey))
            {
                var best = law.OrderBy(r => Preference(r.LegalStatus)).ThenByDescending(r => r.SignedOn).ThenByDescending(r => r.Id).First();
                foreach (var cited in byKey[law.Key])
                {
                    result[cited] = new LawLibraryMatch(cited, best.Title, DocumentSummary.DocumentUrl(best.IndexNo), best.LegalStatus);
                }
            }
        }

        return result;
    }

    /// <summary>In force (or unstated) first, then not yet in force, then amended, then repealed.</summary>
    private static int Preference(string? status) => status switch
    {
        null or ReferenceClassification.InForce => 0,
        ReferenceClassification.NotYetInForce => 1,
        ReferenceClassification.Amended => 2,
        _ => 3,
    };
}
