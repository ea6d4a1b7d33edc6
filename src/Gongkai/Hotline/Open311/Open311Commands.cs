using System.CommandLine;
using System.Globalization;
using Gongkai.Platform.Cli;

namespace Gongkai.Hotline.Open311;

/// <summary><c>gongkai open311 keys create --name &lt;app&gt; | list | revoke &lt;id&gt;</c>: Open311 application keys from the
/// server's console. The key is printed once. Audited with the actor “console”.</summary>
internal static class Open311Commands
{
    public const string ConsoleActor = "console";

    public static Command Create(WithServices withServices)
    {
        var keys = new Command("keys", "管理 Open311 应用密钥（创建、列出、撤销）。");
        var name = new Option<string>("--name") { Description = "应用名称，例如“市民随手拍”", Required = true };
        var create = new Command("create", "为一个 Open311 应用签发密钥。密钥只显示这一次。");
        create.Options.Add(name);
        create.SetAction((parseResult, _) => withServices(async (services, cancellationToken) =>
        {
            var outcome = await services.GetRequiredService<Open311Keys>().CreateAsync(parseResult.GetValue(name), ConsoleActor, cancellationToken);
            if (!outcome.Succeeded)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(outcome.Refusal.Message);
                return 1;
            }

            var output = parseResult.InvocationConfiguration.Output;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"已为“{outcome.Value!.Key.Name}”签发 Open311 密钥 #{outcome.Value.Key.Id}："));
            await output.WriteLineAsync(outcome.Value.Secret);
            await output.WriteLineAsync("此密钥只显示这一次，请立即交给应用方妥善保存。");
            return 0;
        }));

        var list = new Command("list", "列出 Open311 应用密钥（不含密钥本身）。");
        list.SetAction((parseResult, _) => withServices(async (services, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            foreach (var key in await services.GetRequiredService<Open311Keys>().ListAsync(cancellationToken))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"#{key.Id}\t{key.Prefix}…\t{key.Name}\t{(key.RevokedAt is null ? "有效" : "已撤销")}"));
            }

            return 0;
        }));

        var id = new Argument<int>("id") { Description = "密钥编号" };
        var revoke = new Command("revoke", "撤销一个 Open311 应用密钥。");
        revoke.Arguments.Add(id);
        revoke.SetAction((parseResult, _) => withServices(async (services, cancellationToken) =>
        {
            var outcome = await services.GetRequiredService<Open311Keys>().RevokeAsync(parseResult.GetValue(id), ConsoleActor, cancellationToken);
            await (outcome.Succeeded ? parseResult.InvocationConfiguration.Output : parseResult.InvocationConfiguration.Error)
                .WriteLineAsync(outcome.Succeeded ? "已撤销。" : outcome.Refusal!.Message);
            return outcome.Succeeded ? 0 : 1;
        }));

        keys.Subcommands.Add(create);
        keys.Subcommands.Add(list);
        keys.Subcommands.Add(revoke);
        var command = new Command("open311", "Open311 GeoReport v2 接口的管理。");
        command.Subcommands.Add(keys);
        return command;
    }
}
