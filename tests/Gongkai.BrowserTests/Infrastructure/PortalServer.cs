using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Gongkai.BrowserTests.Infrastructure;

/// <summary>
/// Runs the real application executable (Kestrel on a loopback port) with demo content on a database of its own —
/// SQLite (a copy of one seeded template), or a fresh PostgreSQL database when GONGKAI_TEST_DATABASE=Postgres —
/// exactly as `dotnet run` would, and stops it after.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    public const string DemoPassword = "Browser-Test-2026";

    private readonly Process _process;
    private readonly string _folder;
    private readonly string? _postgresDatabase;
    private string? _postgresConnection;
    private readonly StringBuilder _output = new();

    private PortalServer(Process process, string folder, string? postgresDatabase, Uri baseAddress)
    {
        _process = process;
        _folder = folder;
        _postgresDatabase = postgresDatabase;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Whether the portals run on PostgreSQL (GONGKAI_TEST_DATABASE=Postgres) rather than a SQLite file.</summary>
    private static bool OnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("GONGKAI_TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The data folder of one portal that was started fresh — migrations, every demo seeder, the first index — and then
    /// stopped. Seeding the demo city costs a fresh start about 28 s of processor time against 8 s for a start on a
    /// seeded folder; the SQLite collections each start on a copy of this folder instead of seeding their own, so the
    /// fresh path still runs once per pass and every later start is the restart path `dotnet run` takes on day two.
    /// </summary>
    private static readonly Lazy<Task<string>> SeededSqliteTemplate = new(SeedSqliteTemplateAsync);

    /// <summary>A portal on a database of its own: on SQLite a copy of the seeded template, on PostgreSQL a fresh one.</summary>
    public static async Task<PortalServer> StartAsync()
    {
        var folder = NewFolder();
        if (!OnPostgres)
        {
            CopyDirectory(await SeededSqliteTemplate.Value, Path.Combine(folder, "data"));
        }

        return await StartInAsync(folder);
    }

    private static async Task<string> SeedSqliteTemplateAsync()
    {
        var template = await StartInAsync(NewFolder());
        await template.StopGracefullyAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteFolder(template._folder);
        return Path.Combine(template._folder, "data");
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gongkai-browser", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static async Task<PortalServer> StartInAsync(string folder)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Gongkai.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Gongkai__DataFolder"] = Path.Combine(folder, "data");
        start.Environment["Gongkai__Demo__Seed"] = "true";
        start.Environment["Gongkai__Demo__Password"] = DemoPassword;
        // Every browser test signs in from 127.0.0.1, several collections at once: the per-address limit (10 a minute,
        // tested in the host tests) would refuse the shared portal's sign-ins, not anything these tests are about.
        start.Environment["Gongkai__Staff__SignInAttemptsPerMinute"] = "1000";

        string? database = null;
        if (OnPostgres)
        {
            var admin = Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES")
                ?? throw new InvalidOperationException("GONGKAI_TEST_POSTGRES is required with GONGKAI_TEST_DATABASE=Postgres");
            database = "gkb_" + Guid.NewGuid().ToString("N")[..20];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
                await command.ExecuteNonQueryAsync();
            }

            start.Environment["Gongkai__Database__Provider"] = "Postgres";
            start.Environment["Gongkai__Database__ConnectionString"] = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the application");
        var server = new PortalServer(process, folder, database, baseAddress)
        {
            _postgresConnection = start.Environment.TryGetValue("Gongkai__Database__ConnectionString", out var appConnection) ? appConnection : null,
        };
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(180));
        }
        catch
        {
            // A fixture that fails to start is never disposed by xunit: the portal process must not outlive the run.
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Stops the portal as a service manager would (SIGTERM), so its database and index are closed cleanly.</summary>
    private async Task StopGracefullyAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(patience.Token);
        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the template portal stopped with {_process.ExitCode}:\n{Output}");
        }

        _process.Dispose();
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            CopyDirectory(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }

    /// <summary>Runs one SQL statement on the portal's database — for what a browser cannot do, such as letting a
    /// consultation's deadline pass on a server that runs on the real clock.</summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        if (_postgresConnection is not null)
        {
            await using var connection = new NpgsqlConnection(_postgresConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
            return;
        }

        await using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_folder, "data", "gongkai.db")}");
        await sqlite.OpenAsync();
        await using var update = sqlite.CreateCommand();
        update.CommandText = sql;
        await update.ExecuteNonQueryAsync();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the application exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"the application did not become ready within {timeout}:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        DeleteFolder(_folder);
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort in a temp folder
        }
    }
}
