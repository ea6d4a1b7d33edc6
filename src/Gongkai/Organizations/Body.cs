using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Organizations;

/// <summary>A government body (机关): its identity and the items Art. 20(2) of the 条例 requires to be public.</summary>
public sealed class Body
{
    public int Id { get; set; }

    /// <summary>Short stable code used in URLs and 索引号, e.g. <c>mysfb</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string ShortName { get; set; }

    public BodyKind Kind { get; set; }

    /// <summary>The superior body; for a public enterprise or institution (<see cref="BodyKinds.IsPublicInstitution"/>)
    /// its supervising department (主管部门).</summary>
    public int? ParentId { get; set; }

    public Body? Parent { get; set; }

    public List<Body> Children { get; set; } = [];

    /// <summary>统一社会信用代码 (18 characters, GB 32100-2015).</summary>
    public required string CreditCode { get; set; }

    /// <summary>职能.</summary>
    public string Functions { get; set; } = "";

    /// <summary>机构设置 (internal structure), one unit per line.</summary>
    public string InternalStructure { get; set; } = "";

    public string Address { get; set; } = "";

    public string OfficeHours { get; set; } = "";

    public string Phone { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>负责人姓名.</summary>
    public string HeadName { get; set; } = "";

    public int SortOrder { get; set; }
}

/// <summary>The kinds of body a prefecture-level city's disclosure platform serves.</summary>
public enum BodyKind
{
    /// <summary>市人民政府.</summary>
    MunicipalGovernment,

    /// <summary>市政府工作部门.</summary>
    MunicipalDepartment,

    /// <summary>县（市、区）人民政府.</summary>
    CountyGovernment,

    /// <summary>县级政府工作部门.</summary>
    CountyDepartment,

    /// <summary>园区管委会.</summary>
    ParkCommittee,

    /// <summary>园区内设机构.</summary>
    ParkDepartment,

    /// <summary>政务服务中心等服务机构.</summary>
    ServiceCentre,

    /// <summary>乡镇人民政府（街道办事处）, under its county government.</summary>
    Township,

    // 公共企事业单位 (2018 work plan §十七): they disclose under their supervising department (主管部门), which is their
    // parent in the body tree.

    /// <summary>学校.</summary>
    School,

    /// <summary>医院.</summary>
    Hospital,

    /// <summary>供水企业.</summary>
    WaterSupply,

    /// <summary>供电企业.</summary>
    PowerSupply,

    /// <summary>供气企业.</summary>
    GasSupply,

    /// <summary>供热企业.</summary>
    HeatSupply,

    /// <summary>公共交通企业.</summary>
    PublicTransport,
}

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> builder)
    {
        builder.ToTable("bodies");
        builder.HasKey(b => b.Id);
        builder.HasIndex(b => b.Code).IsUnique();
        builder.HasIndex(b => b.CreditCode).IsUnique();
        builder.Property(b => b.Code).HasMaxLength(32);
        builder.Property(b => b.Name).HasMaxLength(100);
        builder.Property(b => b.ShortName).HasMaxLength(50);
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(b => b.CreditCode).HasMaxLength(18);
        builder.Property(b => b.Functions).HasMaxLength(8000);
        builder.Property(b => b.InternalStructure).HasMaxLength(4000);
        builder.Property(b => b.Address).HasMaxLength(200);
        builder.Property(b => b.OfficeHours).HasMaxLength(200);
        builder.Property(b => b.Phone).HasMaxLength(50);
        builder.Property(b => b.Email).HasMaxLength(100);
        builder.Property(b => b.HeadName).HasMaxLength(50);
        builder.HasOne(b => b.Parent).WithMany(b => b.Children).HasForeignKey(b => b.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
