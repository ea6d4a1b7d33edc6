using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gongkai.Platform.Data;

internal sealed class DatabaseHealthCheck(GongkaiDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
}
