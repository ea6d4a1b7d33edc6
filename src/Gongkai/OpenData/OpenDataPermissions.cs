using Gongkai.Staff;

namespace Gongkai.OpenData;

/// <summary>What staff may do with record types, records and datasets, and the roles that may.</summary>
public static class OpenDataPermissions
{
    /// <summary>Define and edit record types (schemas are shared by every body).</summary>
    public const string ManageRecordTypes = "manage-record-types";

    /// <summary>Open the console's 数据开放 pages (record lists, the overdue dashboard): whoever enters or reviews records.</summary>
    public const string WorkOnRecords = "work-on-records";

    /// <summary>Enter, import and submit records of one's bodies.</summary>
    public const string EditRecords = "edit-records";

    /// <summary>Review records someone else submitted, publish, correct and withdraw them.</summary>
    public const string ReviewRecords = "review-records";

    internal static IServiceCollection AddOpenDataPermissions(this IServiceCollection services) => services
        .AddPermission(ManageRecordTypes, StaffRoles.SystemAdmin)
        .AddPermission(WorkOnRecords, StaffRoles.SystemAdmin, StaffRoles.BodyAdmin, StaffRoles.Editor, StaffRoles.FinalReviewer)
        .AddPermission(EditRecords, StaffRoles.SystemAdmin, StaffRoles.BodyAdmin, StaffRoles.Editor)
        .AddPermission(ReviewRecords, StaffRoles.SystemAdmin, StaffRoles.BodyAdmin, StaffRoles.FinalReviewer);
}
