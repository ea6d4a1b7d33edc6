using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Gongkai.BrowserTests.Infrastructure;

/// <summary>
/// Runs the real application executable (Kestrel on a loopback port) with demo content on a fresh database —
/// SQLite, or PostgreSQL when GONGKAI_TEST_DATABASE=Postgres — exactly as `dotnet run` would, and stops it after.
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

    public static async Task<PortalServer> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gongkai-browser", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
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
        if (string.Equals(Environment.GetEnvironmentVariable("GONGKAI_TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase))
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

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort in a temp folder
        }
    }
}
