using System.Diagnostics;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Platform.Data;

/// <summary>Runs the real executable (the build beside the tests) once against a test database, as an operator would.</summary>
public static class AppProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(TestDatabase database, string environment, IDictionary<string, string>? settings, params string[] args)
    {
        var start = StartInfo(database, environment, settings, args);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the application");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>How the executable is started for a verb: the build beside the tests, the test database, jobs off.</summary>
    public static ProcessStartInfo StartInfo(TestDatabase database, string environment, IDictionary<string, string>? settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = database.DataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Gongkai.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment.Remove("Gongkai__Demo__Seed");
        start.Environment["Gongkai__DataFolder"] = database.DataFolder;
        start.Environment["Gongkai__Database__Provider"] = database.Provider;
        start.Environment["Gongkai__Database__ConnectionString"] = database.ConnectionString;
        start.Environment["Gongkai__Jobs__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
