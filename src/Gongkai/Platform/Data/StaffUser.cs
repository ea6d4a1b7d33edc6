using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Data;

/// <summary>A staff member's stored account. Every staff member belongs to exactly one body and acts within it.
/// ASP.NET Core Identity needs the one database context to name its user type, so the record sits beside the
/// context; everything staff members may do (roles, permissions, body scope, rules) lives in the Staff module.</summary>
public sealed class StaffUser : IdentityUser
{
    public int BodyId { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>Demo accounts exist only in demo mode; production seeding never creates them.</summary>
    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(64);
        builder.HasIndex(u => u.BodyId);
    }
}
