using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Requests;

/// <summary>A remembered idempotency key (<see cref="Rules.FilingKey"/>): the application it filed, for a day.</summary>
public sealed class RequestFilingKeyRecord
{
    public int Id { get; set; }

    /// <summary>SHA-256 of the client's key, hex; never the key itself.</summary>
    public required string KeyHash { get; set; }

    /// <summary>SHA-256 of what was filed with the key.</summary>
    public required string Fingerprint { get; set; }

    public int RequestId { get; set; }

    public DisclosureRequest? Request { get; set; }

    /// <summary>The query code sealed under the client's key.</summary>
    public required byte[] SealedCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class RequestFilingKeyRecordConfiguration : IEntityTypeConfiguration<RequestFilingKeyRecord>
{
    public void Configure(EntityTypeBuilder<RequestFilingKeyRecord> builder)
    {
        builder.ToTable("disclosure_request_filing_keys");
        builder.Property(k => k.KeyHash).HasMaxLength(64);
        builder.Property(k => k.Fingerprint).HasMaxLength(64);
        builder.HasIndex(k => k.KeyHash).IsUnique();
        builder.HasIndex(k => k.CreatedAt);
        builder.HasOne(k => k.Request).WithMany().HasForeignKey(k => k.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
