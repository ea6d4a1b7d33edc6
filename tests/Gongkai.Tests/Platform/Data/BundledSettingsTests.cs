using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Platform.Data;

/// <summary>The executable started from a folder of its own (a service manager's working directory) still loads the
/// appsettings.json published beside it: the database commands stay out of an idle log.</summary>
public sealed class BundledSettingsTests
{
    [Fact]
    [Trait(TestTraits.Database, TestTraits.Once)]
    public async Task Started_elsewhere_the_executable_reads_its_own_settings_and_logs_no_sql()
    {
        using var database = TestDatabase.Create();
        Assert.False(File.Exists(Path.Combine(database.DataFolder, "appsettings.json")), "the working directory has no settings of its own");

        // Information is the default level of the bundled settings; only they turn the database categories down.
        var (exitCode, output, error) = await AppProcess.RunAsync(
            database, "Production", new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Information" }, "migrate");

        Assert.True(exitCode == 0, error);
        Assert.DoesNotContain("Executed DbCommand", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CREATE TABLE", output, StringComparison.Ordinal);
    }
}
