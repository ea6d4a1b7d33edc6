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
        builder.Services.AddGongkaiIdentity();
        return builder;
    }

    public static WebApplication MapStaff(this WebApplication app)
    {
        app.MapStaffSessionApi();
        return app;
    }
}
