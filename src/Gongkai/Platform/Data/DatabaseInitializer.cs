using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Platform.Data;

/// <summary>Something a module seeds on start: reference data always, demo content only in demo mode.</summary>
public interface IStartupSeeder
{
    /// <summary>Lower runs first (bodies before the accounts that belong to them).</summary>
    int Order { get; }

    Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken);
}

/// <summary>Brings the database to the current schema (an older database is upgraded in place) and runs the
/// seeders, before the server accepts requests.</summary>
internal sealed class DatabaseInitializer(IServiceProvider services, IOptions<GongkaiOptions> options, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        foreach (var seeder in scope.ServiceProvider.GetServices<IStartupSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(scope.ServiceProvider, options.Value.Demo.Seed, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
