using System.Security.Cryptography;
using System.Text;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Hotline.Open311;

/// <summary>A key just issued: <see cref="Secret"/> is shown this once.</summary>
public sealed record IssuedKey(Open311ApiKey Key, string Secret);

/// <summary>Open311 API keys: issued by a system administrator (console page or <c>open311 keys create</c>), stored as
/// SHA-256 only, revocable. Every issue and revocation is audited.</summary>
public sealed class Open311Keys(GongkaiDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    public async Task<Outcome<IssuedKey>> CreateAsync(string? name, string actor, CancellationToken cancellationToken = default)
    {
        var label = name?.Trim() ?? "";
        if (label.Length is 0 or > MaxNameLength)
        {
            return Refusal.InvalidField("name", $"应用名称不能为空，且不能超过 {MaxNameLength} 个字。");
        }

        var secret = "o311_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var key = new Open311ApiKey { Name = label, KeyHash = Hash(secret), Prefix = secret[..10], CreatedAt = clock.GetUtcNow().ToUniversalTime(), CreatedBy = actor };
        db.Set<Open311ApiKey>().Add(key);
        audit.Record("open311.key.created", $"open311-key:{key.Prefix}", label, actorName: actor);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedKey(key, secret);
    }

    public async Task<IReadOnlyList<Open311ApiKey>> ListAsync(CancellationToken cancellationToken = default) =>
        await db.Set<Open311ApiKey>().AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken);

    public async Task<Outcome> RevokeAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        var key = await db.Set<Open311ApiKey>().SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return Refusal.NotFound($"没有编号为 {id} 的 Open311 密钥。");
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow().ToUniversalTime();
            audit.Record("open311.key.revoked", $"open311-key:{key.Prefix}", key.Name, actorName: actor);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Done;
    }

    /// <summary>The live key matching <paramref name="secret"/>, or null.</summary>
    public async Task<Open311ApiKey?> FindLiveAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 200)
        {
            return null;
        }

        var hash = Hash(secret.Trim());
        return await db.Set<Open311ApiKey>().AsNoTracking().SingleOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, cancellationToken);
    }

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).ToLowerInvariant();
}
