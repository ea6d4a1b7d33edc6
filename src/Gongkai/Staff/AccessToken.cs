using Gongkai.Platform.Data;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Staff;

/// <summary>A personal access token: a staff member's credential for the API (<c>Authorization: Bearer gk_…</c>).
/// Only the SHA-256 of the secret is kept; the secret itself is shown once, when the token is created.</summary>
public sealed class AccessToken
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>The owner's label, e.g. “数据报送脚本”.</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the secret, so the owner can tell tokens apart without the secret.</summary>
    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole secret.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>The shape of a token secret: <c>gk_</c> and 40 base62 characters (about 238 bits of randomness).</summary>
public static class AccessTokenSecret
{
    public const string Marker = "gk_";
    public const int RandomLength = 40;
    public const int PrefixLength = 8;

    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static readonly System.Buffers.SearchValues<char> Base62Characters = System.Buffers.SearchValues.Create(Base62);

    /// <summary>A new secret from the operating system's CSPRNG; GetString picks each character uniformly (no modulo bias).</summary>
    public static string Generate() => Marker + RandomNumberGenerator.GetString(Base62, RandomLength);

    public static string PrefixOf(string secret) => secret[..Math.Min(PrefixLength, secret.Length)];

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether a presented string could be a Gongkai token at all, so malformed ones cost no database query.</summary>
    public static bool LooksValid(string presented) =>
        presented.Length == Marker.Length + RandomLength
        && presented.StartsWith(Marker, StringComparison.Ordinal)
        && presented.AsSpan(Marker.Length).IndexOfAnyExcept(Base62Characters) < 0;
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> builder)
    {
        builder.ToTable("access_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.UserId).HasMaxLength(450);
        builder.Property(t => t.Name).HasMaxLength(64);
        builder.Property(t => t.Prefix).HasMaxLength(AccessTokenSecret.PrefixLength);
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
