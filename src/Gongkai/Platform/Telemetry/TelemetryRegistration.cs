using System.Net;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Gongkai.Platform.Telemetry;

/// <summary>Telemetry settings (<c>Gongkai:Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Gongkai:Telemetry";

    /// <summary>OTLP collector address (e.g. <c>http://otel-collector:4317</c>); empty = no OTLP export.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary><c>grpc</c> (port 4317) or <c>http/protobuf</c> (port 4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>Also write metrics and traces to the console (debugging only: it floods the log).</summary>
    public bool Console { get; set; }

    public PrometheusOptions Prometheus { get; set; } = new();
}

/// <summary>The Prometheus scrape endpoint.</summary>
public sealed class PrometheusOptions
{
    public bool Enabled { get; set; } = true;

    public string Path { get; set; } = "/metrics";

    /// <summary>Client networks (CIDR or single addresses) that may scrape; everyone else gets 404. The default is this
    /// host only. Behind a reverse proxy on the same host every visitor looks local: block the path at the proxy.</summary>
    public List<string> AllowedNetworks { get; set; } = ["127.0.0.0/8", "::1/128"];

    internal bool Allows(IPAddress? client)
    {
        if (client is null)
        {
            return false;
        }

        var plain = client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client;
        return AllowedNetworks.Any(n => IPNetwork.TryParse(n.Trim(), out var network) ? network.Contains(plain)
            : IPAddress.TryParse(n.Trim(), out var single) && single.Equals(plain));
    }
}

internal static class TelemetryRegistration
{
    /// <summary>Metrics (request duration, Kestrel, Gongkai's job and change-log meters) and traces (incoming requests,
    /// outgoing HTTP, Gongkai's activity source) via OpenTelemetry: exported over OTLP when
    /// <c>Gongkai:Telemetry:OtlpEndpoint</c> is set, metrics scraped from the Prometheus endpoint when enabled, and to
    /// the console only when <c>Gongkai:Telemetry:Console</c> is true, so the default log stays readable.</summary>
    public static void AddGongkaiTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.Configure<TelemetryOptions>(configuration.GetSection(TelemetryOptions.Section));
        services.AddSingleton<GongkaiMetrics>();
        var otlp = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? null : new Uri(options.OtlpEndpoint);
        void Otlp(OtlpExporterOptions exporter)
        {
            exporter.Endpoint = otlp!;
            exporter.Protocol = options.OtlpProtocol.Equals("http/protobuf", StringComparison.OrdinalIgnoreCase) ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("gongkai"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation();
                metrics.AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", GongkaiMetrics.MeterName);
                if (options.Prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(Otlp);
                }

                if (options.Console)
                {
                    metrics.AddConsoleExporter();
                }
            });
        if (otlp is not null || options.Console)
        {
            // Traces only when someone receives them: sampling and exporting cost nothing then.
            telemetry.WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation();
                tracing.AddSource("System.Net.Http", GongkaiMetrics.MeterName);
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(Otlp);
                }

                if (options.Console)
                {
                    tracing.AddConsoleExporter();
                }
            });
        }
    }

    /// <summary>Maps the Prometheus scrape endpoint, answering only the networks the operator allows.</summary>
    public static void UseGongkaiTelemetry(this WebApplication app)
    {
        // Created now, not at the first job run: its gauges must exist even where jobs do not run.
        app.Services.GetRequiredService<GongkaiMetrics>();
        var options = app.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.Prometheus.Enabled)
        {
            return;
        }

        app.UseWhen(
            context => context.Request.Path.Equals(options.Prometheus.Path, StringComparison.OrdinalIgnoreCase),
            branch => branch.Use(async (context, next) =>
            {
                if (!options.Prometheus.Allows(context.Connection.RemoteIpAddress))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                await next(context);
            }));
        app.UseOpenTelemetryPrometheusScrapingEndpoint(options.Prometheus.Path);
    }
}
