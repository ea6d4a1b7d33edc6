using Gongkai.Platform.Cli;
using Gongkai.Platform.Data;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Platform.Data;

/// <summary>Demo accounts (with a published password) exist only where someone asked for them: the Development
/// environment that <c>dotnet run</c> uses, <c>--demo</c>, or <c>Gongkai:Demo:Seed=true</c>. A published build started
/// plainly in production has none.</summary>
/// <remarks>Which settings turn demo seeding on is configuration, the same on every provider: these run in the SQLite
/// pass only. Demo seeding into PostgreSQL is exercised by the PostgreSQL browser journey, whose portal starts with demo
/// content on a fresh PostgreSQL database.</remarks>
[Trait(TestTraits.Database, TestTraits.Once)]
public sealed class DemoSeedingTests
{
    /// <summary>The accounts after one run of the executable on a migrated database that has no demo content (a copy of
    /// the template seeded without it): what that run's seeders added. Migrating from empty would cost each case a
    /// minute of processor time under load and prove nothing more: the seeders are what the settings switch.</summary>
    private static async Task<List<string>> UserNamesAfterAsync(string environment, IDictionary<string, string>? settings, params string[] args)
    {
        using var database = TestDatabase.Create(DatabaseTemplates.SeedingSettings(new Dictionary<string, string?> { ["Gongkai:Demo:Seed"] = "false" }));
        await using (var before = MigrationContexts.Open(database))
        {
            Assert.Empty(await before.Set<StaffUser>().Select(u => u.UserName!).ToListAsync());
        }

        var (exitCode, output, error) = await AppProcess.RunAsync(database, environment, settings, args);
        Assert.True(exitCode == 0, $"exit {exitCode}: {output} {error}");
        await using var db = MigrationContexts.Open(database);
        return await db.Set<StaffUser>().Select(u => u.UserName!).ToListAsync();
    }

    [Fact]
    public async Task A_production_start_without_the_flag_creates_no_demo_accounts() =>
        Assert.Empty(await UserNamesAfterAsync("Production", null, "migrate"));

    [Fact]
    public async Task The_demo_flag_seeds_the_demo_city_in_production() =>
        Assert.Contains("admin", await UserNamesAfterAsync("Production", null, "--demo", "migrate"));

    [Fact]
    public async Task The_development_environment_of_dotnet_run_seeds_the_demo_city() =>
        Assert.Contains("editor.myszf", await UserNamesAfterAsync("Development", null, "migrate"));

    [Fact]
    public async Task The_setting_seeds_the_demo_city_and_false_wins_over_development() =>
        Assert.Empty(await UserNamesAfterAsync("Development", new Dictionary<string, string> { ["Gongkai__Demo__Seed"] = "false" }, "migrate"));

    [Theory]
    [InlineData(new[] { "--demo" }, new string[0], true)]
    [InlineData(new[] { "serve", "--demo", "--urls", "http://127.0.0.1:1" }, new[] { "serve", "--urls", "http://127.0.0.1:1" }, true)]
    [InlineData(new[] { "--demo", "migrate" }, new[] { "migrate" }, true)]
    [InlineData(new[] { "import", "laws", "--body", "myszf" }, new[] { "import", "laws", "--body", "myszf" }, false)]
    public void The_demo_flag_is_taken_out_wherever_it_stands_and_becomes_the_setting(string[] args, string[] rest, bool demo)
    {
        var (arguments, settings) = GongkaiCommandLine.TakeDemoFlag(args);

        Assert.Equal(rest, arguments);
        Assert.Equal(demo ? ["--Gongkai:Demo:Seed=true"] : [], settings);
    }
}
