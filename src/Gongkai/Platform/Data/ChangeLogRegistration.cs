using Gongkai.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongkai.Platform.Data;

internal static class ChangeLogRegistration
{
    /// <summary>The follower machinery: reader and cursors, the pump, the wake-up signal and the status endpoint's services.</summary>
    public static IServiceCollection AddGongkaiChangeLog(this IServiceCollection services)
    {
        services.AddOptions<ChangeLogOptions>().BindConfiguration(ChangeLogOptions.Section);
        services.TryAddSingleton<NodeIdentity>();
        services.TryAddSingleton<ChangeLogAppended>();
        services.TryAddScoped<ChangeLogReader>();
        services.AddHostedService<ChangeLogPump>();
        return services;
    }

    /// <summary>Registers a follower (scoped: resolved afresh for each batch, so it may depend on the DbContext).</summary>
    public static IServiceCollection AddChangeLogFollower<TFollower>(this IServiceCollection services)
        where TFollower : class, IChangeLogFollower
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IChangeLogFollower, TFollower>());
        return services;
    }

}
