using Gongkai.Organizations;

namespace Gongkai.Oversight.Rules;

/// <summary>A body as the matcher sees it.</summary>
public sealed record UnitCandidate(int Id, string Name, string ShortName, BodyKind Kind);

/// <summary>How a unit name of a work plan was read.</summary>
public enum UnitMatchKind
{
    /// <summary>Exactly one body has this name or short name.</summary>
    Body,

    /// <summary>A collective name ("各县市区人民政府", "市政府各部门"): it stands for every body of some kinds.</summary>
    Collective,

    /// <summary>No body (or more than one) has this name: a person must decide.</summary>
    Unmatched,
}

/// <summary>The reading of one unit name: the body, or the kinds a collective name covers, or why it is unmatched.</summary>
public sealed record UnitMatch(string Name, UnitMatchKind Kind, int? BodyId, IReadOnlyList<BodyKind> CoveredKinds, string? Note = null);

/// <summary>
/// Matches the unit names of a work plan to bodies by full name or short name, exactly (after trimming). It never
/// guesses: "市教育体育局" is not "市教体局" however alike they look, because a wrong match would send a task to the
/// wrong body; such names stay unmatched and a person links them. Names beginning "各" or holding "各部门" are
/// collective and are read as the body kinds they cover.
/// </summary>
public sealed class UnitMatcher
{
    private readonly ILookup<string, UnitCandidate> _byName;

    public UnitMatcher(IEnumerable<UnitCandidate> bodies)
    {
        var list = bodies.ToList();
        _byName = list.SelectMany(b => new[] { (Key: b.Name.Trim(), Body: b), (Key: b.ShortName.Trim(), Body: b) })
            .Where(p => p.Key.Length > 0)
            .DistinctBy(p => (p.Key, p.Body.Id))
            .ToLookup(p => p.Key, p => p.Body, StringComparer.Ordinal);
    }

    public UnitMatch Match(string name)
    {
        var trimmed = name.Trim().Trim('\u3000');
        var found = _byName[trimmed].ToList();
        if (found.Count == 1)
        {
            return new UnitMatch(trimmed, UnitMatchKind.Body, found[0].Id, []);
        }

        if (found.Count > 1)
        {
            return new UnitMatch(trimmed, UnitMatchKind.Unmatched, null, [], $"有 {found.Count} 个机关叫这个名称：{string.Join("、", found.Select(b => b.Name))}");
        }

        if (IsCollective(trimmed))
        {
            return new UnitMatch(trimmed, UnitMatchKind.Collective, null, CollectiveKinds(trimmed));
        }

        return new UnitMatch(trimmed, UnitMatchKind.Unmatched, null, [], "没有机关的全称或简称与之相同");
    }

    public static bool IsCollective(string name) => name.StartsWith('各') || name.Contains("各部门", StringComparison.Ordinal);

    /// <summary>The body kinds a collective name covers, as far as its words say; none when they say nothing known.</summary>
    public static IReadOnlyList<BodyKind> CollectiveKinds(string name)
    {
        var kinds = new List<BodyKind>();
        if (name.Contains("各部门", StringComparison.Ordinal) && name.StartsWith("市政府", StringComparison.Ordinal))
        {
            kinds.Add(BodyKind.MunicipalDepartment);
        }

        if (name.Contains('县') && name.Contains("人民政府", StringComparison.Ordinal))
        {
            kinds.Add(BodyKind.CountyGovernment);
        }

        if (name.Contains("园区", StringComparison.Ordinal) && name.Contains("管委会", StringComparison.Ordinal))
        {
            kinds.Add(BodyKind.ParkCommittee);
        }

        return kinds;
    }
}
