using Gongkai.Staff;

namespace Gongkai.Participation;

/// <summary>Who works on public participation: a body's editors prepare consultations, record comments received
/// offline, moderate comments and prepare the feedback; its 终审 users open consultations and publish the feedback;
/// both see the console pages. Every action is also limited to the bodies in the user's scope.</summary>
public static class ParticipationPermissions
{
    public const string Prepare = "participation-prepare";
    public const string Approve = "participation-approve";
    public const string View = "participation-view";

    internal static IServiceCollection AddParticipationPermissions(this IServiceCollection services) => services
        .AddPermission(Prepare, StaffRoles.Editor)
        .AddPermission(Approve, StaffRoles.FinalReviewer)
        .AddPermission(View, StaffRoles.Editor, StaffRoles.FinalReviewer);
}
