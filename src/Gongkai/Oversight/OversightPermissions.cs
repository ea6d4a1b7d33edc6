using Gongkai.Staff;

namespace Gongkai.Oversight;

/// <summary>Who works on oversight. Importing the year's work plan and linking its unmatched unit names is the
/// city's job (system admins: the plan binds every body); a body's editors and admins file quarterly progress for their body; public
/// opinion is registered and answered by a body's editors, reviewers and admins; everyone with a console may read
/// the work plan's progress. Every action is also limited to the bodies in the user's scope.</summary>
public static class OversightPermissions
{
    public const string ImportWorkPlan = "oversight-import-work-plan";
    public const string ReportProgress = "oversight-report-progress";
    public const string HandleOpinions = "oversight-handle-opinions";
    public const string ViewInspection = "oversight-view-inspection";

    /// <summary>Generating, editing, freezing and submitting a body's annual report: its editors and admins.</summary>
    public const string WriteAnnualReport = "oversight-write-annual-report";

    /// <summary>每日读网: reading the body's site on one's day (editors, reviewers, admins).</summary>
    public const string ReadSite = "oversight-read-site";

    /// <summary>Setting the body's 每日读网 rota, and standing in for the reader of the day: its admins.</summary>
    public const string ManageReadingRota = "oversight-manage-reading-rota";

    internal static IServiceCollection AddOversightPermissions(this IServiceCollection services) => services
        .AddPermission(ImportWorkPlan, StaffRoles.SystemAdmin)
        .AddPermission(ReportProgress, StaffRoles.BodyAdmin, StaffRoles.Editor)
        .AddPermission(HandleOpinions, StaffRoles.BodyAdmin, StaffRoles.Editor, StaffRoles.FinalReviewer)
        .AddPermission(WriteAnnualReport, StaffRoles.BodyAdmin, StaffRoles.Editor)
        .AddPermission(ReadSite, StaffRoles.SystemAdmin, StaffRoles.BodyAdmin, StaffRoles.Editor, StaffRoles.FirstReviewer, StaffRoles.SecondReviewer, StaffRoles.FinalReviewer)
        .AddPermission(ManageReadingRota, StaffRoles.SystemAdmin, StaffRoles.BodyAdmin)
        .AddPermission(ViewInspection, StaffRoles.SystemAdmin, StaffRoles.BodyAdmin, StaffRoles.Editor, StaffRoles.FinalReviewer);
}
