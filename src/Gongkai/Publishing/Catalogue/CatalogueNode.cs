using Gongkai.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Publishing.Catalogue;

/// <summary>
/// One item of a body's 主动公开基本目录: a column of its 信息公开 section. Each item states what is published there
/// (content), who is responsible (主体), the time limit (时限), the carriers (载体) and how often it is expected to be
/// updated. A node that documents use can be hidden but not deleted.
/// </summary>
public sealed class CatalogueNode
{
    public int Id { get; set; }

    public int BodyId { get; set; }

    public Body? Body { get; set; }

    /// <summary>Null for a top-level node.</summary>
    public int? ParentId { get; set; }

    public required string Name { get; set; }

    /// <summary>Position among siblings, ascending.</summary>
    public int Order { get; set; }

    /// <summary>公开内容: what the item contains.</summary>
    public string Content { get; set; } = "";

    /// <summary>公开主体: the responsible body or office, as text (it may name an office inside the body).</summary>
    public string ResponsibleBody { get; set; } = "";

    /// <summary>公开时限, e.g. 形成或变更之日起20个工作日内.</summary>
    public string TimeLimit { get; set; } = "";

    /// <summary>公开载体, separated by "；", e.g. 政府网站；政府公报.</summary>
    public string Carriers { get; set; } = "";

    /// <summary>更新频率, e.g. 随时更新, 每年更新.</summary>
    public string UpdateFrequency { get; set; } = "";

    /// <summary>Document types allowed in this node, separated by "；"; null or empty allows every type.</summary>
    public string? AllowedTypes { get; set; }

    /// <summary>A hidden node is not shown to the public; its documents keep their pages.</summary>
    public bool Hidden { get; set; }

    /// <summary>Sub-nodes; loaded when needed (seeding adds a whole tree through it).</summary>
    public List<CatalogueNode> Children { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The allowed types as a list; empty means any.</summary>
    public IReadOnlyList<string> AllowedTypeList => CatalogueRules.SplitTypes(AllowedTypes);
}

internal sealed class CatalogueNodeConfiguration : IEntityTypeConfiguration<CatalogueNode>
{
    public void Configure(EntityTypeBuilder<CatalogueNode> builder)
    {
        builder.ToTable("catalogue_nodes");
        builder.HasKey(n => n.Id);
        builder.HasIndex(n => new { n.BodyId, n.ParentId, n.Order });
        builder.Property(n => n.Name).HasMaxLength(CatalogueRules.MaxNameLength);
        builder.Property(n => n.Content).HasMaxLength(CatalogueRules.MaxTextLength);
        builder.Property(n => n.ResponsibleBody).HasMaxLength(CatalogueRules.MaxShortTextLength);
        builder.Property(n => n.TimeLimit).HasMaxLength(CatalogueRules.MaxShortTextLength);
        builder.Property(n => n.Carriers).HasMaxLength(CatalogueRules.MaxShortTextLength);
        builder.Property(n => n.UpdateFrequency).HasMaxLength(CatalogueRules.MaxShortTextLength);
        builder.Property(n => n.AllowedTypes).HasMaxLength(CatalogueRules.MaxShortTextLength);
        builder.HasOne(n => n.Body).WithMany().HasForeignKey(n => n.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Children).WithOne().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
