using Gongkai.Platform.Cli;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Gongkai.Publishing.Contracts;
using Gongkai.Transparency.Log;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongkai.Transparency;

/// <summary>The public log (公开日志): an RFC 6962 Merkle tree of every published version, signed tree heads, the
/// /ct/v1 read API, the log pages, and the <c>log verify</c>/<c>log monitor</c> verbs.</summary>
internal static class TransparencyModule
{
    /// <summary><c>log verify</c>, <c>log monitor</c>.</summary>
    public static IEnumerable<AdminVerb> AdminVerbs { get; } = [new("log", TransparencyCommands.Create)];

    public static WebApplicationBuilder AddTransparency(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TransparencyOptions>().BindConfiguration(TransparencyOptions.Section);
        services.AddSingleton<LogSigningKey>();
        services.AddSingleton<SigningHalt>();
        services.AddScoped<TransparencyLog>();
        services.AddScoped<LogVerifier>();
        services.Replace(ServiceDescriptor.Scoped<IPublicLogEntries, PublicLogEntries>());
        services.AddChangeLogFollower<LeafSequencer>();
        services.AddChangeLogFollower<LogPageCacheFollower>();
        services.AddRecurringJob<TreeHeadSigner>();
        return builder;
    }

    public static WebApplication MapTransparency(this WebApplication app)
    {
        app.MapTransparencyApi();
        return app;
    }
}
