using System.CommandLine;
using Gongkai.Platform.Data;

namespace Gongkai.Platform.Cli;

/// <summary>
/// The executable's verbs. <c>serve</c> is the default, so <c>dotnet run</c> needs none; admin verbs build the same
/// application (same configuration, same services), bring the database up to date, run, and exit.
/// </summary>
internal static class GongkaiCommandLine
{
    /// <summary>The platform's own verb; modules contribute theirs through their <c>AdminVerbs</c>, listed in Program.cs.</summary>
    public static IEnumerable<AdminVerb> PlatformVerbs { get; } =
    [
        new("migrate", MigrateCommand),
        new("audit", Audit.AuditCommands.Create),
        new("backup", Backup.BackupCommands.Backup, MigratesFirst: false),
        new("restore", Backup.BackupCommands.Restore, MigratesFirst: false),
        new("doctor", Doctor.DoctorCommand.Create),
    ];

    private static readonly HashSet<string> HelpWords = ["--help", "-h", "-?", "help", "--version"];

    /// <summary>The flag that turns demo seeding on; accepted anywhere on the line, before or after the verb.</summary>
    public const string DemoFlag = "--demo";

    /// <summary>Takes <c>--demo</c> out of the arguments (verbs would reject it, and the web host would read it as a
    /// key without value) and turns it into the setting it stands for, which the web host and every verb receive.</summary>
    public static (string[] Arguments, string[] HostSettings) TakeDemoFlag(string[] args)
    {
        var rest = args.Where(a => a != DemoFlag).ToArray();
        return (rest, rest.Length == args.Length ? [] : ["--Gongkai:Demo:Seed=true"]);
    }

    public static bool IsAdminVerb(string[] args, IReadOnlyCollection<AdminVerb> verbs) =>
        args.Length > 0 && (HelpWords.Contains(args[0]) || verbs.Any(v => v.Name == args[0]));

    /// <summary>A first argument that is neither <c>serve</c>, an admin verb, a help word nor a host setting
    /// (<c>--urls …</c>, <c>--Gongkai:DataFolder=…</c>, <c>-x</c>, <c>key=value</c>): a mistyped verb, which must not
    /// silently start the portal.</summary>
    public static bool IsUnknownVerb(string[] args, IReadOnlyCollection<AdminVerb> verbs) =>
        args.Length > 0 && args[0] != "serve" && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal)
        && !IsAdminVerb(args, verbs);

    /// <summary>Says, in Chinese, that the verb is unknown and lists the verbs; the exit code is 2 (usage error).</summary>
    public static int RejectUnknownVerb(string verb, IReadOnlyCollection<AdminVerb> verbs, TextWriter error)
    {
        error.WriteLine($"未知的命令：{verb}");
        error.WriteLine("可用的命令：");
        error.WriteLine("  serve（默认）  启动门户网站，例如 gongkai serve --urls http://127.0.0.1:5000");
        foreach (var known in verbs)
        {
            // Building a command only describes it; nothing runs.
            var description = known.Create(_ => Task.FromResult(0)).Description;
            error.WriteLine($"  {known.Name,-12}  {description}");
        }

        error.WriteLine("运行 gongkai --help 查看每个命令的说明。");
        return UsageError;
    }

    /// <summary>The exit code of a command line that cannot be understood.</summary>
    public const int UsageError = 2;

    /// <summary>The arguments for the web host: <c>serve</c> itself is dropped, everything else passes through
    /// (e.g. <c>--urls</c>, <c>--Gongkai:DataFolder=/srv/gongkai</c>).</summary>
    public static string[] ServeArguments(string[] args) =>
        args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    /// <summary>Exit code when the database was migrated by a newer build.</summary>
    public const int DatabaseTooNewExitCode = 3;

    /// <summary>Runs an admin verb; <paramref name="hostSettings"/> (e.g. from <c>--demo</c>) go to the application.</summary>
    public static async Task<int> RunAsync(string[] args, string[] hostSettings, IReadOnlyCollection<AdminVerb> verbs, Func<string[], WebApplication> createApplication)
    {
        var root = new RootCommand("Gongkai 政务公开平台。不带子命令（或 serve）启动门户网站；其余子命令为管理命令，与网站共用同一配置。");
        var serve = new Command("serve", "启动门户网站（默认）。其余参数交给 Web 主机，例如 --urls http://127.0.0.1:5000");
        root.Subcommands.Add(serve);

        // Each admin verb runs with the application's services, after the database is migrated and seeded unless the
        // verb says otherwise (backup, restore).
        async Task<int> Run(Func<IServiceProvider, CancellationToken, Task<int>> action, bool migrateFirst)
        {
            await using var app = createApplication(hostSettings);
            using var cancellation = new CancellationTokenSource();
            if (migrateFirst)
            {
                // Only the initializer: resolving every IHostedService would construct the site's background services here
                // too, and the search index host would open the live index a running site is writing.
                var initializer = app.Services.GetRequiredService<DatabaseInitializer>();
                try
                {
                    await initializer.StartAsync(cancellation.Token);
                }
                catch (DatabaseNewerThanBuildException refusal)
                {
                    await Console.Error.WriteLineAsync(refusal.Message);
                    return DatabaseTooNewExitCode;
                }
            }

            await using var scope = app.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider, cancellation.Token);
        }

        foreach (var verb in verbs)
        {
            root.Subcommands.Add(verb.Create(verb.MigratesFirst ? action => Run(action, migrateFirst: true) : action => Run(action, migrateFirst: false)));
        }

        return await root.Parse(args).InvokeAsync();
    }

    private static Command MigrateCommand(WithServices withServices)
    {
        var command = new Command("migrate", "创建或升级数据库到当前版本（启动网站时也会自动执行），然后退出。");
        command.SetAction((_, _) => withServices((_, _) =>
        {
            Console.WriteLine("数据库已是最新版本。");
            return Task.FromResult(0);
        }));
        return command;
    }
}
