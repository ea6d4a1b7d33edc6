using Gongkai.Calendar;
using Gongkai.OpenData.Data;
using Gongkai.OpenData.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Time;
using Gongkai.Safeguards;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.OpenData;

/// <summary>
/// The one place where a record becomes public or changes publicly (like <c>DocumentPublisher</c> for documents):
/// masks personal data (ID-number and person-name fields always; text fields through the safeguards), snapshots an
/// immutable version, writes the audit row and the change-log row in the caller's unit of work, and refreshes the
/// dataset the record belongs to.
/// </summary>
public sealed class RecordPublisher(GongkaiDbContext db, AuditLog audit, TimeProvider clock, SafeguardsProfileCache safeguards, BodyDirectory bodies)
{
    /// <summary>The public form of <paramref name="values"/>: personal fields masked, text fields checked.</summary>
    public async Task<Dictionary<string, string>> MaskAsync(RecordSchema schema, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
    {
        var profile = await safeguards.GetAsync(db, cancellationToken);
        var today = ChinaTime.Today(clock);
        var masked = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            var field = schema.Field(key);
            masked[key] = field?.Type switch
            {
                FieldType.IdNumber => profile.Masker.Mask(FindingKind.IdNumber, value),
                FieldType.PersonName => profile.Masker.Mask(FindingKind.PersonName, value),
                FieldType.Text or FieldType.LongText => SafeguardsChecker.Check(value, null, profile, today).Masked,
                _ => value,
            };
        }

        return masked;
    }

    /// <summary>Publishes the record's values (first publication or, with <paramref name="reason"/>, a correction), unsaved.</summary>
    public async Task MarkPublishedAsync(DataRecord record, RecordSchema schema, string? reason, string? actorId, string? actorName, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var values = SchemaJsonFormat.ReadValues(record.ValuesJson);
        var masked = await MaskAsync(schema, values, cancellationToken);
        var publicJson = SchemaJsonFormat.WriteValues(masked);
        if (masked.GetValueOrDefault(schema.TitleField) is { Length: > 0 and <= 200 } title)
        {
            // The title is shown publicly: take it from the masked values.
            record.Title = title;
        }

        var first = record.Status != RecordStatus.Published;
        record.CurrentVersion++;
        record.Status = RecordStatus.Published;
        record.PublicValuesJson = publicJson;
        record.PublishedAt = now;
        record.FirstPublishedAt ??= now;
        record.UpdatedAt = now;
        var kind = first ? DataRecordVersion.Published : DataRecordVersion.Corrected;
        db.Add(new DataRecordVersion
        {
            RecordId = record.Id,
            Number = record.CurrentVersion,
            Kind = kind,
            Title = record.Title,
            PublicValuesJson = publicJson,
            PublishedAt = now,
            Reason = first ? null : reason,
            ActorName = actorName,
        });
        var change = first ? OpenDataChanges.RecordPublished : OpenDataChanges.RecordCorrected;
        audit.Record(change.Name, Target(record), first ? record.Title : $"{record.Title}：{reason}", bodyId: record.BodyId, actorName: actorName, actorId: actorId);
        db.RecordChange(change, Id(record), record.BodyId);
    }

    public void MarkWithdrawn(DataRecord record, string reason, string? actorId, string? actorName)
    {
        var now = clock.GetUtcNow();
        record.Status = RecordStatus.Withdrawn;
        record.WithdrawalReason = reason;
        record.WithdrawnAt = now;
        record.UpdatedAt = now;
        record.PendingValuesJson = null;
        audit.Record(OpenDataChanges.RecordWithdrawn.Name, Target(record), reason, bodyId: record.BodyId, actorName: actorName, actorId: actorId);
        db.RecordChange(OpenDataChanges.RecordWithdrawn, Id(record), record.BodyId);
    }

    /// <summary>Brings the dataset of (type, body) in line with its published records: created at the first, its
    /// count and modification time kept, emptied (count 0, no longer listed) when the last is withdrawn. Call after
    /// the records' changes are saved, in the same transaction.</summary>
    public async Task RefreshDatasetAsync(RecordType type, int bodyId, CancellationToken cancellationToken = default)
    {
        var count = await db.Set<DataRecord>().CountAsync(r => r.RecordTypeId == type.Id && r.BodyId == bodyId && r.Status == RecordStatus.Published, cancellationToken);
        var dataset = await db.Set<OpenDataset>().FirstOrDefaultAsync(d => d.RecordTypeId == type.Id && d.BodyId == bodyId, cancellationToken);
        var now = clock.GetUtcNow();
        if (dataset is null)
        {
            if (count == 0)
            {
                return;
            }

            var body = await bodies.FindAsync(bodyId, cancellationToken) ?? throw new InvalidOperationException($"Body {bodyId} does not exist.");
            var schema = type.Schema;
            var name = DatasetIds.DatasetName(type.Key, body.Code);
            dataset = new OpenDataset
            {
                Id = DatasetIds.DatasetId(name),
                Name = name,
                Title = $"{body.Name}{schema.Name}",
                Notes = schema.Description,
                RecordTypeId = type.Id,
                BodyId = bodyId,
                Theme = schema.Theme,
                Keywords = string.Join(",", new[] { schema.Name, schema.Theme }.Where(k => k.Length > 0).Distinct()),
                UpdateFrequency = schema.UpdateFrequency,
                CreatedAt = now,
            };
            db.Add(dataset);
        }

        dataset.RecordCount = count;
        dataset.ModifiedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string Id(DataRecord record) => record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Target(DataRecord record) => $"data-record:{Id(record)}";
}
