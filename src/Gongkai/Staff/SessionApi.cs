using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Staff;

public sealed record CreateTokenRequest(string? UserName, string? Password, string? Otp, string? Name, int? ExpiresInDays);

/// <param name="ExpiresInDays">Days from now (1–365); the configured default (90 unless changed) when left out.</param>
public sealed record RenewTokenRequest(int? ExpiresInDays);

public sealed record CreatedTokenResponse(int Id, string Token, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

/// <summary>A token as its owner sees it later: never the secret, which is not stored.</summary>
public sealed record TokenSummary(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

public sealed record SessionResponse(string UserName, string DisplayName, int? BodyId, IReadOnlyList<string> Roles,
    bool TwoFactorEnabled, string AuthenticatedBy);

/// <summary>/api/v1/session: who am I, and personal access tokens (create with user name + password [+ code], list, revoke).</summary>
internal static class SessionApi
{
    public static IEndpointRouteBuilder MapStaffSessionApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/session", WhoAmI).WithSummary("当前登录的工作人员、所属机关和角色").WithTags("会话与访问令牌").RequireAuthorization(Permissions.Staff);
        var session = app.MapGroup("/api/v1/session").WithTags("会话与访问令牌");
        session.MapPost("/tokens", CreateTokenAsync).WithSummary("用用户名、密码（和动态验证码）换取访问令牌").AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        session.MapGet("/tokens", ListTokensAsync).WithSummary("列出本人的访问令牌").RequireAuthorization(Permissions.Staff);
        session.MapPost("/tokens/{id:int}/renew", RenewTokenAsync).WithSummary("续期本人的一个未过期的访问令牌（从现在起算，默认 90 天，可配置）").RequireAuthorization(Permissions.Staff);
        session.MapDelete("/tokens/{id:int}", RevokeTokenAsync).WithSummary("吊销本人的一个访问令牌").RequireAuthorization(Permissions.Staff);
        return app;
    }

    private static Ok<SessionResponse> WhoAmI(ClaimsPrincipal user) => TypedResults.Ok(new SessionResponse(
        user.Identity?.Name ?? "",
        StaffClaims.DisplayNameOf(user),
        StaffClaims.BodyIdOf(user),
        StaffRoles.All.Where(user.IsInRole).ToArray(),
        StaffClaims.HasTwoFactor(user),
        user.Identity?.AuthenticationType == StaffSchemes.AccessToken ? "token" : "cookie"));

    private static async Task<Results<Created<CreatedTokenResponse>, ValidationProblem, ProblemHttpResult>> CreateTokenAsync(
        CreateTokenRequest request,
        UserManager<StaffUser> users,
        SignInManager<StaffUser> signIn,
        SignInAudit audit,
        SignInThrottle throttle,
        AccessTokenService tokens,
        HttpResponse response,
        TimeProvider clock,
        TwoFactorPolicy twoFactor,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            errors["userName"] = ["请提供用户名。"];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["请提供密码。"];
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["请提供令牌名称（用途），例如“数据报送脚本”。"];
        }
        else if (request.Name.Trim().Length > AccessTokenService.MaxNameLength)
        {
            errors["name"] = [$"令牌名称不能超过 {AccessTokenService.MaxNameLength} 个字符。"];
        }

        if (request.ExpiresInDays is < 1 or > AccessTokenService.MaxLifetimeDays)
        {
            errors["expiresInDays"] = [$"有效天数应在 1 到 {AccessTokenService.MaxLifetimeDays} 之间；不填为 {tokens.DefaultLifetime} 天。"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "请求内容不完整或有误");
        }

        var name = request.UserName!.Trim();
        if (await throttle.WaitUntilAsync(name, cancellationToken) is { } until)
        {
            await audit.FailedAsync(await users.FindByNameAsync(name), name, SignInFailure.Throttled, SignInChannel.TokenApi, cancellationToken: cancellationToken);
            response.Headers.RetryAfter = ((int)Math.Ceiling((until - clock.GetUtcNow()).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(title: "尝试次数过多", detail: Rules.SignInThrottleRules.Message(until, clock.GetUtcNow()),
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new StaffUser(), SignInMessages.DecoyHash, request.Password!);
            await throttle.RecordFailureAsync(name, cancellationToken);
            await audit.FailedAsync(null, name, SignInFailure.UnknownUser, SignInChannel.TokenApi, cancellationToken: cancellationToken);
            return BadCredentials();
        }

        if (await users.IsLockedOutAsync(user))
        {
            await audit.FailedAsync(user, name, SignInFailure.Locked, SignInChannel.TokenApi, cancellationToken: cancellationToken);
            return Locked(await users.GetLockoutEndDateAsync(user));
        }

        var password = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: false);
        if (!password.Succeeded)
        {
            await throttle.RecordFailureAsync(name, cancellationToken);
            await audit.FailedAsync(user, name, SignInFailure.BadPassword, SignInChannel.TokenApi, cancellationToken: cancellationToken);
            return BadCredentials();
        }

        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(request.Otp))
            {
                await audit.FailedAsync(user, name, SignInFailure.MissingCode, SignInChannel.TokenApi, cancellationToken: cancellationToken);
                return CodeRequired("该账户已启用两步验证，请在 otp 字段提供验证器应用中当前的六位动态口令。");
            }

            var code = request.Otp.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                // A wrong code counts like a wrong password, or six digits could be guessed.
                await throttle.RecordFailureAsync(name, cancellationToken);
                await audit.FailedAsync(user, name, SignInFailure.BadCode, SignInChannel.TokenApi, cancellationToken: cancellationToken);
                return CodeRequired("动态口令不正确，请输入验证器应用中当前显示的六位数字。");
            }
        }
        else if (await users.GetRolesAsync(user) is var roles && twoFactor.Required(roles))
        {
            await audit.FailedAsync(user, name, SignInFailure.MissingCode, SignInChannel.TokenApi, $"{twoFactor.Why(roles)}尚未启用两步验证", cancellationToken);
            return TypedResults.Problem(title: "需要启用两步验证", statusCode: StatusCodes.Status403Forbidden,
                detail: $"{twoFactor.Why(roles)}账户须先登录控制台启用两步验证，才能创建访问令牌。");
        }

        await throttle.ForgetAsync(name, cancellationToken);
        var created = await tokens.CreateAsync(user, request.Name!, request.ExpiresInDays, cancellationToken: cancellationToken);
        return TypedResults.Created((string?)null, new CreatedTokenResponse(created.Token.Id, created.Secret, created.Token.Name,
            created.Token.Prefix, created.Token.CreatedAt, created.Token.ExpiresAt));
    }

    private static async Task<Ok<TokenSummary[]>> ListTokensAsync(ClaimsPrincipal user, AccessTokenService tokens, CancellationToken cancellationToken)
    {
        var list = await tokens.ListAsync(StaffClaims.UserIdOf(user) ?? "", cancellationToken);
        return TypedResults.Ok(list.Select(t => new TokenSummary(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.ExpiresAt, t.RevokedAt)).ToArray());
    }

    private static async Task<Results<Ok<TokenSummary>, ProblemHttpResult, ValidationProblem>> RenewTokenAsync(
        int id, [FromBody] RenewTokenRequest? request, ClaimsPrincipal user, AccessTokenService tokens, CancellationToken cancellationToken)
    {
        if (request?.ExpiresInDays is < 1 or > AccessTokenService.MaxLifetimeDays)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["expiresInDays"] = [$"有效天数应在 1 到 {AccessTokenService.MaxLifetimeDays} 之间；不填为 {tokens.DefaultLifetime} 天。"] },
                title: "请求内容有误");
        }

        return (await tokens.RenewAsync(id, StaffClaims.UserIdOf(user) ?? "", request?.ExpiresInDays, cancellationToken))
            .ToResult(t => TypedResults.Ok(new TokenSummary(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.ExpiresAt, t.RevokedAt)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(int id, ClaimsPrincipal user, AccessTokenService tokens, CancellationToken cancellationToken) =>
        await tokens.RevokeAsync(id, StaffClaims.UserIdOf(user) ?? "", cancellationToken: cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "找不到令牌", detail: $"您没有编号为 {id} 的访问令牌。", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult BadCredentials() =>
        TypedResults.Problem(title: "登录失败", detail: SignInMessages.BadCredentials, statusCode: StatusCodes.Status401Unauthorized);

    private static ProblemHttpResult CodeRequired(string detail) =>
        TypedResults.Problem(title: "需要动态口令", detail: detail, statusCode: StatusCodes.Status401Unauthorized);

    private static ProblemHttpResult Locked(DateTimeOffset? until) =>
        TypedResults.Problem(title: "账户已锁定", detail: SignInMessages.Locked(until), statusCode: StatusCodes.Status423Locked);
}
