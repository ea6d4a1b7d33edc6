using System.Text.Json;
using System.Text.Json.Serialization;
using Gongkai.OpenData.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.OpenData.Data;

/// <summary>A record type as stored: its current schema (JSON of <see cref="RecordSchema"/>) and version; every
/// edit adds a <see cref="RecordTypeRevision"/>, so what a record was validated against can be read back.</summary>
public sealed class RecordType
{
    public int Id { get; set; }

    public required string Key { get; set; }

    public required string Name { get; set; }

    public int Version { get; set; } = 1;

    public required string SchemaJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public RecordSchema Schema => SchemaJsonFormat.Read(SchemaJson);
}

/// <summary>One version of a record type's schema, kept when it was replaced.</summary>
public sealed class RecordTypeRevision
{
    public int Id { get; init; }

    public int RecordTypeId { get; init; }

    public int Version { get; init; }

    public required string SchemaJson { get; init; }

    public DateTimeOffset At { get; init; }

    public string? ActorName { get; init; }
}

/// <summary>How schemas are written as JSON (the database and <c>GET /api/v1/record-types</c>).</summary>
public static class SchemaJsonFormat
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(RecordSchema schema) => JsonSerializer.Serialize(schema, Options);

    public static RecordSchema Read(string json) =>
        JsonSerializer.Deserialize<RecordSchema>(json, Options) ?? throw new InvalidOperationException("A stored record schema is empty.");

    public static string WriteValues(IReadOnlyDictionary<string, string> values) => JsonSerializer.Serialize(values, Options);

    public static Dictionary<string, string> ReadValues(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json, Options) ?? [];
}

internal sealed class RecordTypeConfiguration : IEntityTypeConfiguration<RecordType>, IEntityTypeConfiguration<RecordTypeRevision>
{
    public void Configure(EntityTypeBuilder<RecordType> builder)
    {
        builder.ToTable("record_types");
        builder.HasIndex(t => t.Key).IsUnique();
        builder.Property(t => t.Key).HasMaxLength(40);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Ignore(t => t.Schema);
    }

    public void Configure(EntityTypeBuilder<RecordTypeRevision> builder)
    {
        builder.ToTable("record_type_revisions");
        builder.HasIndex(r => new { r.RecordTypeId, r.Version }).IsUnique();
        builder.Property(r => r.ActorName).HasMaxLength(100);
    }
}
