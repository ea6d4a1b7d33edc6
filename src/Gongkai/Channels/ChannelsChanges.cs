using Gongkai.Platform.Data;

namespace Gongkai.Channels;

/// <summary>Change-log kinds written by Channels.</summary>
[ChangeKinds]
public static class ChannelsChanges
{
    /// <summary>A public press conference was announced, changed or marked held (entity id: its id): its feed changed, and
    /// the WebSub hub delivers the feed to its subscribers.</summary>
    public static readonly ChangeKind PressConferenceChanged = new("press-conference.changed", "press-conference");
}
