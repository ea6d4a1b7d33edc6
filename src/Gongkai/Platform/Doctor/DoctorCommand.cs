using System.CommandLine;
using Gongkai.Platform.Cli;

namespace Gongkai.Platform.Doctor;

/// <summary><c>gongkai doctor [--repair]</c>: runs every module's <see cref="IDoctorCheck"/> on the configured database,
/// while the site runs or not. Exit code 0 when nothing is wrong (or everything found was repaired), 1 otherwise.</summary>
internal static class DoctorCommand
{
    public static Command Create(WithServices withServices)
    {
        var repair = new Option<bool>("--repair") { Description = "修复能安全修复的问题（只改数据库，每处修复写审计记录），并说明做了什么" };
        var command = new Command("doctor", "检查数据库的一致性：已发布文件的版本、历史、审计和变更记录齐全，检索索引的文件数与数据库一致，导入记录无重复；用中文报告数量和有问题的索引号，有问题时退出码为 1。")
        {
            repair,
        };
        command.SetAction((parseResult, _) => withServices(async (services, cancellationToken) =>
        {
            var report = new DoctorReport(parseResult.InvocationConfiguration.Output);
            var repairing = parseResult.GetValue(repair);
            foreach (var check in services.GetServices<IDoctorCheck>().OrderBy(c => c.Order))
            {
                await report.HeadingAsync(check.Title);
                await check.RunAsync(report, repairing, cancellationToken);
            }

            await report.WriteLineAsync(report switch
            {
                { Problems: 0 } => "检查完成：未发现问题。",
                { Unresolved: 0 } => $"检查完成：发现 {report.Problems} 处问题，已全部修复。",
                _ when repairing => $"检查完成：发现 {report.Problems} 处问题，修复 {report.Repaired} 处，仍有 {report.Unresolved} 处需要人工处理。",
                _ => $"检查完成：发现 {report.Problems} 处问题。加 --repair 修复能安全修复的部分。",
            });
            return report.Unresolved == 0 ? 0 : 1;
        }));
        return command;
    }
}
