using Gongkai.Platform.Jobs;

namespace Gongkai.Platform.Notifications;

internal static class NotificationsRegistration
{
    public static IServiceCollection AddGongkaiNotifications(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        services.AddScoped<INotifier, OutboxNotifier>();
        services.AddSingleton<SmtpMailSender>();
        services.AddJobHandler<OutboxDelivery>();
        return services;
    }
}
