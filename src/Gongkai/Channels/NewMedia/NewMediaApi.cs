using System.Security.Claims;
using System.Text.Json;
using Gongkai.Channels.Rules;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Channels.NewMedia;

/// <summary>A post's status on one channel, as the staff API reports it.</summary>
public sealed record PostChannelResponse(
    string Adapter, string AdapterName, string Status, string StatusName, int Attempts, string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt,
    string? PlatformPostUrl, string? ConfirmedBy, DateTimeOffset? ConfirmedAt, string? RemovedBy, DateTimeOffset? RemovedAt, DateTimeOffset UpdatedAt);

/// <summary>A post with its status per channel.</summary>
public sealed record PostResponse(
    int Id, int AccountId, string Platform, string AccountName, string Title, string Summary, string Link, string SourceIndexNo, string Status, string StatusName,
    DateTimeOffset? ReleasedAt, bool NeedsRemovalOnPlatform, string CoverImageUrl, IReadOnlyList<PostChannelResponse> Channels);

/// <summary>The editor's 已发布: the post's address on the platform is optional.</summary>
public sealed record ExportPublishedRequest(string? PlatformPostUrl);

/// <summary>An account's standing on the 2019 inspection indicators (更新及时、互动回应).</summary>
public sealed record AccountInspectionResponse(bool Healthy, bool NotUpdated, int? DaysSincePost, bool InteractionUnanswered, IReadOnlyList<string> Problems);

/// <summary>The figures an account now has after a report, and what the indicators make of them.</summary>
public sealed record AccountStatsResponse(
    int AccountId, string Platform, string AccountName, int? Followers, DateOnly? LastPostOn, int UnansweredInteractions, DateOnly? OldestUnansweredOn,
    DateTimeOffset ReportedAt, AccountInspectionResponse Inspection);

/// <summary>The staff API of posts' channels and the cover cards (console and public).</summary>
internal static class NewMediaApi
{
    public static WebApplication MapNewMediaApi(this WebApplication app)
    {
        app.MapPost("/api/v1/new-media/accounts/{id:int}/stats", ReportStatsAsync).WithTags("政务新媒体")
            .WithSummary("账号的平台工具报送运行数据（关注人数、最近发布时间、未回应的互动留言及最早一条的时间），并返回检查指标结果")
            .RequireAuthorization(ChannelsPermissions.ManageAccounts);
        var posts = app.MapGroup("/api/v1/new-media/posts").WithTags("政务新媒体");
        posts.MapGet("/{id:int}", GetAsync).WithSummary("一条新媒体推送及其各发布渠道的状态（待投递、已送达、投递失败、待确认发布、已发布、须在平台删除、已删除）")
            .RequireAuthorization(ChannelsPermissions.ViewChannels);
        posts.MapPost("/{id:int}/export/published", PublishedAsync).WithSummary("编辑确认已在平台发布导出的推送（可填平台上的推送地址）")
            .RequireAuthorization(ChannelsPermissions.ManageAccounts);
        posts.MapPost("/{id:int}/export/removed", RemovedAsync).WithSummary("来源文件撤回后，编辑确认已在平台删除该推送")
            .RequireAuthorization(ChannelsPermissions.ManageAccounts);
        posts.MapPost("/{id:int}/webhook/retry", RetryAsync).WithSummary("签名回调投递失败后重新排队投递")
            .RequireAuthorization(ChannelsPermissions.ManageAccounts);
        app.MapGet("/admin/channels/posts/{id:int}/cover.png", ConsoleCoverAsync)
            .WithSummary("推送封面图（PNG，900×383，shape=square 为 600×600 方图）：标题、发布单位、原文二维码和网站名称").WithTags("政务新媒体")
            .RequireAuthorization(ChannelsPermissions.ViewChannels);
        app.MapGet("/channels/posts/{id:int}/cover.png", PublicCoverAsync)
            .WithSummary("已发布推送的封面图（供签名回调的集成服务下载；撤回或未发布的推送没有）").WithTags("政务新媒体").AllowAnonymous();
        return app;
    }

