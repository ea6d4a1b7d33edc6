using System.CommandLine;
using Gongkai.Platform.Cli;

namespace Gongkai.Platform.Audit;

/// <summary><c>gongkai audit verify</c>: recomputes the audit log's hash chain.</summary>
internal static class AuditCommands
{
    public static Command Create(WithServices withServices)
    {
        var command = new Command("audit", "审计日志：verify 重算审计日志的哈希链，发现被改动或删除的记录。");
        var verify = new Command("verify", "先把尚未封存的审计记录封存入链，再从第一条起重算整条哈希链；有任何不符时列出并以退出码 1 结束。");
        verify.SetAction((parseResult, _) => withServices(async (services, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            // Sealing first means the check covers every committed row, not only those the site's job reached.
            try
            {
                await services.GetRequiredService<AuditSealer>().SealAsync(cancellationToken);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // The running site's sealer took the same positions first; what it sealed is checked below.
            }

            var result = await services.GetRequiredService<AuditVerifier>().VerifyAsync(cancellationToken);
            foreach (var problem in result.Problems)
            {
                await output.WriteLineAsync("不符：" + problem);
            }

            await output.WriteLineAsync(result.Passed
                ? $"审计日志核验通过：{result.Sealed} 条记录，链头第 {result.HeadSeq} 条，哈希 {result.HeadHash}。请另行保存链头，以便日后发现末尾记录被删除。"
                : $"审计日志核验失败，共 {result.Problems.Count} 处不符（共 {result.Sealed} 条已封存记录）。");
            return result.Passed ? 0 : 1;
        }));
        command.Subcommands.Add(verify);
        return command;
    }
}
