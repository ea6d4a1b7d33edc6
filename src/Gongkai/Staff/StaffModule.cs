using Gongkai.Platform.Web;
using Gongkai.Platform.Cli;

namespace Gongkai.Staff;

/// <summary>Staff: identity (ASP.NET Core Identity), roles and the permissions they grant, body scope, sign-in with
/// two-factor, personal access tokens, the staff pages and the <c>token</c> verb.</summary>
internal static class StaffModule
{
    /// <summary><c>token create|list|revoke</c>.</summary>
    public static IEnumerable<AdminVerb> AdminVerbs { get; } = [new("token", TokenCommands.Create)];

    public static WebApplicationBuilder AddStaff(this WebApplicationBuilder builder)
    {
        builder.Services.AddStaffPermissions();
        builder.Services.AddConsoleMenuEntry(20, "人员与角色", "/admin/staff", Permissions.ManageStaff, "新增工作人员，分配角色，锁定账户，重置密码。");
        builder.Services.AddConsoleMenuEntry(150, "我的令牌", "/admin/account/tokens", Permissions.Staff, "创建和撤销供脚本调用接口的个人访问令牌。");
        builder.Services.AddConsoleMenuEntry(160, "两步验证", "/admin/account/two-factor", Permissions.SignedIn, "使用手机验证器应用的动态口令保护账户。");
        builder.Services.AddGongkaiIdentity();
        return builder;
    }

    public static WebApplication MapStaff(this WebApplication app)
    {
        // Runs after authentication and before every endpoint (endpoints execute at the end of the pipeline).
        app.UseCrossSiteWriteGuard();
        app.MapStaffSessionApi();
        return app;
    }
}
