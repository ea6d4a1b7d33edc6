using Gongkai.Platform.Data;

namespace Gongkai.Transparency;

/// <summary>Change-log kinds written by the public log.</summary>
[ChangeKinds]
public static class TransparencyChanges
{
    /// <summary>Leaves were appended; entity id: the new tree size. Every node evicts its cached document pages, which
    /// show each version's log entry.</summary>
    public static readonly ChangeKind LeavesAppended = new("log.appended", "log");
}
