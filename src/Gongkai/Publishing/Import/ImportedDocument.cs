using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Publishing.Import;

/// <summary>Which document a source file became, so that importing the same folder again updates instead of
/// duplicating. Keyed on the body and the SHA-256 of the source key (<see cref="ImportSource"/>).</summary>
public sealed class ImportedDocument
{
    public int Id { get; set; }

    public int BodyId { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="SourceKey"/>.</summary>
    public required string KeyHash { get; set; }

    /// <summary>The front matter's <c>source</c>, or the file's path relative to the imported folder.</summary>
    public required string SourceKey { get; set; }

    public int DocumentId { get; set; }

    /// <summary>Hash of what was imported last (metadata, text and category): equal means unchanged.</summary>
    public required string ContentHash { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ImportedDocumentConfiguration : IEntityTypeConfiguration<ImportedDocument>
{
    public void Configure(EntityTypeBuilder<ImportedDocument> builder)
    {
        builder.ToTable("document_imports");
        builder.HasKey(i => i.Id);
        builder.HasIndex(i => new { i.BodyId, i.KeyHash }).IsUnique();
        builder.Property(i => i.KeyHash).HasMaxLength(64);
        builder.Property(i => i.SourceKey).HasMaxLength(1000);
        builder.Property(i => i.ContentHash).HasMaxLength(64);
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(i => i.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Document>().WithMany().HasForeignKey(i => i.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
