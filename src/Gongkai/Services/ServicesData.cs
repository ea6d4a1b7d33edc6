using Gongkai.Services.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Services;

/// <summary>A list (清单) owned by a body: its kind (the columns, <see cref="ListKinds"/>) and title. Its content lives
/// only in versions.</summary>
public sealed class ServiceList
{
    public int Id { get; set; }

    public int BodyId { get; set; }

    /// <summary>A <see cref="ListKind.Code"/>: power | fee | certification | one-visit | fully-online.</summary>
    public required string Kind { get; set; }

    public required string Title { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public bool IsDemo { get; set; }
}

/// <summary>One adjustment of a list: the whole list as adopted, the date it takes effect and why (机构改革, 法律修改 …).
/// Never changed once saved; a correction is a new version.</summary>
public sealed class ServiceListVersion : IDatedVersion
{
    public int Id { get; set; }

    public int ListId { get; set; }

    /// <summary>1, 2, 3 … in order of adoption.</summary>
    public int Number { get; set; }

    public DateOnly EffectiveOn { get; set; }

    public required string Reason { get; set; }

    /// <summary>The items as a JSON array of objects keyed by column key, in the list's order.</summary>
    public required string ItemsJson { get; set; }

    public int ItemCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}

/// <summary>A 办事指南 for one service item of a body. Its content lives only in versions.</summary>
public sealed class ServiceGuide
{
    public int Id { get; set; }

    public int BodyId { get; set; }

    /// <summary>The item's name as in the latest version, kept here for lists and search.</summary>
    public required string ItemName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public bool IsDemo { get; set; }
}

/// <summary>One version of a guide: approved on a date, effective on a date, to be public by the working day after the
/// approval. Saved unpublished; publishing stamps <see cref="PublishedAt"/> and nothing of it changes afterwards.</summary>
public sealed class ServiceGuideVersion : IDatedVersion
{
    public int Id { get; set; }

    public int GuideId { get; set; }

    public int Number { get; set; }

    /// <summary>The <see cref="GuideContent"/> as JSON.</summary>
    public required string ContentJson { get; set; }

    public DateOnly ApprovedOn { get; set; }

    public DateOnly EffectiveOn { get; set; }

    /// <summary>Approval + 1 working day on the site's calendar when the version was saved.</summary>
    public DateOnly PublishBy { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>Concurrency token: two staff members publishing at once get a conflict, not two publications.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class ServiceListConfiguration : IEntityTypeConfiguration<ServiceList>
{
    public void Configure(EntityTypeBuilder<ServiceList> builder)
    {
        builder.ToTable("service_lists");
        builder.Property(l => l.Kind).HasMaxLength(24);
        builder.Property(l => l.Title).HasMaxLength(200);
        builder.Property(l => l.CreatedBy).HasMaxLength(128);
        builder.HasIndex(l => l.BodyId);
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(l => l.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceListVersionConfiguration : IEntityTypeConfiguration<ServiceListVersion>
{
    public void Configure(EntityTypeBuilder<ServiceListVersion> builder)
    {
        builder.ToTable("service_list_versions");
        builder.Property(v => v.Reason).HasMaxLength(1000);
        builder.Property(v => v.CreatedBy).HasMaxLength(128);
        builder.HasIndex(v => new { v.ListId, v.Number }).IsUnique();
        builder.HasOne<ServiceList>().WithMany().HasForeignKey(v => v.ListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceGuideConfiguration : IEntityTypeConfiguration<ServiceGuide>
{
    public void Configure(EntityTypeBuilder<ServiceGuide> builder)
    {
        builder.ToTable("service_guides");
        builder.Property(g => g.ItemName).HasMaxLength(200);
        builder.Property(g => g.CreatedBy).HasMaxLength(128);
        builder.HasIndex(g => g.BodyId);
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(g => g.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceGuideVersionConfiguration : IEntityTypeConfiguration<ServiceGuideVersion>
{
    public void Configure(EntityTypeBuilder<ServiceGuideVersion> builder)
    {
        builder.ToTable("service_guide_versions");
        builder.Property(v => v.CreatedBy).HasMaxLength(128);
        builder.Property(v => v.PublishedBy).HasMaxLength(128);
        builder.Property(v => v.UpdatedAt).IsConcurrencyToken();
        builder.HasIndex(v => new { v.GuideId, v.Number }).IsUnique();
        // The overdue dashboard reads unpublished versions by publish-by.
        builder.HasIndex(v => new { v.PublishedAt, v.PublishBy });
        builder.HasOne<ServiceGuide>().WithMany().HasForeignKey(v => v.GuideId).OnDelete(DeleteBehavior.Cascade);
    }
}
