using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.OpenData.Data;

/// <summary>
/// A dataset of the catalogue (a CKAN package, a dcat:Dataset): one per record type and body that has published
/// records, or one per staff-published file dataset (<see cref="FileDatasetId"/>, its published version), refreshed in the unit of work that publishes, corrects or withdraws one of them. Kept as a row (not
/// computed per query) so the catalogue, <c>package_search</c> and DCAT read one small table.
/// </summary>
public sealed class OpenDataset
{
    /// <summary>CKAN's <c>id</c>: stable, derived from the name (<see cref="Rules.DatasetIds"/>).</summary>
    public Guid Id { get; set; }

    /// <summary>CKAN's <c>name</c> (URL slug): <c>{type}-{body code}</c>.</summary>
    public required string Name { get; set; }

    public required string Title { get; set; }

    public string Notes { get; set; } = "";

    /// <summary>The record type the dataset is made from; null for a file dataset.</summary>
    public int? RecordTypeId { get; set; }

    /// <summary>The staff-published file dataset this row catalogues; null for a dataset made from records.</summary>
    public int? FileDatasetId { get; set; }

    public int BodyId { get; set; }

    public string Theme { get; set; } = "";

    /// <summary>Keywords (CKAN tags), separated by commas.</summary>
    public string Keywords { get; set; } = "";

    public string UpdateFrequency { get; set; } = "";

    /// <summary>开放属性: 无条件开放 or 有条件开放.</summary>
    public string OpenCondition { get; set; } = "无条件开放";

    public string LicenceId { get; set; } = "cc-by";

    /// <summary>联系方式 given with a file dataset; empty for record datasets (the body's own contacts are shown).</summary>
    public string Contact { get; set; } = "";

    public int RecordCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>CKAN's metadata_modified: the last publication, correction or withdrawal of one of its records.</summary>
    public DateTimeOffset ModifiedAt { get; set; }
}

internal sealed class OpenDatasetConfiguration : IEntityTypeConfiguration<OpenDataset>
{
    public void Configure(EntityTypeBuilder<OpenDataset> builder)
    {
        builder.ToTable("open_datasets");
        builder.HasIndex(d => d.Name).IsUnique();
        builder.HasIndex(d => new { d.RecordTypeId, d.BodyId }).IsUnique();
        builder.HasIndex(d => d.FileDatasetId).IsUnique();
        builder.Property(d => d.Contact).HasMaxLength(200);
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.Theme).HasMaxLength(50);
        builder.Property(d => d.Keywords).HasMaxLength(500);
        builder.Property(d => d.UpdateFrequency).HasMaxLength(20);
        builder.Property(d => d.OpenCondition).HasMaxLength(20);
        builder.Property(d => d.LicenceId).HasMaxLength(40);
    }
}
