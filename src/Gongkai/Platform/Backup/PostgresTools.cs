using System.Diagnostics;
using Npgsql;

namespace Gongkai.Platform.Backup;

/// <summary>A PostgreSQL client tool was not found.</summary>
public sealed class PostgresToolMissingException(string tool)
    : InvalidOperationException($"找不到 {tool}：备份和恢复 PostgreSQL 数据库需要 PostgreSQL 客户端工具（{tool}），请安装与服务器同版本或更新的客户端"
        + "（Debian/Ubuntu：apt-get install postgresql-client），或把它所在的目录加入 PATH。");

/// <summary>Runs <c>pg_dump</c> and <c>pg_restore</c>: found on PATH, else the newest under /usr/lib/postgresql/*/bin
/// (Debian's layout; a newer client reads and writes older servers). The connection comes from the portal's
/// connection string; its password goes through <c>PGPASSWORD</c>, never the command line.</summary>
internal static class PostgresTools
{
    public static string Find(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
        if (onPath is not null)
        {
            return onPath;
        }

        const string debian = "/usr/lib/postgresql";
        var versioned = Directory.Exists(debian)
            ? Directory.GetDirectories(debian)
                .Select(folder => (Version: int.TryParse(Path.GetFileName(folder), out var v) ? v : -1, File: Path.Combine(folder, "bin", tool)))
                .Where(c => c.Version >= 0 && File.Exists(c.File))
                .OrderByDescending(c => c.Version)
                .Select(c => c.File)
                .FirstOrDefault()
            : null;
        return versioned ?? throw new PostgresToolMissingException(tool);
    }

    /// <summary>Runs the tool against the database of <paramref name="connectionString"/>; throws with its stderr on failure.</summary>
    public static async Task RunAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find(tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--host=" + (connection.Host ?? "localhost"));
        start.ArgumentList.Add("--port=" + connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(connection.Username))
        {
            start.ArgumentList.Add("--username=" + connection.Username);
        }

        start.ArgumentList.Add("--no-password");
        start.ArgumentList.Add((tool == "pg_restore" ? "--dbname=" : "") + connection.Database);
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        if (connection.SslMode is SslMode.Require or SslMode.VerifyCA or SslMode.VerifyFull)
        {
            start.Environment["PGSSLMODE"] = connection.SslMode switch
            {
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "require",
            };
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"无法启动 {tool}。");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} 失败（退出码 {process.ExitCode}）：{(await error).Trim()} {(await output).Trim()}".Trim());
        }
    }
}
