using Gongkai.OpenData.Data;
using Gongkai.OpenData.Rules;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.OpenData;

/// <summary>Record types in the database: read them, and save a system admin's edit as a new version.</summary>
public sealed class RecordTypeStore(GongkaiDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<RecordType>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Set<RecordType>().AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);

    public Task<RecordType?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        db.Set<RecordType>().AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, cancellationToken);

    /// <summary>Creates the type or replaces its schema (version + 1, the old one kept as a revision). The key of an
    /// existing type's natural key fields may not change while records exist: they identify those records.</summary>
    public async Task<Outcome<RecordType>> SaveAsync(RecordSchema schema, string actorName, CancellationToken cancellationToken = default)
    {
        var checkedSchema = SchemaText.Check(schema);
        if (!checkedSchema.Succeeded)
        {
            return checkedSchema.Refusal!;
        }

        var now = clock.GetUtcNow();
        var json = SchemaJsonFormat.Write(schema);
        var type = await db.Set<RecordType>().FirstOrDefaultAsync(t => t.Key == schema.Key, cancellationToken);
        if (type is null)
        {
            type = new RecordType { Key = schema.Key, Name = schema.Name, SchemaJson = json, UpdatedAt = now };
            db.Add(type);
        }
        else
        {
            if (!type.Schema.NaturalKey.SequenceEqual(schema.NaturalKey)
                && await db.Set<DataRecord>().AnyAsync(r => r.RecordTypeId == type.Id, cancellationToken))
            {
                return Refusal.InvalidField("naturalKey", "已有记录的类型不能更改唯一标识字段：已有记录靠它识别。");
            }

            if (type.SchemaJson == json)
            {
                return type;
            }

            type.Version++;
            type.Name = schema.Name;
            type.SchemaJson = json;
            type.UpdatedAt = now;
        }

        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            db.Add(new RecordTypeRevision { RecordTypeId = type.Id, Version = type.Version, SchemaJson = json, At = now, ActorName = actorName });
            audit.Record(OpenDataChanges.RecordTypeSaved.Name, $"record-type:{type.Key}", $"第 {type.Version} 版", actorName: actorName);
            db.RecordChange(OpenDataChanges.RecordTypeSaved, type.Key);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return type;
    }
}

/// <summary>Adds the shipped record types a database lacks (always, not only in demo mode); never changes existing ones.</summary>
internal sealed class RecordTypeSeeder : IStartupSeeder
{
    public int Order => 16;

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var existing = await db.Set<RecordType>().Select(t => t.Key).ToListAsync(cancellationToken);
        var missing = ShippedRecordTypes.All.Where(s => !existing.Contains(s.Key)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var schema in missing)
        {
            var type = new RecordType { Key = schema.Key, Name = schema.Name, SchemaJson = SchemaJsonFormat.Write(schema), UpdatedAt = now };
            db.Add(type);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var type in db.ChangeTracker.Entries<RecordType>().Select(e => e.Entity).Where(t => missing.Any(m => m.Key == t.Key)))
        {
            db.Add(new RecordTypeRevision { RecordTypeId = type.Id, Version = 1, SchemaJson = type.SchemaJson, At = now, ActorName = "系统" });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
