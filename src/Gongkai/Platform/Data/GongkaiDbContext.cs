using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Data;

/// <summary>The one database context. Each module owns its tables through <see cref="IEntityTypeConfiguration{T}"/>
/// classes in its own folder; they are picked up here, so adding a table never edits this file.
/// Two sealed subclasses exist only so that each provider keeps its own migrations.</summary>
public abstract class GongkaiDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GongkaiDbContext).Assembly);
    }

    /// <summary>Appends a change-log row in the same unit of work as the change it describes.</summary>
    public void RecordChange(ChangeKind kind, string entityId, int? bodyId = null, string? detail = null) =>
        Set<ChangeLogEntry>().Add(new ChangeLogEntry
        {
            Kind = kind.Name,
            Entity = kind.Entity,
            EntityId = entityId,
            BodyId = bodyId,
            Detail = detail,
            At = DateTimeOffset.UtcNow,
        });
}

public sealed class SqliteGongkaiDbContext(DbContextOptions<SqliteGongkaiDbContext> options) : GongkaiDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset text; store UTC ticks so queries translate.
        configurationBuilder.Properties<DateTimeOffset>()
            .HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresGongkaiDbContext(DbContextOptions<PostgresGongkaiDbContext> options) : GongkaiDbContext(options);
