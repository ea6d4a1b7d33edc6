using Gongkai.Staff;

namespace Gongkai.Publishing;

/// <summary>What staff may do with documents (主动公开) and the roles that may: drafting and the three review stages.</summary>
public static class PublishingPermissions
{
    public const string EditDocuments = "edit-documents";
    public const string ReviewFirst = "review-first";
    public const string ReviewSecond = "review-second";
    public const string ReviewFinal = "review-final";

    /// <summary>Approve or return a correction (更正): any review stage may hold it; which stage a correction waits for
    /// (终审 only, or all three — <c>Publishing:CorrectionReview</c>) is checked by <see cref="Rules.CorrectionReview"/>.</summary>
    public const string ReviewCorrections = "review-corrections";

    internal static IServiceCollection AddPublishingPermissions(this IServiceCollection services) => services
        .AddPermission(EditDocuments, StaffRoles.Editor)
        .AddPermission(ReviewFirst, StaffRoles.FirstReviewer)
        .AddPermission(ReviewSecond, StaffRoles.SecondReviewer)
        .AddPermission(ReviewFinal, StaffRoles.FinalReviewer)
        .AddPermission(ReviewCorrections, StaffRoles.FirstReviewer, StaffRoles.SecondReviewer, StaffRoles.FinalReviewer);
}
