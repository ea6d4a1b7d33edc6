using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Publishing;
using Gongkai.Publishing.Rules;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Portal;

public sealed class PublicCacheTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private async Task SetHeadNameBehindTheApplicationsBackAsync(string code, string headName)
    {
        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            await db.Set<Body>().Where(b => b.Code == code).ExecuteUpdateAsync(s => s.SetProperty(b => b.HeadName, headName));
        }
    }

    [Fact]
    public async Task A_cached_profile_is_served_until_an_edit_through_the_application_evicts_it()
    {
        // A host starting on a copy of the template replays the copied change log; let that eviction pass first.
        await WaitForCacheFollowerAsync();
        using var visitor = factory.CreateClient();
        await visitor.GetStringAsync(new Uri("/bodies/ztxzjj", UriKind.Relative));
        var cached = await visitor.GetStringAsync(new Uri("/bodies/ztxzjj", UriKind.Relative));
        Assert.Contains("邹云峰", cached, StringComparison.Ordinal);

        await SetHeadNameBehindTheApplicationsBackAsync("ztxzjj", "冯某某");
        Assert.Contains("邹云峰", await visitor.GetStringAsync(new Uri("/bodies/ztxzjj", UriKind.Relative)), StringComparison.Ordinal);

        using var admin = factory.CreateClient().SignedInAs("sysadmin", 1, StaffRoles.SystemAdmin);
        var profile = await visitor.GetFromJsonAsync<Dictionary<string, JsonElement>>(new Uri("/api/v1/bodies/ztxzjj", UriKind.Relative));
        var request = profile!.ToDictionary(p => p.Key, p => (object?)p.Value);
        request["phone"] = "0816-8200000";
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(new Uri("/api/v1/bodies/ztxzjj", UriKind.Relative), request)).StatusCode);

        var fresh = await visitor.GetStringAsync(new Uri("/bodies/ztxzjj", UriKind.Relative));
        Assert.Contains("0816-8200000", fresh, StringComparison.Ordinal);
        Assert.Contains("冯某某", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_pages_carry_no_per_visitor_token_and_each_display_preference_gets_its_own_copy()
    {
        using var first = factory.CreateClient();
        var page = await first.GetStringAsync(new Uri("/site-map", UriKind.Relative));
        Assert.DoesNotContain("__RequestVerificationToken", page, StringComparison.Ordinal);
        await first.GetStringAsync(new Uri("/site-map", UriKind.Relative));

        using var second = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await second.GetAsync(new Uri("/preferences?elderly=on&returnUrl=%2Fsite-map", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("<body class=\"elderly\">", await second.GetStringAsync(new Uri("/site-map", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain("<body class=\"elderly\">", await first.GetStringAsync(new Uri("/site-map", UriKind.Relative)), StringComparison.Ordinal);
    }

    private async Task<Document> PublishAsync(string title)
    {
        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            var body = await db.Set<Body>().SingleAsync(b => b.Code == "myszf");
            return await scope.ServiceProvider.GetRequiredService<DocumentPublisher>().PublishAsync(
                new DocumentDraft(title, null, body.Id, Gongkai.Publishing.DocumentCatalog.Notice, "综合政务", new DateOnly(2024, 5, 1), "缓存测试正文。"));
        }
    }

    [Fact]
    public async Task A_cached_document_page_turns_into_the_tombstone_at_once_on_the_node_that_withdrew_it()
    {
        var document = await PublishAsync("缓存后撤回的通知");
        using var visitor = factory.CreateClient();
        var url = new Uri("/documents/" + document.IndexNo, UriKind.Relative);
        Assert.Contains("缓存测试正文", await visitor.GetStringAsync(url), StringComparison.Ordinal);

        using var final = await factory.CreateStaffClientAsync("cache.final", StaffRoles.FinalReviewer);
        (await final.PostAsJsonAsync($"/api/v1/documents/{document.Id}/withdraw", new WithdrawalRequest("缓存撤回测试"))).EnsureSuccessStatusCode();

        var page = await visitor.GetStringAsync(url);
        Assert.Contains("撤回理由：缓存撤回测试", page, StringComparison.Ordinal);
        Assert.DoesNotContain("缓存测试正文", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_saved_on_another_node_reaches_the_cached_page_when_the_follower_sees_its_change_log_row()
    {
        var document = await PublishAsync("另一节点更正的通知");
        await WaitForCacheFollowerAsync();
        using var visitor = factory.CreateClient();
        var url = new Uri("/documents/" + document.IndexNo, UriKind.Relative);
        await visitor.GetStringAsync(url);

        // Another node corrects the document: the row changes and a change-log row is written, but this node's cache is not told directly.
        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            await db.Set<Document>().Where(d => d.Id == document.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Title, "另一节点已更正的通知"));
            Assert.Contains("<h1 id=\"document-title\">另一节点更正的通知</h1>", await visitor.GetStringAsync(url), StringComparison.Ordinal);

            var follower = scope.ServiceProvider.GetServices<IChangeLogFollower>().Single(f => f.Name == "public-cache");
            await follower.ApplyAsync([new ChangeLogEntry { Kind = PublishingChanges.DocumentCorrected.Name, Entity = PublishingChanges.DocumentCorrected.Entity, EntityId = document.IndexNo!, BodyId = document.BodyId }],
                CancellationToken.None);
        }

        Assert.Contains("<h1 id=\"document-title\">另一节点已更正的通知</h1>", await visitor.GetStringAsync(url), StringComparison.Ordinal);
    }

    /// <summary>Waits until this node's public-cache follower has applied every change-log row written so far, so its own
    /// eviction of them cannot land between a test's reads.</summary>
    private async Task WaitForCacheFollowerAsync()
    {
        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            // Background followers (the public log, WebSub) append rows of their own after a publication: wait until
            // the log is quiet and the cache follower has read all of it, so no late row evicts a page mid-test.
            var last = await db.Set<ChangeLogEntry>().MaxAsync(e => (long?)e.Id) ?? 0;
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var positions = await db.Set<ChangeLogCursor>().AsNoTracking().Where(c => c.Follower.Contains("public-cache")).Select(c => c.Position).ToListAsync();
                var latest = await db.Set<ChangeLogEntry>().MaxAsync(e => (long?)e.Id) ?? 0;
                if (latest == last && positions.Count > 0 && positions.All(p => p >= last))
                {
                    await Task.Delay(200);
                    if ((await db.Set<ChangeLogEntry>().MaxAsync(e => (long?)e.Id) ?? 0) == last)
                    {
                        return;
                    }
                }

                last = latest;
                await Task.Delay(50);
            }
        }

        Assert.Fail("The public-cache follower did not catch up with the change log within 10 s.");
    }

    [Fact]
    public async Task An_interpretation_added_on_another_node_reaches_the_cached_policy_page_through_its_change_log_row()
    {
        var document = await PublishAsync("另一节点解读的通知");
        using var visitor = factory.CreateClient();
        var url = new Uri("/documents/" + document.IndexNo, UriKind.Relative);
        await visitor.GetStringAsync(url);

        using var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);
        using var created = await editor.PostAsJsonAsync("/api/v1/interpretations/",
            new InterpretationInput("《另一节点解读的通知》解读", InterpretationKind.Text, "<p>解读正文</p>", null, null, [document.Id]));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await WaitForCacheFollowerAsync();
        Assert.Contains("《另一节点解读的通知》解读", await visitor.GetStringAsync(url), StringComparison.Ordinal);

        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            // The row the desk wrote is what other nodes follow; replay it here after an edit this node's cache has not seen.
            var row = await db.Set<ChangeLogEntry>().AsNoTracking().Where(e => e.Entity == "interpretation").OrderByDescending(e => e.Id).FirstAsync();
            Assert.Equal(document.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), row.EntityId);
            await db.Set<Interpretation>().Where(i => i.Title == "《另一节点解读的通知》解读").ExecuteUpdateAsync(s => s.SetProperty(i => i.Title, "《另一节点解读的通知》图解"));
            Assert.DoesNotContain("《另一节点解读的通知》图解", await visitor.GetStringAsync(url), StringComparison.Ordinal);

            var follower = scope.ServiceProvider.GetServices<IChangeLogFollower>().Single(f => f.Name == "public-cache");
            await follower.ApplyAsync([row], CancellationToken.None);
        }

        Assert.Contains("《另一节点解读的通知》图解", await visitor.GetStringAsync(url), StringComparison.Ordinal);
    }
}
