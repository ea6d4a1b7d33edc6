using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Time;

namespace Gongkai.Staff;

/// <summary>A freshly created token with its secret — the only moment the secret exists outside its owner's hands.</summary>
public sealed record CreatedAccessToken(AccessToken Token, string Secret);

/// <summary>Why a presented token was not accepted (shown to the client as the problem's detail).</summary>
public enum AccessTokenRejection
{
    Unknown,
    Revoked,
    Expired,
    UserLockedOut,
}

/// <summary>Creating, listing, revoking and checking personal access tokens. Every change is audited in the same
/// unit of work; the caller names the actor when there is no signed-in user (the command line).</summary>
public sealed class AccessTokenService(GongkaiDbContext db, AuditLog audit, UserManager<StaffUser> users, TimeProvider clock, IOptions<AccessTokenOptions> options)
{
    public const int MaxNameLength = 64;

    /// <summary>Last-used times are written at most this often per token, so a busy script does not turn every API
    /// call into a database write.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>A token without a chosen lifetime expires after this many days unless <c>Gongkai:Tokens:DefaultLifetimeDays</c>
    /// says otherwise (<see cref="DefaultLifetime"/>); none lives longer than <see cref="MaxLifetimeDays"/> from its
    /// creation or last renewal (ASVS: credentials for scripts expire and are renewed).</summary>
    public const int DefaultLifetimeDays = 90;

    /// <summary>The configured default lifetime, in days.</summary>
    public int DefaultLifetime => options.Value.DefaultLifetimeDays;

    public const int MaxLifetimeDays = 365;

    /// <summary>Creates a token valid for <paramref name="lifetimeDays"/> days (default <see cref="DefaultLifetime"/>,
    /// 1 to <see cref="MaxLifetimeDays"/>; callers validate the range and say so in their own words).</summary>
    public async Task<CreatedAccessToken> CreateAsync(StaffUser owner, string name, int? lifetimeDays, string? actorName = null, CancellationToken cancellationToken = default)
    {
        var days = Math.Clamp(lifetimeDays ?? DefaultLifetime, 1, MaxLifetimeDays);
        var secret = AccessTokenSecret.Generate();
        var now = clock.GetUtcNow();
        var token = new AccessToken
        {
            UserId = owner.Id,
            Name = name.Trim(),
            Prefix = AccessTokenSecret.PrefixOf(secret),
            TokenHash = AccessTokenSecret.Hash(secret),
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.Set<AccessToken>().Add(token);
        audit.Record("token.created", $"user:{owner.UserName}",
            $"名称：{token.Name}；前缀：{token.Prefix}；有效期至：{ChinaTime.Format(token.ExpiresAt.Value)}",
            bodyId: owner.BodyId, actorName: actorName ?? owner.UserName, actorId: actorName is null ? owner.Id : null);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedAccessToken(token, secret);
    }

    /// <summary>The user's tokens, newest first. Only the hash is stored, so no secret can leak from here.</summary>
    public Task<List<AccessToken>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Set<AccessToken>().AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(cancellationToken);

    /// <summary>Revokes a token; when <paramref name="ownerId"/> is given, only that user's token. False when there is
    /// no such token (or it is someone else's). Revoking twice is harmless and keeps the first time.</summary>
    public async Task<bool> RevokeAsync(int tokenId, string? ownerId, string? actorName = null, CancellationToken cancellationToken = default)
    {
        var token = await db.Set<AccessToken>().SingleOrDefaultAsync(t => t.Id == tokenId && (ownerId == null || t.UserId == ownerId), cancellationToken);
        if (token is null)
        {
            return false;
        }

        if (token.RevokedAt is null)
        {
            var owner = await users.FindByIdAsync(token.UserId);
            token.RevokedAt = clock.GetUtcNow();
            audit.Record("token.revoked", $"user:{owner?.UserName}", $"名称：{token.Name}；前缀：{token.Prefix}",
                bodyId: actorName is null ? null : owner?.BodyId, actorName: actorName);
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>续期: the owner's usable token now expires <paramref name="lifetimeDays"/> days from now (default
    /// <see cref="DefaultLifetime"/>; callers validate the range). A revoked or expired token is not revived — its
    /// owner creates a new one, so an expired secret found later in an old script stays dead.</summary>
    public async Task<Outcome<AccessToken>> RenewAsync(int tokenId, string ownerId, int? lifetimeDays, CancellationToken cancellationToken = default)
    {
        var token = await db.Set<AccessToken>().SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == ownerId, cancellationToken);
        if (token is null)
        {
            return Refusal.NotFound($"您没有编号为 {tokenId} 的访问令牌。", "找不到令牌");
        }

        var now = clock.GetUtcNow();
        if (token.RevokedAt is not null)
        {
            return Refusal.Conflict("该访问令牌已被撤销，不能续期；请创建新令牌。", "令牌已撤销");
        }

        if (!token.IsUsableAt(now))
        {
            return Refusal.Conflict("该访问令牌已过期，不能续期；请创建新令牌。", "令牌已过期");
        }

        token.ExpiresAt = now.AddDays(Math.Clamp(lifetimeDays ?? DefaultLifetime, 1, MaxLifetimeDays));
        var owner = await users.FindByIdAsync(token.UserId);
        audit.Record("token.renewed", $"user:{owner?.UserName}", $"名称：{token.Name}；前缀：{token.Prefix}；有效期至：{ChinaTime.Format(token.ExpiresAt.Value)}",
            bodyId: owner?.BodyId);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Finds the user a presented secret belongs to.</summary>
    /// <remarks>The lookup is by the SHA-256 of the presented secret, so no comparison of secrets happens in our
    /// code and a timing difference could at most reveal how much of a <em>hash</em> matched an indexed one. Steering
    /// a guess's hash prefix needs SHA-256 preimages, and the secret has ~238 random bits, so a constant-time
    /// comparison would protect nothing here.</remarks>
    public async Task<(StaffUser? User, AccessToken? Token, AccessTokenRejection? Rejection)> AuthenticateAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (!AccessTokenSecret.LooksValid(presented))
        {
            return (null, null, AccessTokenRejection.Unknown);
        }

        var hash = AccessTokenSecret.Hash(presented);
        var token = await db.Set<AccessToken>().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null)
        {
            return (null, null, AccessTokenRejection.Unknown);
        }

        var now = clock.GetUtcNow();
        if (token.RevokedAt is not null)
        {
            return (null, token, AccessTokenRejection.Revoked);
        }

        if (token.ExpiresAt is not null && token.ExpiresAt <= now)
        {
            return (null, token, AccessTokenRejection.Expired);
        }

        var user = await users.FindByIdAsync(token.UserId);
        if (user is null)
        {
            return (null, token, AccessTokenRejection.Unknown);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return (null, token, AccessTokenRejection.UserLockedOut);
        }

        if (token.LastUsedAt is null || now - token.LastUsedAt >= LastUsedResolution)
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return (user, token, null);
    }

    public static string Describe(AccessTokenRejection rejection) => rejection switch
    {
        AccessTokenRejection.Revoked => "该访问令牌已被撤销。",
        AccessTokenRejection.Expired => "该访问令牌已过期。",
        AccessTokenRejection.UserLockedOut => "令牌所属账户已被锁定。",
        _ => "访问令牌无效。",
    };
}
