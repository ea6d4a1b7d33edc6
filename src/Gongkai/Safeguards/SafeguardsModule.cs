using Gongkai.Platform.Web;
using Gongkai.Platform.Data;
using Gongkai.Safeguards.Admin;
using Gongkai.Safeguards.Data;

namespace Gongkai.Safeguards;

/// <summary>Safeguards before publication: personal data found and masked, wording errors, outdated body names and
/// leaders' titles caught, with admin-editable word lists.</summary>
internal static class SafeguardsModule
{
    public static WebApplicationBuilder AddSafeguards(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSafeguardsPermissions();
        services.AddConsoleMenuEntry(120, "发布前检查词库", "/admin/safeguards/word-lists", SafeguardsPermissions.ManageWordLists, "维护错别字、机构旧称、规范表述和敏感词词库。");
        services.AddSingleton<SafeguardsProfileCache>();
        services.AddScoped<SafeguardsService>();
        services.AddScoped<WordListEditor>();
        services.AddScoped<IStartupSeeder, WordListSeeder>();
        services.AddOptions<SafeguardsOptions>().BindConfiguration(SafeguardsOptions.Section);
        return builder;
    }

    public static WebApplication MapSafeguards(this WebApplication app)
    {
        app.MapSafeguardsApi();
        return app;
    }
}
