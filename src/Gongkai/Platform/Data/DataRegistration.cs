using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Data;

internal static class DataRegistration
{
    /// <summary>Registers <see cref="GongkaiDbContext"/> backed by the configured provider, with that provider's migrations.</summary>
    public static void AddGongkaiData(this IServiceCollection services, GongkaiOptions options)
    {
        services.AddSingleton<ChangeLogOrderingInterceptor>();
        services.AddSingleton<SqliteJournalInterceptor>();
        services.AddScoped<SequenceAllocator>();
        switch (options.Database.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(options);
                services.AddDbContext<GongkaiDbContext, SqliteGongkaiDbContext>((sp, db) => db
                    .UseSqlite(sqlite)
                    .AddInterceptors(sp.GetRequiredService<ChangeLogOrderingInterceptor>(), sp.GetRequiredService<SqliteJournalInterceptor>()));
                break;
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(options.Database.ConnectionString))
                {
                    throw new InvalidOperationException(
                        "Gongkai:Database:ConnectionString is required when Gongkai:Database:Provider is Postgres.");
                }

                services.AddDbContext<GongkaiDbContext, PostgresGongkaiDbContext>((sp, db) => db
                    .UseNpgsql(options.Database.ConnectionString)
                    .AddInterceptors(sp.GetRequiredService<ChangeLogOrderingInterceptor>()));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Database.Provider}'.");
        }
    }

    public static string SqliteConnectionString(GongkaiOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Database.ConnectionString))
        {
            return options.Database.ConnectionString;
        }

        Directory.CreateDirectory(options.ResolvedDataFolder);
        return $"Data Source={Path.Combine(options.ResolvedDataFolder, "gongkai.db")}";
    }
}
