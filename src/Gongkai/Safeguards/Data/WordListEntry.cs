using Gongkai.Safeguards.Wording;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Safeguards.Data;

/// <summary>One stored entry of the admin-editable word lists (mis-writings, outdated names, formulations, sensitive words).</summary>
public sealed class WordListEntry
{
    public int Id { get; set; }

    public WordingListKind Kind { get; set; }

    public required string Pattern { get; set; }

    public string Replacement { get; set; } = "";

    /// <summary>For outdated names: the renaming date; documents dated before it may use the old name.</summary>
    public DateOnly? EffectiveFrom { get; set; }

    public string Note { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    public WordingRule ToRule() => new(Kind, Pattern, Replacement, EffectiveFrom, Note);
}

internal sealed class WordListEntryConfiguration : IEntityTypeConfiguration<WordListEntry>
{
    public void Configure(EntityTypeBuilder<WordListEntry> builder)
    {
        builder.ToTable("safeguard_word_list");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Pattern).HasMaxLength(100);
        builder.Property(e => e.Replacement).HasMaxLength(200);
        builder.Property(e => e.Note).HasMaxLength(200);
        builder.Property(e => e.UpdatedBy).HasMaxLength(100);
        builder.HasIndex(e => new { e.Kind, e.Pattern }).IsUnique();
    }
}
