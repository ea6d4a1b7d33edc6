using Gongkai.Platform.Data;
using Gongkai.Safeguards.Admin;
using Gongkai.Platform.Jobs;
using Gongkai.Safeguards.Data;
using Gongkai.Safeguards.Links;
using Gongkai.Safeguards.Review;

namespace Gongkai.Safeguards;

/// <summary>Safeguards before publication: personal data found and masked, wording errors, outdated body names and
/// leaders' titles caught, with admin-editable word lists.</summary>
internal static class SafeguardsModule
{
    public static WebApplicationBuilder AddSafeguards(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<SafeguardsProfileCache>();
        services.AddScoped<SafeguardsService>();
        services.AddScoped<WordListEditor>();
        services.AddScoped<IStartupSeeder, WordListSeeder>();
        services.AddScoped<BodyTextFindingSource>();
        services.AddScoped<IDocumentFindingSource>(provider => provider.GetRequiredService<BodyTextFindingSource>());
        services.AddScoped<IDocumentFindingSource, AttachmentFindingSource>();
        services.AddScoped<DocumentSafeguards>();
        services.AddScoped<FindingFixer>();
        services.AddOptions<SafeguardsOptions>().BindConfiguration(SafeguardsOptions.Section);
        services.AddLinkProbeHttpClient();
        services.AddScoped<LinkChecker>();
        services.AddScoped<IDocumentFindingSource, LinkFindingSource>();
        services.AddJobHandler<DocumentLinksJobHandler>();
        services.AddRecurringJob<PublishedLinksJob>();
        return builder;
    }

    public static WebApplication MapSafeguards(this WebApplication app)
    {
        app.MapSafeguardsApi();
        return app;
    }
}
