using System.Globalization;
using System.Net;
using Gongkai.Channels.NewMedia;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Time;
using Gongkai.Publishing;
using Gongkai.Publishing.Rules;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Channels;

/// <summary>政务新媒体 through the console: a body registers its account, the dashboard flags it until it is updated,
/// a post drafted from a published document is released only by another person's review, a withdrawn source takes
/// the post with it, and a closure is announced publicly; another body cannot touch the account.</summary>
public sealed class NewMediaTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    [Fact]
    public async Task An_account_is_registered_flagged_until_updated_and_its_post_is_released_only_after_another_persons_review()
    {
        using var editor = await factory.CreateStaffClientAsync("newmedia.editor", StaffRoles.Editor);
        using var reviewer = await factory.CreateStaffClientAsync("newmedia.reviewer", StaffRoles.FinalReviewer);
        var platformId = "gk" + Guid.NewGuid().ToString("N")[..10];

        using var registered = await editor.SubmitAsync(ChannelsPaths.NewAccount, new Dictionary<string, string>
        {
            ["BodyId"] = "1", ["Platform"] = "微博", ["Name"] = "绵阳发布测试", ["PlatformAccountId"] = platformId, ["Organizer"] = "绵阳市人民政府办公室", ["Responsible"] = "张三",
        });
        var accountUrl = Landed(registered);
        Assert.StartsWith("/admin/channels/accounts/", accountUrl, StringComparison.Ordinal);

        // Never updated: on the self-inspection list.
        var dashboard = await editor.GetStringAsync(new Uri(ChannelsPaths.Dashboard, UriKind.Relative));
        Assert.Contains("「绵阳发布测试」</a>（", dashboard, StringComparison.Ordinal);
        Assert.Contains("从未更新", dashboard, StringComparison.Ordinal);

        var today = ChinaTime.Today(TimeProvider.System);
        using (var activity = await editor.SubmitAsync(accountUrl, new Dictionary<string, string>
        {
            ["Followers"] = "12000", ["LastPostOn"] = Iso(today.AddDays(-3)), ["UnansweredInteractions"] = "0", ["OldestUnansweredOn"] = "",
        }, handler: "Activity"))
        {
            Assert.Equal(accountUrl, Landed(activity));
        }

        Assert.Contains("符合（2 周内有更新", await editor.GetStringAsync(new Uri(accountUrl, UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain("「绵阳发布测试」</a>（", await editor.GetStringAsync(new Uri(ChannelsPaths.Dashboard, UriKind.Relative)), StringComparison.Ordinal);

        // A post from a published document: the summary fits 微博's 140 characters.
        var source = await PublishAsync("关于新媒体推送测试的通知", string.Concat(Enumerable.Repeat("为方便群众办事，现将有关事项通知如下。", 20)));
        using var drafted = await editor.SubmitAsync(accountUrl, new Dictionary<string, string> { ["IndexNo"] = source.IndexNo }, handler: "Draft");
        var postUrl = Landed(drafted);
        Assert.StartsWith("/admin/channels/posts/", postUrl, StringComparison.Ordinal);
        var postId = int.Parse(postUrl[(postUrl.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        var post = await PostAsync(postId);
        Assert.Equal("关于新媒体推送测试的通知", post.Title);
        Assert.Equal(140, post.Summary.Length);
        Assert.EndsWith("…", post.Summary, StringComparison.Ordinal);

        // Nothing goes out unreviewed: the editor may not release it, the reviewer may once it is submitted.
        Assert.Equal(postUrl, Landed(await editor.SubmitAsync(postUrl, [], handler: "Submit")));
        // The editor's page offers no review form; a hand-made post (with the editor's own antiforgery token) is refused.
        var token = PageForms.AntiforgeryToken(await editor.GetStringAsync(new Uri(accountUrl, UriKind.Relative)));
        using (var forged = await editor.PostAsync(new Uri(postUrl + "?handler=Release", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { [PageForms.TokenField] = token, ["Comment"] = "自己审" })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.SubmitAsync(postUrl, new Dictionary<string, string> { ["Comment"] = "" }, handler: "Return")).StatusCode);
        Assert.Equal(postUrl, Landed(await reviewer.SubmitAsync(postUrl, new Dictionary<string, string> { ["Comment"] = "同意" }, handler: "Release")));
        post = await PostAsync(postId);
        Assert.Equal(Gongkai.Channels.Rules.PostStatus.Released, post.Status);
        Assert.Equal("newmedia.reviewer", post.ReviewerName);
        var released = await reviewer.GetStringAsync(new Uri(postUrl, UriKind.Relative));
        Assert.Contains("原文：http://localhost/documents/" + source.IndexNo, released, StringComparison.Ordinal);
        Assert.True(await AuditedAsync("new-media.post.released", postId));

        // The source is withdrawn: the released post is withdrawn and flagged for removal on the platform.
        await WithdrawAsync(source.Id);
        await Poll.UntilAsync(() => PostAsync(postId).GetAwaiter().GetResult() is { NeedsRemovalOnPlatform: true, Status: Gongkai.Channels.Rules.PostStatus.Withdrawn },
            TimeSpan.FromSeconds(30), "the post withdrawn with its source");
        Assert.Contains("须在平台上删除", await editor.GetStringAsync(new Uri(postUrl, UriKind.Relative)), StringComparison.Ordinal);

        // Another body's editor cannot see or change the account.
        using var stranger = factory.CreateClient().SignedInAs("newmedia.stranger", 2, StaffRoles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(new Uri(accountUrl, UriKind.Relative))).StatusCode);

        // 关停 with a public notice.
        using (var closed = await editor.SubmitAsync(accountUrl, new Dictionary<string, string> { ["MergedIntoId"] = "", ["Notice"] = "本账号自即日起停止更新，请关注“绵阳发布”。" }, handler: "Close"))
        {
            Assert.Equal(accountUrl, Landed(closed));
        }

        using var visitor = factory.CreateClient();
        var publicList = await visitor.GetStringAsync(new Uri(ChannelsPaths.PublicAccounts, UriKind.Relative));
        Assert.Contains("本账号自即日起停止更新", publicList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registration_missing_fields_is_refused_beside_each_field_and_a_body_outside_ones_scope_is_forbidden()
    {
        using var editor = await factory.CreateStaffClientAsync("newmedia.editor2", StaffRoles.Editor);
        using var missing = await editor.SubmitAsync(ChannelsPaths.NewAccount, new Dictionary<string, string> { ["BodyId"] = "1", ["Platform"] = "微信公众号", ["Name"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Contains("请填写账号名称", html, StringComparison.Ordinal);
        Assert.Contains("请填写责任人", html, StringComparison.Ordinal);

        using var foreign = await editor.SubmitAsync(ChannelsPaths.NewAccount, new Dictionary<string, string>
        {
            ["BodyId"] = "2", ["Platform"] = "微博", ["Name"] = "别人的账号", ["PlatformAccountId"] = "x" + Guid.NewGuid().ToString("N")[..8], ["Organizer"] = "某局", ["Responsible"] = "李四",
        });
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
    }

    /// <summary>Where a form post ended up: the client follows the page's redirect after a successful post, as a browser does.</summary>
    private static string Landed(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.RequestMessage!.RequestUri!.AbsolutePath;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<(int Id, string IndexNo)> PublishAsync(string title, string text)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var document = await scope.ServiceProvider.GetRequiredService<DocumentPublisher>().PublishAsync(
            new DocumentDraft(title, null, 1, DocumentCatalog.Notice, "综合政务", null, text));
        return (document.Id, document.IndexNo!);
    }

    private async Task WithdrawAsync(int documentId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<DocumentPublisher>();
        publisher.MarkWithdrawn(await db.Set<Document>().SingleAsync(d => d.Id == documentId), "测试撤回", null, "测试");
        await publisher.SaveAndEvictAsync();
    }

    private async Task<NewMediaPost> PostAsync(int id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<NewMediaPost>().AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private async Task<bool> AuditedAsync(string action, int postId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var target = "new-media-post:" + postId.ToString(CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>().AnyAsync(a => a.Action == action && a.Target == target);
    }
}
