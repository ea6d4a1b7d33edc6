using Gongkai.Platform.Data;
using Gongkai.Publishing.Contracts;
using Gongkai.Publishing.Demo;

namespace Gongkai.Publishing;

/// <summary>主动公开: published documents, their list and pages. Minimal for now: publishing without review.</summary>
internal static class PublishingModule
{
    public static WebApplicationBuilder AddPublishing(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<DocumentPublisher>();
        services.AddScoped<PublishedDocuments>();
        services.AddScoped<IStartupSeeder, DemoDocumentSeeder>();
        return builder;
    }

    public static WebApplication MapPublishing(this WebApplication app)
    {
        app.MapPublishingApi();
        return app;
    }
}
