using Gongkai.Platform.Data;

namespace Gongkai.Publishing.Catalogue;

/// <summary>主动公开基本目录: each body's catalogue tree, its admin page and API.</summary>
internal static class CatalogueModule
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services)
    {
        services.AddScoped<CatalogueDesk>();
        services.AddScoped<IStartupSeeder, CatalogueSeeder>();
        return services;
    }

    public static WebApplication MapCatalogue(this WebApplication app)
    {
        app.MapCatalogueApi();
        return app;
    }
}
