using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongkai.Platform.Jobs;

internal static class JobsRegistration
{
    /// <summary>The job runner, scheduler and leases. Modules add their work with <see cref="AddRecurringJob{TJob}"/>
    /// and <see cref="AddJobHandler{THandler}"/>.</summary>
    public static IServiceCollection AddGongkaiJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section);
        services.TryAddSingleton<NodeIdentity>();
        services.TryAddSingleton<JobsScheduled>();
        services.TryAddScoped<JobScheduler>();
        services.TryAddScoped<JobLeases>();
        services.AddHostedService<JobRunner>();
        services.AddRecurringJob<ScheduledJobCleanup>();
        return services;
    }

    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services)
        where TJob : class, IRecurringJob
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IRecurringJob, TJob>());
        return services;
    }

    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services)
        where THandler : class, IJobHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IJobHandler, THandler>());
        return services;
    }
}
