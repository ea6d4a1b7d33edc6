using Gongkai.OpenData.Data;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.OpenData.Contracts;

/// <summary>
/// How many 行政许可 and 行政处罚 decisions a body made in a year, counted from its 双公示 records, for the annual
/// report's table 二 (第二十条第（五）（六）项). A kind is answered only when the body keeps structured records of it at
/// all (a published or withdrawn record of that type, any year): a body that has never filed 双公示 records has no
/// structured source, and its figure stays a hand entry rather than a false 0. Counted: published records whose
/// 决定日期 falls in the year (a withdrawn record is one taken back, not a decision). 行政强制 has no record type, so it
/// is never answered.
/// </summary>
public sealed class DecisionRecordCounts(GongkaiDbContext db)
{
    public const string Licensing = "licensing";
    public const string Penalty = "penalty";

    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        [ShippedRecordTypes.AdministrativeLicence] = Licensing,
        [ShippedRecordTypes.AdministrativePenalty] = Penalty,
    };

    /// <summary>Kind (<see cref="Licensing"/>, <see cref="Penalty"/>) → decisions in <paramref name="year"/>, for the
    /// kinds the body keeps records of.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountAsync(int bodyId, int year, CancellationToken cancellationToken = default)
    {
        var keys = Kinds.Keys.ToList();
        var types = await db.Set<RecordType>().AsNoTracking().Where(t => keys.Contains(t.Key))
            .Select(t => new { t.Id, t.Key }).ToListAsync(cancellationToken);
        var typeIds = types.Select(t => t.Id).ToList();
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var rows = await db.Set<DataRecord>().AsNoTracking()
            .Where(r => r.BodyId == bodyId && typeIds.Contains(r.RecordTypeId)
                && (r.Status == RecordStatus.Published || r.Status == RecordStatus.Withdrawn))
            .GroupBy(r => r.RecordTypeId)
            .Select(g => new
            {
                TypeId = g.Key,
                InYear = g.Count(r => r.Status == RecordStatus.Published && r.DecisionDate >= start && r.DecisionDate <= end),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => Kinds[types.Single(t => t.Id == r.TypeId).Key], r => (long)r.InYear);
    }
}
