using OpenTelemetry.Metrics;

namespace Gongkai.Platform.Telemetry;

internal static class TelemetryRegistration
{
    /// <summary>Request-duration metrics (http.server.request.duration) via OpenTelemetry; exported to the console
    /// only when <c>Gongkai:Telemetry:Console</c> is true, so the default log stays readable.</summary>
    public static void AddGongkaiTelemetry(this IServiceCollection services) =>
        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation();
            metrics.AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Gongkai");
        });
}
