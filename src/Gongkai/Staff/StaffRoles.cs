namespace Gongkai.Staff;

/// <summary>The staff roles. A user may hold several; permissions follow from <see cref="RolePermissions"/>.</summary>
public static class StaffRoles
{
    public const string SystemAdmin = "system-admin";
    public const string BodyAdmin = "body-admin";
    public const string Editor = "editor";
    public const string FirstReviewer = "first-reviewer";
    public const string SecondReviewer = "second-reviewer";
    public const string FinalReviewer = "final-reviewer";
    public const string RequestOfficer = "request-officer";
    public const string Auditor = "auditor";

    /// <summary>12345 centre: takes calls, dispatches, approves extensions, calls back, decides reopenings.</summary>
    public const string HotlineOperator = "hotline-operator";

    /// <summary>A body's 12345 handler: signs, returns and replies to its body's tickets.</summary>
    public const string HotlineHandler = "hotline-handler";

    public static readonly IReadOnlyList<string> All =
        [SystemAdmin, BodyAdmin, Editor, FirstReviewer, SecondReviewer, FinalReviewer, RequestOfficer, Auditor, HotlineOperator, HotlineHandler];

    public static string ChineseName(string role) => role switch
    {
        SystemAdmin => "系统管理员",
        BodyAdmin => "单位管理员",
        Editor => "信息编辑",
        FirstReviewer => "初审",
        SecondReviewer => "复审",
        FinalReviewer => "终审",
        RequestOfficer => "依申请公开经办人",
        Auditor => "审计员（只读）",
        HotlineOperator => "12345话务员/派单员",
        HotlineHandler => "12345承办人",
        _ => role,
    };
}
