using Gongkai.Platform.Cli;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Gongkai.Publishing.Catalogue;
using Gongkai.Publishing.Attachments;
using Gongkai.Publishing.Gazette;
using Gongkai.Publishing.Feeds;
using Gongkai.Publishing.Contracts;
using Gongkai.Publishing.Demo;

namespace Gongkai.Publishing;

/// <summary>主动公开: documents from draft through three-stage review to publication, correction and withdrawal; public lists and pages.</summary>
internal static class PublishingModule
{
    /// <summary><c>import</c>: publish a folder of Markdown files as documents of a body.</summary>
    public static IEnumerable<AdminVerb> AdminVerbs { get; } = [new("import", Import.ImportCommand.Create)];

    public static WebApplicationBuilder AddPublishing(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PublishingOptions>().BindConfiguration(PublishingOptions.Section);
        services.AddScoped<IndexNumberAllocator>();
        services.AddScoped<DocumentPublisher>();
        services.AddScoped<DocumentDesk>();
        services.AddScoped<PublishedDocuments>();
        services.AddRecurringJob<ScheduledPublicationJob>();
        services.AddScoped<IStartupSeeder, DemoDocumentSeeder>();
        services.AddCatalogue();
        services.AddScoped<Import.DocumentImporter>();
        builder.AddAttachments();
        builder.AddGazette();
        builder.AddFeeds();
        return builder;
    }

    public static WebApplication MapPublishing(this WebApplication app)
    {
        app.MapPublishingApi();
        app.MapCatalogue();
        app.MapAttachments();
        app.MapGazette();
        app.MapFeeds();
        return app;
    }
}
