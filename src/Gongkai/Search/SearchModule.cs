using Gongkai.Safeguards;
using Gongkai.Platform.Web;
using Gongkai.Platform.Cli;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Platform.Doctor;
using Gongkai.Search.Indexing;
using Gongkai.Search.Synonyms;
using Microsoft.Extensions.Options;

namespace Gongkai.Search;

/// <summary>Full-text search: a Lucene index per node that follows the change log, the search API and page, synonyms.</summary>
internal static class SearchModule
{
    /// <summary><c>reindex</c>: rebuild this node's index.</summary>
    public static IEnumerable<AdminVerb> AdminVerbs { get; } = [new("reindex", SearchCommands.Create)];

    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddConsoleMenuEntry(130, "检索同义词", "/admin/search/synonyms", SafeguardsPermissions.ManageWordLists, "维护检索时互相替代的同义词，如“低保”与“最低生活保障”。");
        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.Section);
        services.AddSingleton(sp => new SearchIndexLocation(Path.GetFullPath(
            sp.GetRequiredService<IOptions<SearchOptions>>().Value.IndexFolder,
            sp.GetRequiredService<IOptions<GongkaiOptions>>().Value.ResolvedDataFolder)));
        // Derived from the database: left out of backups, emptied by a restore, rebuilt on the next start.
        services.AddSingleton(sp => new Gongkai.Platform.Backup.NodeLocalFolder(sp.GetRequiredService<SearchIndexLocation>().Root));
        services.AddDoctorCheck<SearchIndexDoctorCheck>();
        // Opened on first use: admin verbs such as reindex never open (and lock) the serving generation.
        services.AddSingleton(sp => SearchIndex.Open(sp.GetRequiredService<SearchIndexLocation>().Root));
        services.AddSingleton<SynonymCache>();
        services.AddScoped<SearchProjection>();
        services.AddScoped<IndexUpdater>();
        services.AddScoped<Reindexer>();
        services.AddSingleton<SearchService>();
        services.AddScoped<SynonymEditor>();
        services.AddScoped<IStartupSeeder, SynonymSeeder>();
        services.AddChangeLogFollower<SearchFollower>();
        // How far this node's index is behind the change log, as its own meter for dashboards and alerts.
        services.AddSingleton(new Gongkai.Platform.Telemetry.FollowerLagInstrument("search", "gongkai.search.lag",
            "Change-log entries this node's search index has not yet applied (0 = search shows every change)."));
        services.AddHostedService<SearchIndexHost>();
        services.AddSingleton<IndexFollowingWatch>();
        services.AddHealthChecks().AddCheck<SearchFollowingHealthCheck>("search", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapSearch(this WebApplication app)
    {
        app.MapSearchApi();
        return app;
    }
}
