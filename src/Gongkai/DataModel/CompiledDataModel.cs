using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.DataModel;

/// <summary>
/// The application runs on compiled EF Core models, one per provider (<c>DataModel/Sqlite</c>, <c>DataModel/Postgres</c>,
/// written by <c>scripts/compile-model</c>): building the model from <c>OnModelCreating</c> cost a third of the processor
/// time of every start of the executable. They name every module's entities, so they sit beside <c>Program.cs</c>, above
/// the modules, not in Platform. <c>CompiledModelTests</c> fails while one differs from what <c>OnModelCreating</c> builds.
/// </summary>
public static class CompiledDataModel
{
    public static WebApplicationBuilder UseCompiledDataModel(this WebApplicationBuilder builder)
    {
#if !WITHOUT_COMPILED_MODEL
        // The build that scripts/compile-model makes to rewrite them has none (a stale one may not compile).
        builder.Services.ConfigureDbContext<SqliteGongkaiDbContext>(db => db.UseModel(Sqlite.SqliteGongkaiDbContextModel.Instance));
        builder.Services.ConfigureDbContext<PostgresGongkaiDbContext>(db => db.UseModel(Postgres.PostgresGongkaiDbContextModel.Instance));
#endif
        return builder;
    }
}
