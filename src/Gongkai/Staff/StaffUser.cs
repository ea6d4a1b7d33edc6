using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Staff;

/// <summary>A staff member. Every staff member belongs to exactly one body and acts within it.</summary>
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
