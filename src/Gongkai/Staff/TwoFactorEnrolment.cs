using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Gongkai.Staff;

/// <summary>An account that can administer or publish (<see cref="Rules.TwoFactorRules"/>) must have two-factor sign-in
/// enrolled before using anything in the console or the staff APIs. Every Gongkai policy except
/// <see cref="Permissions.SignedIn"/> carries this requirement, so the rule holds on the server for every page and
/// endpoint, whatever its own permission — and for access tokens too, whose principals carry the same claims.</summary>
public sealed class TwoFactorEnrolledRequirement : IAuthorizationRequirement;

/// <summary>Checks <see cref="TwoFactorEnrolledRequirement"/> with the deployment's setting.</summary>
internal sealed class TwoFactorEnrolledHandler(TwoFactorPolicy policy) : AuthorizationHandler<TwoFactorEnrolledRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorEnrolledRequirement requirement)
    {
        if (!policy.MustEnrol(context.User))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Turns a refusal caused by a missing two-factor enrolment into a way forward: pages go to the setup page,
/// APIs answer 403 with a problem that says what to do. Every other outcome is handled as usual.</summary>
internal sealed class TwoFactorEnrolmentResultHandler : IAuthorizationMiddlewareResultHandler
{
    public const string SetupPath = "/admin/account/two-factor";

    private readonly AuthorizationMiddlewareResultHandler _standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var missingEnrolment = authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<TwoFactorEnrolledRequirement>().Any() == true;
        if (!missingEnrolment)
        {
            await _standard.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (StaffProblems.IsApiRequest(context.Request))
        {
            await StaffProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "需要启用两步验证",
                "系统管理员、单位管理员和终审账户须先在控制台“两步验证”页面（/admin/account/two-factor）启用动态口令，才能使用其他功能（包括访问令牌）。");
            return;
        }

        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        context.Response.Redirect($"{SetupPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
    }
}
