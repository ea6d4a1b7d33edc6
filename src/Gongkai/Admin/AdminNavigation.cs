using Gongkai.Staff;

namespace Gongkai.Admin;

/// <summary>One entry of the staff console: where it goes, what it is for, and the policy that shows it.</summary>
public sealed record AdminLink(string Title, string Href, string Policy, string Description);

/// <summary>The console's sections, in menu order. Both the dashboard and <c>/Admin/_AdminNav.cshtml</c> read this
/// list, and each link appears only to staff whose roles pass its policy (the pages check again on the server).
/// A module adding a console section adds one line here.</summary>
public static class AdminNavigation
{
    public static readonly IReadOnlyList<AdminLink> Links =
    [
        new("单位管理", "/admin/bodies", Permissions.ManageBody, "维护单位信息、机构设置和政府信息公开指南。"),
        new("人员与角色", "/admin/staff", Permissions.ManageStaff, "新增工作人员，分配角色，锁定账户，重置密码。"),
        new("工作日历", "/admin/calendar", Permissions.ManageCalendar, "维护法定节假日和调休工作日，用于计算办理期限。"),
        new("文件发布", "/admin/documents", Permissions.Staff, "起草文件，初审、复审、终审，发布、更正和撤回；公开时限提醒。"),
        new("主动公开目录", "/admin/catalogue", Permissions.ManageBody, "维护本单位主动公开基本目录：内容、主体、时限、载体和更新频率。"),
        new("政府公报", "/admin/gazette", Permissions.EditDocuments, "编辑各期政府公报，收录已发布文件，发布公报及其 PDF 版。"),
        new("依申请公开", "/admin/requests", Permissions.HandleRequests, "登记和办理政府信息公开申请，按法定期限答复。"),
        new("依申请公开统计", "/admin/requests/statistics", Permissions.Staff, "年度报告表三（申请办理结果）和表四（行政复议、行政诉讼），含勾稽关系核对。"),
        new("依申请公开记录（只读）", "/admin/requests/records", Permissions.ViewAudit, "审计员查阅本机关依申请公开的办理记录和操作记录。"),
        new("审计日志", "/admin/audit", Permissions.ViewAudit, "查看登录、权限变更和各类操作记录。"),
        new("链接检查", "/admin/safeguards/links", Permissions.Staff, "查看各单位文件中的失效链接（站内和外部），每天定时检查。"),
        new("发布前检查词库", "/admin/safeguards/word-lists", Permissions.ManageWordLists, "维护错别字、机构旧称、规范表述和敏感词词库。"),
        new("检索同义词", "/admin/search/synonyms", Permissions.ManageWordLists, "维护检索时互相替代的同义词，如“低保”与“最低生活保障”。"),
        new("通知发件箱", "/admin/outbox", Permissions.ViewOutbox, "查看系统发出的邮件和短信通知。"),
        new("我的令牌", "/admin/account/tokens", Permissions.Staff, "创建和撤销供脚本调用接口的个人访问令牌。"),
        new("两步验证", "/admin/account/two-factor", Permissions.SignedIn, "使用手机验证器应用的动态口令保护账户。"),
    ];
}
