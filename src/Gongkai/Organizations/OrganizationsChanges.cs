using Gongkai.Platform.Data;

namespace Gongkai.Organizations;

/// <summary>Change-log kinds written by the organisations module (entity id: the body's code).</summary>
[ChangeKinds]
public static class OrganizationsChanges
{
    public static readonly ChangeKind BodyCreated = new("body.created", "body");

    /// <summary>Name or details changed: documents showing the body are re-indexed, body pages evicted.</summary>
    public static readonly ChangeKind BodyUpdated = new("body.updated", "body");
}
