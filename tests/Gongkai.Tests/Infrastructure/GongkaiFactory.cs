using Gongkai.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gongkai.Tests.Infrastructure;

/// <summary>
/// Hosts the whole application in memory on a database of its own. The database follows the test run: SQLite by
/// default; PostgreSQL when <c>GONGKAI_TEST_DATABASE=Postgres</c> and <c>GONGKAI_TEST_POSTGRES</c> (a connection
/// string allowed to create databases) are set — scripts/test runs the host tests both ways.
/// The database starts as a copy of a migrated and seeded template (<see cref="DatabaseTemplates"/>), so the app's
/// start-up finds its migrations applied and its seeders with nothing to do.
/// </summary>
public class GongkaiFactory : WebApplicationFactory<Program>
{
    private readonly Lazy<TestDatabase> _database;

    public GongkaiFactory()
    {
        // Lazy: Settings and FromTemplate are virtual, so they are read only once the subclass is constructed.
        _database = new Lazy<TestDatabase>(() => TestDatabase.Create(FromTemplate ? DatabaseTemplates.SeedingSettings(Settings) : null));
    }

    public TestDatabase Database => _database.Value;

    /// <summary>Extra configuration for a test class (e.g. turning demo seeding off).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>False for a test that needs an empty database (no schema), e.g. to build an old one by hand.</summary>
    protected virtual bool FromTemplate => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Gongkai:DataFolder", Database.DataFolder);
        builder.UseSetting("Gongkai:Database:Provider", Database.Provider);
        builder.UseSetting("Gongkai:Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Gongkai:Demo:Seed", "true");

        // Every host is a node with its own search index, as in production; a host derived with WithWebHostBuilder
        // shares the database but must not fight the first host for the index's write lock.
        builder.UseSetting("Gongkai:Search:IndexFolder", "search-" + Guid.NewGuid().ToString("N")[..12]);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A fresh unit of work on the application's database.</summary>
    public GongkaiDbContext NewDbContext(out IServiceScope scope)
    {
        scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _database.IsValueCreated)
        {
            _database.Value.Dispose();
        }
    }
}

/// <summary>A throwaway database: a SQLite file in a temporary folder, or a new PostgreSQL database.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(string provider, string connectionString, string dataFolder, string? adminConnectionString, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataFolder = dataFolder;
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public string DataFolder { get; }

    public bool IsPostgres => Provider == "Postgres";

    public static bool RunningOnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("GONGKAI_TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>A new database: empty when <paramref name="seeding"/> is null, otherwise a copy of the template
    /// migrated and seeded with those settings.</summary>
    public static TestDatabase Create(IReadOnlyDictionary<string, string?>? seeding = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gongkai-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (!RunningOnPostgres)
        {
            var file = Path.Combine(folder, "gongkai.db");
            if (seeding is not null)
            {
                File.Copy(DatabaseTemplates.For("Sqlite", seeding), file);
            }

            // Four test classes share two cores, each host with its background writers: a writer may wait for SQLite's
            // lock longer than the 30 s default under that load, so the tests give it two minutes.
            return new TestDatabase("Sqlite", $"Data Source={file};Default Timeout=120", folder, null, null);
        }

        var admin = AdminConnectionString;
        var name = "gk_" + Guid.NewGuid().ToString("N")[..20];
        var template = seeding is null ? null : DatabaseTemplates.For("Postgres", seeding);
        DatabaseTemplates.CreatePostgresDatabase(admin, name, template);
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase("Postgres", builder.ConnectionString, folder, admin, name);
    }

    public static string AdminConnectionString => Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES")
        ?? throw new InvalidOperationException("GONGKAI_TEST_DATABASE=Postgres needs GONGKAI_TEST_POSTGRES (an admin connection string).");

    public void Dispose()
    {
        if (_adminConnectionString is not null && _databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_adminConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }

        if (!IsPostgres)
        {
            using var connection = new SqliteConnection(ConnectionString);
            SqliteConnection.ClearPool(connection);
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finished host is harmless in a temp folder.
        }
    }
}
