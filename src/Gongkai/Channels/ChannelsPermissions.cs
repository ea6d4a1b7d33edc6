using Gongkai.Staff;

namespace Gongkai.Channels;

/// <summary>Who may work on the channels: new-media accounts are run by the body that opened them (谁开设、谁管理).</summary>
public static class ChannelsPermissions
{
    /// <summary>Open the console's 发布渠道 pages: the WebSub hub's state and the accounts of one's bodies.</summary>
    public const string ViewChannels = "view-channels";

    /// <summary>Register and maintain accounts of one's bodies, draft posts, close or merge accounts.</summary>
    public const string ManageAccounts = "manage-new-media";

    /// <summary>Review posts of one's bodies' accounts (not one's own): nothing is released unreviewed.</summary>
    public const string ReviewPosts = "review-new-media-posts";

    /// <summary>Prepare press conferences of one's bodies (新闻发布会), complete their record after the event.</summary>
    public const string ManagePress = "manage-press-conferences";

    /// <summary>Release a press conference's 预告: nothing about it is public before a reviewer of the body releases it.</summary>
    public const string ReleasePress = "release-press-conferences";

    internal static IServiceCollection AddChannelsPermissions(this IServiceCollection services) => services
        .AddPermission(ViewChannels, StaffRoles.SystemAdmin, StaffRoles.BodyAdmin, StaffRoles.Editor, StaffRoles.FinalReviewer)
        .AddPermission(ManageAccounts, StaffRoles.SystemAdmin, StaffRoles.BodyAdmin, StaffRoles.Editor)
        .AddPermission(ReviewPosts, StaffRoles.SystemAdmin, StaffRoles.BodyAdmin, StaffRoles.FinalReviewer)
        .AddPermission(ManagePress, StaffRoles.SystemAdmin, StaffRoles.BodyAdmin, StaffRoles.Editor)
        .AddPermission(ReleasePress, StaffRoles.SystemAdmin, StaffRoles.BodyAdmin, StaffRoles.FinalReviewer);
}
