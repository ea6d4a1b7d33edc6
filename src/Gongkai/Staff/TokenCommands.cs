using Gongkai.Platform.Data;
using Gongkai.Platform.Cli;
using System.CommandLine;
using System.Globalization;
using Gongkai.Platform.Audit;
using Microsoft.AspNetCore.Identity;
using Gongkai.Platform.Time;

namespace Gongkai.Staff;

/// <summary><c>gongkai token create|list|revoke</c>: personal access tokens from the server's console, for setting up
/// integrations. Changes are audited with the actor “console”.</summary>
internal static class TokenCommands
{
    public const string ConsoleActor = "console";

    public static Command Create(WithServices withServices)
    {
        var command = new Command("token", "管理工作人员的个人访问令牌（创建、列出、撤销）。");
        command.Subcommands.Add(CreateCommand(withServices));
        command.Subcommands.Add(ListCommand(withServices));
        command.Subcommands.Add(RevokeCommand(withServices));
        return command;
    }

    private static Command CreateCommand(WithServices withServices)
    {
        var user = new Option<string>("--user") { Description = "令牌所属工作人员的用户名", Required = true };
        var name = new Option<string>("--name") { Description = "令牌名称（用途），例如“数据报送脚本”", Required = true };
        var days = new Option<int?>("--days") { Description = $"有效天数（1–{AccessTokenService.MaxLifetimeDays}），不填为配置的默认值（{AccessTokenOptions.Section}:DefaultLifetimeDays，未配置时 {AccessTokenService.DefaultLifetimeDays} 天）" };
        var command = new Command("create", "为工作人员创建个人访问令牌。令牌只显示这一次，请立即保存。");
        command.Options.Add(user);
        command.Options.Add(name);
        command.Options.Add(days);
        command.SetAction((parseResult, _) => withServices(async (services, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var label = parseResult.GetValue(name)!.Trim();
            var lifetime = parseResult.GetValue(days);
            if (label.Length is 0 or > AccessTokenService.MaxNameLength)
            {
                await error.WriteLineAsync($"令牌名称不能为空，且不能超过 {AccessTokenService.MaxNameLength} 个字符。");
                return 1;
            }

            if (lifetime is < 1 or > AccessTokenService.MaxLifetimeDays)
            {
                await error.WriteLineAsync($"有效天数应在 1 到 {AccessTokenService.MaxLifetimeDays} 之间。");
                return 1;
            }

            var owner = await FindUserAsync(services, parseResult.GetValue(user)!, error);
            if (owner is null)
            {
                return 1;
            }

            // A token of an account that must use two factors but has none would be refused on every call; say so now.
            var roles = await services.GetRequiredService<UserManager<StaffUser>>().GetRolesAsync(owner);
            var twoFactor = services.GetRequiredService<TwoFactorPolicy>();
            if (!owner.TwoFactorEnabled && twoFactor.Required(roles))
            {
                await error.WriteLineAsync($"{owner.UserName} 是{twoFactor.Why(roles)}，须先登录控制台启用两步验证，才能创建访问令牌。");
                return 1;
            }

            var created = await services.GetRequiredService<AccessTokenService>().CreateAsync(owner, label, lifetime, ConsoleActor, cancellationToken);
            await output.WriteLineAsync($"已为 {owner.UserName} 创建令牌 #{created.Token.Id}（{created.Token.Name}）：");
            await output.WriteLineAsync(created.Secret);
            await output.WriteLineAsync("此令牌只显示这一次，请立即妥善保存。");
            return 0;
        }));
        return command;
    }

    private static Command ListCommand(WithServices withServices)
    {
        var user = new Option<string>("--user") { Description = "工作人员的用户名", Required = true };
        var command = new Command("list", "列出工作人员的访问令牌（不含令牌本身）。");
        command.Options.Add(user);
        command.SetAction((parseResult, _) => withServices(async (services, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var owner = await FindUserAsync(services, parseResult.GetValue(user)!, parseResult.InvocationConfiguration.Error);
            if (owner is null)
            {
                return 1;
            }

            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var tokens = await services.GetRequiredService<AccessTokenService>().ListAsync(owner.Id, cancellationToken);
            if (tokens.Count == 0)
            {
                await output.WriteLineAsync($"{owner.UserName} 没有访问令牌。");
                return 0;
            }

            foreach (var token in tokens)
            {
                var state = token.RevokedAt is not null ? "已撤销" : token.IsUsableAt(now) ? "有效" : "已过期";
                var id = token.Id.ToString(CultureInfo.InvariantCulture);
                await output.WriteLineAsync(
                    $"#{id}\t{token.Prefix}…\t{state}\t创建于 {ChinaTime.FormatMinutes(token.CreatedAt)}\t{token.Name}");
            }

            return 0;
        }));
        return command;
    }

    private static Command RevokeCommand(WithServices withServices)
    {
        var id = new Option<int>("--id") { Description = "令牌编号（见 token list）", Required = true };
        var command = new Command("revoke", "撤销访问令牌，使用它的程序将立即无法访问接口。");
        command.Options.Add(id);
        command.SetAction((parseResult, _) => withServices(async (services, cancellationToken) =>
        {
            var tokenId = parseResult.GetValue(id);
            if (!await services.GetRequiredService<AccessTokenService>().RevokeAsync(tokenId, ownerId: null, ConsoleActor, cancellationToken))
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"找不到编号为 {tokenId} 的令牌。");
                return 1;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"令牌 #{tokenId} 已撤销。");
            return 0;
        }));
        return command;
    }

    private static async Task<StaffUser?> FindUserAsync(IServiceProvider services, string userName, TextWriter error)
    {
        var user = await services.GetRequiredService<UserManager<StaffUser>>().FindByNameAsync(userName.Trim());
        if (user is null)
        {
            await error.WriteLineAsync($"找不到用户“{userName}”。");
        }

        return user;
    }
}