    private static async Task<Results<Ok<PostResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(
        int id, HttpContext http, ClaimsPrincipal user, NewMediaDesk desk, PostChannels channels, CancellationToken cancellationToken) =>
        await (await desk.FindPostAsync(user, id, cancellationToken)).ToResultAsync(async found =>
        {
            var (post, account) = found;
            var origin = Origin(http);
            var rows = (await channels.OfAsync(post, cancellationToken)).Select(v => new PostChannelResponse(
                v.Channel.Adapter, v.AdapterName, Name(v.Channel.Status), v.StatusName, v.Channel.Attempts, v.Channel.LastError, v.Channel.NextAttemptAt, v.Channel.DeliveredAt,
                v.Channel.PlatformPostUrl, v.Channel.ConfirmedByName, v.Channel.ConfirmedAt, v.Channel.RemovedByName, v.Channel.RemovedAt, v.Channel.UpdatedAt)).ToList();
            return TypedResults.Ok(new PostResponse(post.Id, account.Id, account.Platform, account.Name, post.Title, post.Summary, new Uri(origin, post.LinkPath).AbsoluteUri,
                post.SourceIndexNo, Name(post.Status), NewMediaVocabulary.StatusName(post.Status), post.ReleasedAt, post.NeedsRemovalOnPlatform,
                new Uri(origin, PostChannels.ConsoleCoverPath(post.Id)).AbsoluteUri, rows));
        });

    private static async Task<Results<Ok<AccountStatsResponse>, ProblemHttpResult, ValidationProblem>> ReportStatsAsync(
        int id, AccountStatsReport report, ClaimsPrincipal user, NewMediaDesk desk, CancellationToken cancellationToken) =>
        (await desk.ReportStatsAsync(user, id, report, cancellationToken)).ToResult(reported =>
        {
            var (account, health) = reported;
            return TypedResults.Ok(new AccountStatsResponse(account.Id, account.Platform, account.Name, account.Followers, account.LastPostOn, account.UnansweredInteractions,
                account.OldestUnansweredOn, account.ActivityReportedAt ?? account.UpdatedAt,
                new AccountInspectionResponse(health.Healthy, health.NotUpdated, health.DaysSincePost, health.InteractionUnanswered, health.Problems)));
        });

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> PublishedAsync(
        int id, ExportPublishedRequest? request, ClaimsPrincipal user, PostChannels channels, CancellationToken cancellationToken) =>
        (await channels.ConfirmPublishedAsync(user, id, request?.PlatformPostUrl, cancellationToken)).ToResult(TypedResults.NoContent);

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> RemovedAsync(int id, ClaimsPrincipal user, PostChannels channels, CancellationToken cancellationToken) =>
        (await channels.ConfirmRemovedAsync(user, id, cancellationToken)).ToResult(TypedResults.NoContent);

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> RetryAsync(int id, ClaimsPrincipal user, PostChannels channels, CancellationToken cancellationToken) =>
        (await channels.RetryWebhookAsync(user, id, cancellationToken)).ToResult(TypedResults.NoContent);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> ConsoleCoverAsync(
        int id, string? shape, HttpContext http, ClaimsPrincipal user, NewMediaDesk desk, PostChannels channels, PdfRenderer fonts, CancellationToken cancellationToken)
    {
        if (Shape(shape) is not { } chosen)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["shape"] = ["shape 只能是 wide 或 square。"] }, title: "封面规格无效");
        }

        var found = await desk.FindPostAsync(user, id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal.ToProblem().Result switch
            {
                ProblemHttpResult problem => problem,
                ValidationProblem validation => validation,
                _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest),
            };
        }

        var (post, account) = found.Value;
        var content = await channels.CoverAsync(post, account, Origin(http), cancellationToken);
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(CoverCard.Render(content, chosen, fonts.Typeface), "image/png", $"cover-{id}{(chosen == CoverShape.Square ? "-square" : "")}.png");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> PublicCoverAsync(
        int id, string? shape, HttpContext http, NewMediaDesk desk, PostChannels channels, PdfRenderer fonts, CancellationToken cancellationToken)
    {
        if (Shape(shape) is not { } chosen)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["shape"] = ["shape 只能是 wide 或 square。"] }, title: "封面规格无效");
        }

        if (await desk.ReleasedPostAsync(id, cancellationToken) is not { } found)
        {
            return TypedResults.Problem(title: "没有找到该推送", detail: "该推送不存在、尚未审核发布或已撤回。", statusCode: StatusCodes.Status404NotFound);
        }

        var content = await channels.CoverAsync(found.Post, found.Account, Origin(http), cancellationToken);
        return TypedResults.File(CoverCard.Render(content, chosen, fonts.Typeface), "image/png");
    }

    private static CoverShape? Shape(string? shape) => shape?.Trim().ToLowerInvariant() switch
    {
        null or "" or "wide" => CoverShape.Wide,
        "square" => CoverShape.Square,
        _ => null,
    };

    private static Uri Origin(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");

    private static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
