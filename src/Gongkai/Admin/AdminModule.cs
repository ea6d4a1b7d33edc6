using Gongkai.Platform.Web;
using Gongkai.Staff;
using Gongkai.Platform.Data;
using Gongkai.Admin.Audit;
using Gongkai.Platform.Audit;

namespace Gongkai.Admin;

/// <summary>The staff console shell: the dashboard and menu (from the modules' registered entries), audit log, outbox.
/// Each module adds its own console sections; here are the audit log, the outbox and the change-log status.</summary>
internal static class AdminModule
{
    public static WebApplicationBuilder AddAdmin(this WebApplicationBuilder builder)
    {
        builder.Services.AddAdminPermissions();
        builder.Services.AddConsoleMenuEntry(100, "审计日志", "/admin/audit", Permissions.ViewAudit, "查看登录、权限变更和各类操作记录。");
        builder.Services.AddConsoleMenuEntry(140, "通知发件箱", "/admin/outbox", AdminPermissions.ViewOutbox, "查看系统发出的邮件和短信通知。");
        builder.Services.AddSingleton<ConsoleMenu>();
        builder.Services.AddScoped<AuditQuery>();
        builder.Services.AddSingleton<Requests.IReplyFileCheck, ReplyFileCheck>();
        return builder;
    }

    public static WebApplication MapAdmin(this WebApplication app)
    {
        app.MapAuditApi();
        app.MapChangeLogApi(Permissions.ViewAudit);
        return app;
    }
}
