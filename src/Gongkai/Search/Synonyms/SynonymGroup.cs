using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Search.Synonyms;

/// <summary>Words a searcher may use for one another (低保，最低生活保障), edited by staff at /admin/search/synonyms.</summary>
public sealed class SynonymGroup
{
    public int Id { get; set; }

    /// <summary>Two or more words separated by "，".</summary>
    public required string Words { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public IReadOnlyList<string> WordList => Split(Words);

    public static IReadOnlyList<string> Split(string? words) =>
        (words ?? "").Split([',', '，', '、', ';', '；', ' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
}

internal sealed class SynonymGroupConfiguration : IEntityTypeConfiguration<SynonymGroup>
{
    public void Configure(EntityTypeBuilder<SynonymGroup> builder)
    {
        builder.ToTable("search_synonyms");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Words).HasMaxLength(300);
        builder.Property(s => s.UpdatedBy).HasMaxLength(100);
        builder.Ignore(s => s.WordList);
    }
}
