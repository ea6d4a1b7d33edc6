using Gongkai.Platform.Data;
using Gongkai.Platform.Web;

namespace Gongkai.Channels.NewMedia;

/// <summary>政务新媒体: accounts per body, posts under review, the activity indicators on the console.</summary>
internal static class NewMediaModule
{
    public static WebApplicationBuilder AddNewMedia(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<NewMediaDesk>();
        builder.Services.AddScoped<PostChannels>();
        builder.Services.AddScoped<NewMediaWebhookDeliverer>();
        builder.Services.AddSingleton<NewMediaWebhooksStaged>();
        builder.Services.AddHostedService<NewMediaWebhookWorker>();
        builder.Services.AddOptions<NewMediaWebhookOptions>().BindConfiguration(NewMediaWebhookOptions.Section);
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", WebhookOpenApi.Describe);
        builder.Services.AddChangeLogFollower<NewMediaWithdrawals>();
        builder.Services.AddConsoleMenuEntry(37, "发布渠道", ChannelsPaths.Dashboard, ChannelsPermissions.ViewChannels,
            "政务新媒体账号（谁开设、谁管理）：更新和互动回应情况、推送审核；WebSub 推送订阅和投递情况。");
        return builder;
    }

    public static WebApplication MapNewMedia(this WebApplication app) => app.MapNewMediaApi();
}

/// <summary>The console's and the portal's addresses of the module's pages.</summary>
public static class ChannelsPaths
{
    public const string Dashboard = "/admin/channels";

    public const string NewAccount = "/admin/channels/accounts/new";

    public const string PublicAccounts = "/channels/new-media";

    public static string Account(int id) => "/admin/channels/accounts/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Post(int id) => "/admin/channels/posts/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
