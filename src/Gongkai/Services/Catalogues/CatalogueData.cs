using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Services.Catalogues;

/// <summary>A standard catalogue an operator added or changed through the API. Shipped templates live in the assembly
/// (<c>standard-catalogues.json</c>); a row here with the same code replaces the shipped one, any other code adds one.</summary>
public sealed class StoredStandardCatalogue
{
    public int Id { get; set; }

    public required string Code { get; set; }

    /// <summary>The <see cref="Rules.StandardCatalogue"/> as JSON.</summary>
    public required string Json { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

/// <summary>A standard catalogue instantiated into a body's 主动公开基本目录: when, by whom, and the group node.</summary>
public sealed class CatalogueInstance
{
    public int Id { get; set; }

    public int BodyId { get; set; }

    public required string TemplateCode { get; set; }

    /// <summary>The template's title when instantiated (the group node's name).</summary>
    public required string Title { get; set; }

    public DateTimeOffset InstantiatedAt { get; set; }

    public required string InstantiatedBy { get; set; }
}

/// <summary>One template item placed in the body's catalogue: the node that holds it, its time limit as the template
/// stated it, and the day it was listed (the gap clock starts there).</summary>
public sealed class CatalogueInstanceItem
{
    public int Id { get; set; }

    public int InstanceId { get; set; }

    public int BodyId { get; set; }

    public required string ItemName { get; set; }

    public int CatalogueNodeId { get; set; }

    public required string TimeLimit { get; set; }

    public DateOnly ListedOn { get; set; }
}

/// <summary>A supervising department's 考核 of one of its public enterprises or institutions for a year.</summary>
public sealed class UnitAssessment
{
    public int Id { get; set; }

    public int UnitBodyId { get; set; }

    public int SupervisorBodyId { get; set; }

    public int Year { get; set; }

    public int Score { get; set; }

    public int SuggestedScore { get; set; }

    public required string Grade { get; set; }

    public string Comment { get; set; } = "";

    public DateTimeOffset RatedAt { get; set; }

    public required string RatedBy { get; set; }
}

/// <summary>A citizen's complaint about a unit's disclosure, delivered to the unit's supervising department.</summary>
public sealed class DisclosureComplaint
{
    public int Id { get; set; }

    public int UnitBodyId { get; set; }

    public int SupervisorBodyId { get; set; }

    public required string Name { get; set; }

    public required string Contact { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The department's answer; null while open.</summary>
    public string? Reply { get; set; }

    public DateTimeOffset? RepliedAt { get; set; }

    public string? RepliedBy { get; set; }
}

internal sealed class CatalogueDataConfiguration :
    IEntityTypeConfiguration<StoredStandardCatalogue>, IEntityTypeConfiguration<CatalogueInstance>, IEntityTypeConfiguration<CatalogueInstanceItem>,
    IEntityTypeConfiguration<UnitAssessment>, IEntityTypeConfiguration<DisclosureComplaint>
{
    public void Configure(EntityTypeBuilder<StoredStandardCatalogue> builder)
    {
        builder.ToTable("standard_catalogues");
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.Property(c => c.UpdatedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<CatalogueInstance> builder)
    {
        builder.ToTable("catalogue_instances");
        builder.HasIndex(i => new { i.BodyId, i.TemplateCode }).IsUnique();
        builder.Property(i => i.TemplateCode).HasMaxLength(40);
        builder.Property(i => i.Title).HasMaxLength(50);
        builder.Property(i => i.InstantiatedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<CatalogueInstanceItem> builder)
    {
        builder.ToTable("catalogue_instance_items");
        builder.HasIndex(i => new { i.InstanceId, i.ItemName }).IsUnique();
        builder.HasIndex(i => i.BodyId);
        builder.Property(i => i.ItemName).HasMaxLength(50);
        builder.Property(i => i.TimeLimit).HasMaxLength(200);
        builder.HasOne<CatalogueInstance>().WithMany().HasForeignKey(i => i.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<UnitAssessment> builder)
    {
        builder.ToTable("unit_assessments");
        builder.HasIndex(a => new { a.UnitBodyId, a.Year });
        builder.Property(a => a.Grade).HasMaxLength(10);
        builder.Property(a => a.Comment).HasMaxLength(1000);
        builder.Property(a => a.RatedBy).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<DisclosureComplaint> builder)
    {
        builder.ToTable("disclosure_complaints");
        builder.HasIndex(c => new { c.SupervisorBodyId, c.ReceivedAt });
        builder.Property(c => c.Name).HasMaxLength(50);
        builder.Property(c => c.Contact).HasMaxLength(100);
        builder.Property(c => c.Text).HasMaxLength(2000);
        builder.Property(c => c.Reply).HasMaxLength(2000);
        builder.Property(c => c.RepliedBy).HasMaxLength(100);
    }
}
