using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gongkai.Tests.Infrastructure;

/// <summary>
/// Migrating and seeding a database takes seconds; copying one takes milliseconds. So each test run migrates and
/// seeds one template per provider and per seeding configuration, and every factory starts on a copy: a copied
/// SQLite file, or <c>CREATE DATABASE … TEMPLATE …</c> on PostgreSQL. The copy is exactly what the app's own start-up
/// would have left, so its <see cref="DatabaseInitializer"/> finds no pending migration and every seeder finds its
/// data present (each seeder checks before it writes).
/// <para>The template is built with background work off (<c>Gongkai:Jobs:Enabled=false</c>), so no change-log
/// follower ran on it: a copy carries no cursor claiming that some node's search index or a cluster-wide follower is
/// up to date, and each copy's host builds its own index from the database as a new node does. Cursors and leases are
/// cleared all the same, in case a future start-up step writes them.</para>
/// </summary>
public static class DatabaseTemplates
{
    /// <summary>The settings that change what start-up seeds; anything else (clocks, probes, limits) a copy shares.</summary>
    private const string SeedingPrefix = "Gongkai:Demo:";

    private static readonly ConcurrentDictionary<string, Lazy<string>> Templates = new(StringComparer.Ordinal);
    private static readonly ConcurrentBag<Action> Cleanup = [];

    static DatabaseTemplates()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var step in Cleanup)
            {
                try
                {
                    step();
                }
                catch (Exception exception) when (exception is IOException or NpgsqlException or UnauthorizedAccessException)
                {
                    // A template left behind in a temp folder or a throwaway cluster harms nothing.
                }
            }
        };
    }

    /// <summary>The seeding settings a factory runs with: demo seeding on unless its settings say otherwise.</summary>
    public static IReadOnlyDictionary<string, string?> SeedingSettings(IDictionary<string, string?> settings)
    {
        var seeding = new SortedDictionary<string, string?>(StringComparer.Ordinal) { ["Gongkai:Demo:Seed"] = "true" };
        foreach (var (key, value) in settings.Where(s => s.Key.StartsWith(SeedingPrefix, StringComparison.OrdinalIgnoreCase)))
        {
            seeding[key] = value;
        }

        return seeding;
    }

    /// <summary>The template for these seeding settings (the SQLite file's path, or the PostgreSQL database's name),
    /// built on first use; concurrent callers wait for the one build.</summary>
    public static string For(string provider, IReadOnlyDictionary<string, string?> seeding)
    {
        var key = provider + "|" + string.Join(';', seeding.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));
        return Templates.GetOrAdd(key, _ => new Lazy<string>(() => Build(provider, key, seeding))).Value;
    }

    /// <summary>Creates database <paramref name="name"/>, empty or as a copy of <paramref name="template"/>.</summary>
    public static void CreatePostgresDatabase(string adminConnectionString, string name, string? template)
    {
        using var connection = new NpgsqlConnection(adminConnectionString);
        connection.Open();
        var sql = template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var command = new NpgsqlCommand(sql, connection);
                command.ExecuteNonQuery();
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                // Copying needs the template to have no other session; two copies started at the same instant wait their turn.
                Thread.Sleep(100);
            }
        }
    }

    private static string Build(string provider, string key, IReadOnlyDictionary<string, string?> seeding)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 4));
        var process = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var folder = Path.Combine(Path.GetTempPath(), "gongkai-tests", $"template-{process}-{id}");
        Directory.CreateDirectory(folder);
        Cleanup.Add(() => Directory.Delete(folder, recursive: true));

        string connectionString, result;
        if (provider == "Postgres")
        {
            var admin = TestDatabase.AdminConnectionString;
            result = $"gk_template_{process}_{id}";
            CreatePostgresDatabase(admin, result, template: null);
            Cleanup.Add(() => DropPostgresDatabase(admin, result));
            connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = result }.ConnectionString;
        }
        else
        {
            result = Path.Combine(folder, "gongkai.db");
            connectionString = $"Data Source={result};Pooling=False";
        }

        using (var host = new TemplateHost(provider, connectionString, folder, seeding))
        {
            // Starting the host runs DatabaseInitializer: migrations, then every seeder.
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            db.Database.ExecuteSqlRaw("DELETE FROM change_log_cursors");
            db.Database.ExecuteSqlRaw("DELETE FROM job_leases");
        }

        // A PostgreSQL template may have no open session when it is copied; SQLite's file must be closed and whole.
        if (provider == "Postgres")
        {
            NpgsqlConnection.ClearAllPools();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        return result;
    }

    private static void DropPostgresDatabase(string adminConnectionString, string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(adminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    /// <summary>The application started once on the template, with background work off.</summary>
    private sealed class TemplateHost(string provider, string connectionString, string folder, IReadOnlyDictionary<string, string?> seeding)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Gongkai:DataFolder", folder);
            builder.UseSetting("Gongkai:Database:Provider", provider);
            builder.UseSetting("Gongkai:Database:ConnectionString", connectionString);
            builder.UseSetting("Gongkai:Jobs:Enabled", "false");
            foreach (var (key, value) in seeding)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
