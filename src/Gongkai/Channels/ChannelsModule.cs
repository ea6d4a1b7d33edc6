using System.Threading.RateLimiting;
using Gongkai.Channels.NewMedia;
using Gongkai.Channels.Press;
using Gongkai.Channels.Print;
using Gongkai.Channels.WebSub;
using Gongkai.Platform.Data;
using Gongkai.Platform.Http;
using Gongkai.Platform.Jobs;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Web;
using Gongkai.Publishing.Contracts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gongkai.Channels;

/// <summary>Every channel from one source (issue 20): the WebSub hub that pushes the feeds to subscribers, and the
/// body's new-media accounts (政务新媒体) with reviewed posts built from published documents, press conferences
/// (新闻发布会) and printed matter (惠民政策明白卡).</summary>
internal static class ChannelsModule
{
    /// <summary>The HTTP client for subscriber callbacks: non-public addresses refused at connect time.</summary>
    public const string CallbackClient = "websub-callbacks";

    public const string HubRateLimit = "websub-hub";

    public static WebApplicationBuilder AddChannels(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddChannelsPermissions();
        services.AddOptions<WebSubOptions>().BindConfiguration(WebSubOptions.Section);
        services.AddOutboundHttpClient(CallbackClient).ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.Replace(ServiceDescriptor.Singleton<IFeedHub, WebSubFeedHub>());
        services.AddScoped<CallbackAddresses>();
        services.AddScoped<WebSubHub>();
        services.AddScoped<ChannelTopics>();
        services.AddScoped<WebSubDeliverer>();
        services.AddJobHandler<WebSubVerification>();
        services.AddSingleton<WebSubDeliveriesStaged>();
        services.AddHostedService<WebSubDeliveryWorker>();
        services.AddRecurringJob<WebSubSweep>();
        // First in the pump's pass (followers run one after another in registration order): staging is a few queries,
        // while the search index and the public log ahead of it can take seconds under load, and a publication must
        // begin reaching subscribers within 2 s.
        services.Insert(0, ServiceDescriptor.Scoped<IChangeLogFollower, WebSubPublisher>());
        var perMinute = builder.Configuration.GetValue($"{WebSubOptions.Section}:RequestsPerMinute", new WebSubOptions().RequestsPerMinute);
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy(HubRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        builder.AddNewMedia();
        builder.AddPress();
        builder.AddPrint();
        return builder;
    }

    public static WebApplication MapChannels(this WebApplication app)
    {
        app.MapPost(WebSubHub.Path, HubAsync).AllowAnonymous().RequireRateLimiting(HubRateLimit).WithTags("订阅")
            .WithSummary("WebSub 订阅中心：订阅或退订本站的 Atom/JSON 订阅源（hub.mode、hub.topic、hub.callback、hub.lease_seconds、hub.secret）")
            .Accepts<IFormCollection>("application/x-www-form-urlencoded")
            .Produces(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        app.MapNewMedia();
        app.MapPrint();
        app.MapPress();
        return app;
    }

    /// <summary>202 when the request will be verified with the subscriber (W3C WebSub §5.2), 400 with the reasons otherwise.</summary>
    private static async Task<IResult> HubAsync(HttpContext http, WebSubHub hub, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType)
        {
            return TypedResults.Problem(title: "订阅请求无效", detail: "请以 application/x-www-form-urlencoded 表单提交 hub.mode、hub.topic 和 hub.callback。",
                statusCode: StatusCodes.Status400BadRequest);
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            // Over the form reader's limits (a key longer than 2,048 characters, too many fields): the client's mistake, not a 500.
            return TypedResults.Problem(title: "订阅请求无效", detail: "表单超出长度限制，请只提交 hub.mode、hub.topic、hub.callback、hub.lease_seconds 和 hub.secret。",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var site = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        var outcome = await hub.RequestAsync(form, site, cancellationToken);
        return outcome.Succeeded ? TypedResults.Accepted((string?)null) : outcome.Refusal.ToProblem().Result;
    }
}

/// <summary>The hub every feed announces.</summary>
internal sealed class WebSubFeedHub : IFeedHub
{
    public Uri? HubUrl(Uri site) => new(site, WebSubHub.Path);
}
