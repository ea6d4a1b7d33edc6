using System.CommandLine;
using Gongkai.Platform.Cli;
using Gongkai.Transparency.Log;

namespace Gongkai.Transparency;

/// <summary><c>gongkai log verify</c> (this server's database) and <c>gongkai log monitor --url … --state …</c> (any site).</summary>
internal static class TransparencyCommands
{
    public static Command Create(WithServices withServices)
    {
        var command = new Command("log", "核验公开日志：verify 重算本站的全部日志条目和树，monitor 监督任一站点的日志没有被改写。");
        command.Subcommands.Add(VerifyCommand(withServices));
        command.Subcommands.Add(MonitorCommand());
        return command;
    }

    private static Command VerifyCommand(WithServices withServices)
    {
        var command = new Command("verify", "按数据库中存储的已发布版本重算每一条日志条目、整棵默克尔树和每个签名树头；有任何不符时列出并以退出码 1 结束。");
        command.SetAction((parseResult, _) => withServices(async (services, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var started = TimeProvider.System.GetTimestamp();
            var result = await services.GetRequiredService<LogVerifier>().VerifyAsync(cancellationToken);
            var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
            foreach (var problem in result.Problems)
            {
                await output.WriteLineAsync("不符：" + problem);
            }

            await output.WriteLineAsync(
                $"{(result.Passed ? "公开日志核验通过" : $"公开日志核验失败，共 {result.Problems.Count} 处不符")}：{result.Leaves} 条日志条目，{result.Versions} 项已公开的内容（文件版本、解读、公报、撤回）" +
                $"（其中 {result.PendingVersions} 项尚未记入日志），{result.Heads} 个签名树头，用时 {seconds:F1} 秒。");
            return result.Passed ? 0 : 1;
        }));
        return command;
    }

    private static Command MonitorCommand()
    {
        var url = new Option<string>("--url") { Description = "要监督的站点地址，例如 https://www.example.gov.cn/", Required = true };
        var state = new Option<string>("--state") { Description = "保存上次所见树头的文件；首次运行时创建", Required = true };
        var command = new Command("monitor", "取得站点最新的签名树头，核验签名，并用一致性证明核验它是上次所见树头的延续；发现分叉或改写时以退出码 1 结束。");
        command.Options.Add(url);
        command.Options.Add(state);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!Uri.TryCreate(parseResult.GetValue(url), UriKind.Absolute, out var site) || (site.Scheme != Uri.UriSchemeHttps && site.Scheme != Uri.UriSchemeHttp))
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"--url 应为站点的完整地址（http:// 或 https:// 开头），收到的是“{parseResult.GetValue(url)}”。");
                return 2;
            }

            if (!site.AbsolutePath.EndsWith('/'))
            {
                site = new Uri(site.AbsoluteUri + "/");
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            try
            {
                var result = await new LogMonitor(http).RunAsync(site, parseResult.GetValue(state)!, cancellationToken);
                await (result.ExitCode == 0 ? parseResult.InvocationConfiguration.Output : parseResult.InvocationConfiguration.Error).WriteLineAsync(result.Message);
                return result.ExitCode;
            }
            catch (Exception failure) when (failure is HttpRequestException or System.Text.Json.JsonException or FormatException or InvalidDataException or TaskCanceledException)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"无法核验 {site}：{failure.Message}");
                return 2;
            }
        });
        return command;
    }
}
