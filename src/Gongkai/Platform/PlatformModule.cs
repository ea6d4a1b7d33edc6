using System.Text.Encodings.Web;
using System.Text.Unicode;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Gongkai.Platform.Notifications;
using Gongkai.Platform.Pdf;
using Gongkai.Platform.Telemetry;
using Gongkai.Platform.Web;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.WebEncoders;

namespace Gongkai.Platform;

/// <summary>Plumbing every module relies on. No business rules live here.</summary>
internal static class PlatformModule
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.Configuration.GetSection(GongkaiOptions.Section).Get<GongkaiOptions>() ?? new GongkaiOptions();
        services.Configure<GongkaiOptions>(builder.Configuration.GetSection(GongkaiOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();

        services.AddGongkaiData(options);
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditSealer>();
        services.AddScoped<SiteContext>();
        services.AddScoped<Backup.SiteBackup>();
        // One instance, both as the hosted service that runs before Kestrel listens and as a service the admin verbs
        // resolve by itself: a verb must not build the other hosted services (the search index host would open a
        // second writer on the site's live index).
        services.AddSingleton<DatabaseInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer>());
        services.AddGongkaiChangeLog();
        services.AddGongkaiJobs();
        services.AddRecurringJob<AuditSealer>();
        services.AddGongkaiNotifications();

        services.AddGongkaiPdf();

        // Razor's default encoder escapes every Chinese character (&#x653F;), making pages 2.5× larger and
        // far slower; allow all of Unicode (it still escapes <>&"').
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(razor =>
        {
            // Pages live beside their module, each with an absolute route.
            razor.RootDirectory = "/";
            razor.Conventions.AuthorizeFolder("/Admin");
        });
        services.AddApiProblems();
        services.AddOpenApi("v1", OpenApiConventions.Apply);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddOutputCache();
        services.AddPublicCachePolicies();
        services.AddGongkaiRateLimiting();
        services.AddGongkaiRequestLimits(builder.Configuration);
        services.AddGongkaiReverseProxy(builder.Configuration);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(20));
        services.AddGongkaiTelemetry(builder.Configuration);
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        // Behind a configured reverse proxy, everything below sees the client's address, scheme and host.
        app.UseGongkaiForwardedHeaders();
        // Browsers get a Chinese page for every 4xx/5xx answer without a body of its own (/error/{code}, a Portal
        // page); API clients (/api/*) and anything not asking for HTML get RFC 7807 problem details.
        app.UseWhen(WantsPage, browser =>
        {
            browser.UseExceptionHandler("/error/500");
            browser.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseWhen(context => !WantsPage(context), client =>
        {
            client.UseExceptionHandler();
            client.UseStatusCodePages();
        });
        app.UseGongkaiHttps();
        app.UseSecurityHeaders();
        app.UseGongkaiTelemetry();
        // Static files come from the assembly (see Gongkai.csproj): no wwwroot folder has to sit beside the
        // working directory, and tag helpers (asp-append-version) read the same provider.
        app.Environment.WebRootFileProvider = new ManifestEmbeddedFileProvider(typeof(PlatformModule).Assembly, "wwwroot");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseGongkaiRequestLimits();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseDeniedAccessAudit();
        app.UseAuthorization();
        app.UseOutputCache();
        return app;
    }

    /// <summary>A browser asking for a page: not an API address, and HTML among the accepted types.</summary>
    internal static bool WantsPage(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && context.Request.Headers.Accept.Any(accept => accept is not null && accept.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapRazorPages();
        return app;
    }
}
