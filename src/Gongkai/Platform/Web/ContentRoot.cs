namespace Gongkai.Platform.Web;

/// <summary>
/// Where the application finds <c>appsettings.json</c> and <c>wwwroot</c>. ASP.NET Core takes the working directory,
/// which is right for <c>dotnet run</c> from the project folder and wrong for a published build started from anywhere
/// else (a service manager, a shell in <c>/</c>): its bundled settings would silently not load. So when the working
/// directory has no <c>appsettings.json</c> and the executable's folder has one, the executable's folder is the content
/// root. An explicit choice (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>/<c>DOTNET_CONTENTROOT</c>) always wins.
/// The data folder stays relative to the working directory, as the README says.
/// </summary>
public static class ContentRoot
{
    private const string SettingsFile = "appsettings.json";

    /// <summary>The content root to set, or null to keep ASP.NET Core's default.</summary>
    public static string? Choose(IReadOnlyList<string> args, string workingDirectory, string executableDirectory, Func<string, string?> environment)
    {
        var explicitChoice = args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"));
        if (explicitChoice || File.Exists(Path.Combine(workingDirectory, SettingsFile)) || !File.Exists(Path.Combine(executableDirectory, SettingsFile)))
        {
            return null;
        }

        return executableDirectory;
    }

    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = Choose(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Environment.GetEnvironmentVariable),
    };
}
