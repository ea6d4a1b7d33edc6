using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Transparency.Log;

/// <summary>One leaf of the public log: a published version, as the canonical JSON that was hashed. Only ever
/// inserted: no code updates or deletes a leaf, and a database trigger refuses it (see the migration
/// <c>TransparencyLog</c>).</summary>
public sealed class LogLeaf
{
    /// <summary>0-based position in the log (RFC 6962's leaf_index).</summary>
    public long LeafIndex { get; init; }

    public required string Kind { get; init; }

    public required string IndexNo { get; init; }

    public int Version { get; init; }

    /// <summary>leaf_input: UTF-8 canonical JSON.</summary>
    public required byte[] LeafInput { get; init; }

    /// <summary>SHA-256(0x00 ‖ leaf_input).</summary>
    public required byte[] LeafHash { get; init; }

    /// <summary>The change-log row whose processing appended it.</summary>
    public long SourceChangeId { get; init; }

    public DateTimeOffset AppendedAt { get; init; }
}

/// <summary>A complete perfect subtree's hash (<see cref="Rules.NodeKey"/>, packed into <see cref="Key"/>); level 0 are the
/// leaf hashes. Complete subtrees never change, so these rows are append-only like the leaves.</summary>
public sealed class LogNode
{
    public long Key { get; init; }

    public required byte[] Hash { get; init; }
}

/// <summary>A signed tree head (RFC 6962 §3.5): one per tree size signed.</summary>
public sealed class SignedTreeHead
{
    public long TreeSize { get; init; }

    /// <summary>Milliseconds since the Unix epoch, as signed.</summary>
    public long TimestampMs { get; init; }

    public required byte[] RootHash { get; init; }

    /// <summary>The TLS DigitallySigned bytes (hash 4, signature 3, length, DER).</summary>
    public required byte[] Signature { get; init; }

    /// <summary>Lower-case hex SHA-256 of the signing key's SubjectPublicKeyInfo (RFC 6962's LogID).</summary>
    public required string KeyId { get; init; }
}

internal sealed class LogTablesConfiguration :
    IEntityTypeConfiguration<LogLeaf>, IEntityTypeConfiguration<LogNode>, IEntityTypeConfiguration<SignedTreeHead>
{
    public void Configure(EntityTypeBuilder<LogLeaf> builder)
    {
        builder.ToTable("log_leaves");
        builder.HasKey(l => l.LeafIndex);
        builder.Property(l => l.LeafIndex).ValueGeneratedNever();
        builder.Property(l => l.Kind).HasMaxLength(32);
        builder.Property(l => l.IndexNo).HasMaxLength(64);
        builder.Property(l => l.LeafHash).HasMaxLength(32);
        // A replayed change-log batch must not append a version twice.
        builder.HasIndex(l => new { l.Kind, l.IndexNo, l.Version }).IsUnique();
        builder.HasIndex(l => l.LeafHash);
    }

    public void Configure(EntityTypeBuilder<LogNode> builder)
    {
        builder.ToTable("log_nodes");
        builder.HasKey(n => n.Key);
        builder.Property(n => n.Key).ValueGeneratedNever();
        builder.Property(n => n.Hash).HasMaxLength(32);
    }

    public void Configure(EntityTypeBuilder<SignedTreeHead> builder)
    {
        builder.ToTable("log_tree_heads");
        builder.HasKey(h => h.TreeSize);
        builder.Property(h => h.TreeSize).ValueGeneratedNever();
        builder.Property(h => h.RootHash).HasMaxLength(32);
        builder.Property(h => h.Signature).HasMaxLength(200);
        builder.Property(h => h.KeyId).HasMaxLength(64);
    }
}
