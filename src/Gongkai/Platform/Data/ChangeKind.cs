namespace Gongkai.Platform.Data;

/// <summary>
/// What a change-log row says happened (<see cref="Name"/>, e.g. <c>document.published</c>) to which kind of thing
/// (<see cref="Entity"/>, e.g. <c>document</c>). Each is a static field of the writing module's class marked
/// <see cref="ChangeKindsAttribute"/>; followers compare rows with these fields instead of repeating the strings, and a
/// test checks that every kind written has a follower (<see cref="IChangeLogFollower.Follows"/>) or is marked
/// <see cref="InformationalAttribute"/>.
/// </summary>
public sealed record ChangeKind(string Name, string Entity)
{
    public bool Matches(ChangeLogEntry entry) => entry.Kind == Name && entry.Entity == Entity;

    public static ChangeKind Of(ChangeLogEntry entry) => new(entry.Kind, entry.Entity);

    public override string ToString() => $"{Name} ({Entity})";
}

/// <summary>Marks the static class that owns a module's <see cref="ChangeKind"/> fields.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ChangeKindsAttribute : Attribute;

/// <summary>A kind written for the record only (operators, the status API): no follower needs to act on it.</summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class InformationalAttribute : Attribute;
