using Gongkai.Staff;

namespace Gongkai.Safeguards;

/// <summary>Who edits the word lists of the pre-publication checks (and the search synonyms, kept by the same people).</summary>
public static class SafeguardsPermissions
{
    public const string ManageWordLists = "manage-word-lists";

    internal static IServiceCollection AddSafeguardsPermissions(this IServiceCollection services) => services
        .AddPermission(ManageWordLists, StaffRoles.SystemAdmin);
}
