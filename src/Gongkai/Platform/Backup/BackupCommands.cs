using System.CommandLine;
using Gongkai.Platform.Cli;

namespace Gongkai.Platform.Backup;

/// <summary><c>gongkai backup &lt;file&gt;</c> and <c>gongkai restore &lt;file&gt; [--force]</c>. Neither migrates the
/// database first: a backup taken before an upgrade must hold the database as it was, and a restore writes into an
/// empty database that a migration would fill.</summary>
internal static class BackupCommands
{
    /// <summary>Exit code of a restore that was refused or failed (target not empty, wrong archive, tool missing).</summary>
    public const int Failed = 1;

    public static Command Backup(WithServices withServices)
    {
        var file = new Argument<string>("file") { Description = "备份文件（zip），例如 /backups/gongkai-2026-12-04.zip" };
        var force = new Option<bool>("--force") { Description = "备份文件已存在时覆盖它" };
        var command = new Command("backup", "把数据库（SQLite 用在线备份接口，网站运行时也可进行；PostgreSQL 用 pg_dump）和数据目录中的文件（如公开日志签名密钥）写入一个备份文件。检索索引不备份，恢复后按数据库重建。")
        {
            file, force,
        };
        command.SetAction((parseResult, _) => withServices(async (services, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var target = Path.GetFullPath(parseResult.GetRequiredValue(file));
            if (File.Exists(target) && !parseResult.GetValue(force))
            {
                await error.WriteLineAsync($"备份文件 {target} 已存在；要覆盖它请加 --force。");
                return Failed;
            }

            try
            {
                var manifest = await services.GetRequiredService<SiteBackup>().BackupAsync(target, cancellationToken);
                await output.WriteLineAsync(
                    $"已备份到 {target}（{new FileInfo(target).Length / 1024} KB）：{manifest.Provider} 数据库（迁移 {manifest.LastMigration ?? "无"}）"
                    + $"和数据目录中的 {manifest.Files.Count} 个文件{(manifest.Files.Count > 0 ? "（" + string.Join("、", manifest.Files) + "）" : "")}。");
                return 0;
            }
            catch (Exception failure) when (failure is PostgresToolMissingException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync("备份失败：" + failure.Message);
                return Failed;
            }
        }));
        return command;
    }

    public static Command Restore(WithServices withServices)
    {
        var file = new Argument<string>("file") { Description = "backup 命令写成的备份文件" };
        var force = new Option<bool>("--force") { Description = "目标数据库或数据目录不是空的时仍然恢复，覆盖其中的内容" };
        var command = new Command("restore", "从备份文件恢复到配置的数据库和数据目录（须为空，否则要加 --force；恢复前请停止网站）。检索索引在网站下次启动时按恢复的数据库重建。")
        {
            file, force,
        };
        command.SetAction((parseResult, _) => withServices(async (services, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var source = Path.GetFullPath(parseResult.GetRequiredValue(file));
            try
            {
                var manifest = await services.GetRequiredService<SiteBackup>().RestoreAsync(source, parseResult.GetValue(force), cancellationToken);
                await output.WriteLineAsync(
                    $"已从 {source} 恢复：{manifest.CreatedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm:ss}（北京时间）备份的 {manifest.Provider} 数据库"
                    + $"和 {manifest.Files.Count} 个数据目录文件。检索索引已清空，网站下次启动时按数据库重建；"
                    + "备份之后的版本迁移也在下次启动时执行。建议随后运行 audit verify 和 log verify。");
                return 0;
            }
            catch (Exception failure) when (failure is InvalidOperationException or IOException or UnauthorizedAccessException or System.IO.InvalidDataException)
            {
                await error.WriteLineAsync("未恢复：" + failure.Message);
                return Failed;
            }
        }));
        return command;
    }
}
