using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Safeguards.Data;
using Gongkai.Safeguards.Detection;
using Gongkai.Safeguards.Wording;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Time;

namespace Gongkai.Safeguards;

/// <summary>Builds the <see cref="SafeguardsProfile"/> (automaton, public contacts, heads) from the database and keeps
/// it: rebuilt after a word-list edit on this node, and at most a minute after bodies' data changed anywhere.</summary>
public sealed class SafeguardsProfileCache(TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _building = new(1, 1);
    private (SafeguardsProfile Profile, DateTimeOffset BuiltAt)? _current;

    public void Invalidate() => _current = null;

    public void Dispose() => _building.Dispose();

    public async Task<SafeguardsProfile> GetAsync(GongkaiDbContext db, CancellationToken cancellationToken)
    {
        if (_current is { } fresh && clock.GetUtcNow() - fresh.BuiltAt < MaxAge)
        {
            return fresh.Profile;
        }

        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } built && clock.GetUtcNow() - built.BuiltAt < MaxAge)
            {
                return built.Profile;
            }

            var profile = await BuildAsync(db, cancellationToken);
            _current = (profile, clock.GetUtcNow());
            return profile;
        }
        finally
        {
            _building.Release();
        }
    }

    private static async Task<SafeguardsProfile> BuildAsync(GongkaiDbContext db, CancellationToken cancellationToken)
    {
        var entries = await db.Set<WordListEntry>().AsNoTracking().ToListAsync(cancellationToken);
        var bodies = (await new BodyDirectory(db).LoadAsync(cancellationToken)).All;

        var contacts = new PublicContacts();
        var leaders = new List<Leader>();
        var version = new System.Text.StringBuilder(SafeguardsProfile.CodeVersion);
        foreach (var body in bodies.OrderBy(b => b.Id))
        {
            contacts.AddPhone(body.Phone).AddEmail(body.Email).AddAddress(body.Address).AddName(body.HeadName);
            version.Append('\n').Append(body.Phone).Append('|').Append(body.Email).Append('|').Append(body.Address).Append('|').Append(body.HeadName);
            if (Leader.FromBody(body.HeadName, body.Name) is { } leader)
            {
                leaders.Add(leader);
            }
        }

        return new SafeguardsProfile(contacts, new WordingChecker(entries.Select(e => e.ToRule())), new LeaderTitleCheck(leaders), Masker.Default)
        {
            PersonalRulesVersion = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(version.ToString()))),
        };
    }
}

/// <summary>Checks a text with the current profile.</summary>
public sealed class SafeguardsService(GongkaiDbContext db, SafeguardsProfileCache cache, TimeProvider clock)
{

    /// <summary>The version of the personal-data rules a check made now would use (see <see cref="SafeguardsProfile.PersonalRulesVersion"/>).</summary>
    public async Task<string> PersonalRulesVersionAsync(CancellationToken cancellationToken) =>
        (await cache.GetAsync(db, cancellationToken)).PersonalRulesVersion;

    public async Task<CheckResult> CheckAsync(string text, DateOnly? documentDate, CancellationToken cancellationToken)
    {
        var profile = await cache.GetAsync(db, cancellationToken);
        var today = ChinaTime.Today(clock);
        return SafeguardsChecker.Check(text, documentDate ?? today, profile, today);
    }
}
