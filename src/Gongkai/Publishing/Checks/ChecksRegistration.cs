using Gongkai.Platform.Jobs;
using Gongkai.Publishing.Checks.Links;
using Gongkai.Safeguards.Links;
using Gongkai.Safeguards;

namespace Gongkai.Publishing.Checks;

/// <summary>The safeguards engine applied to documents: findings of a document from every source (body text,
/// attachments, links), the 终审 gate with overrides, one-click fixes, and the link checks of documents.</summary>
internal static class ChecksRegistration
{
    public static IServiceCollection AddDocumentChecks(this IServiceCollection services)
    {
        services.AddScoped<BodyTextFindingSource>();
        services.AddScoped<IDocumentFindingSource>(provider => provider.GetRequiredService<BodyTextFindingSource>());
        services.AddScoped<IDocumentFindingSource, AttachmentFindingSource>();
        services.AddScoped<DocumentSafeguards>();
        services.AddScoped<AttachmentMasking>();
        services.AddScoped<FindingFixer>();
        services.AddLinkProbeHttpClient();
        services.AddScoped<LinkChecker>();
        services.AddScoped<IDocumentFindingSource, LinkFindingSource>();
        services.AddJobHandler<DocumentLinksJobHandler>();
        services.AddRecurringJob<PublishedLinksJob>();
        services.AddScoped<LeakReports.LeakReportDesk>();
        services.AddScoped<PublishedScan.PublishedScanner>();
        services.AddScoped<PublishedScan.PublishedScanDesk>();
        services.AddRecurringJob<PublishedScan.PublishedScanJob>();
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(limiter => LeakReports.LeakReportRateLimits.Add(limiter, 5));
        return services;
    }
}
