using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Platform.Data;

/// <summary>The real executable serving on a loopback port against a test database, as an operator runs it; stopped
/// (and its process tree killed) on dispose.</summary>
public sealed class AppServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Port => BaseAddress.Port;

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

    /// <summary>Starts the portal (Production, jobs on unless <paramref name="settings"/> say otherwise) and waits for /healthz.</summary>
    public static async Task<AppServer> StartAsync(TestDatabase database, IDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = database.DataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Gongkai.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("Gongkai__Demo__Seed");
        start.Environment["Gongkai__DataFolder"] = database.DataFolder;
        start.Environment["Gongkai__Database__Provider"] = database.Provider;
        start.Environment["Gongkai__Database__ConnectionString"] = database.ConnectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the application");
        var server = new AppServer(process, baseAddress);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"the application exited with {process.ExitCode}:\n{server.Output}");
                }

                try
                {
                    if ((await http.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode)
                    {
                        return server;
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet (polled every 25 ms: the crash suite starts the site 20 times and more).
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"the application did not answer /healthz within 120 s:\n{server.Output}");
                }

                await Task.Delay(25);
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
