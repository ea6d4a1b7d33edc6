using Gongkai.Organizations;
using Gongkai.Publishing;
using Gongkai.Tests.Infrastructure;
using Gongkai.Tests.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Search;

/// <summary>
/// An operator runs admin verbs (<c>migrate</c>, <c>token</c> …) on the server while the site runs. The verb must leave
/// the site's search index alone: it may not open a second writer on the serving generation (whose clean-up would
/// delete files the site still reads) and new documents keep becoming searchable afterwards.
/// </summary>
[Trait(TestTraits.Database, TestTraits.Once)]
public sealed class AdminVerbBesideSiteTests : IClassFixture<AdminVerbBesideSiteTests.SharedIndexFactory>
{
    private const string IndexFolder = "search-shared";
    private readonly SharedIndexFactory _factory;

    public AdminVerbBesideSiteTests(SharedIndexFactory factory) => _factory = factory;

    [Fact]
    public async Task A_verb_run_while_the_site_runs_does_not_touch_the_index_and_search_keeps_following()
    {
        var client = _factory.CreateClient();
        var before = await PublishAsync("关于公布古银杏树名录的通知", "古银杏树名录如下。");
        await SearchIntegrationTests.WaitForAsync(client, "古银杏树", r => r.Items.Any(i => i.IndexNo == before.IndexNo));
        var indexRoot = Path.Combine(_factory.Database.DataFolder, IndexFolder);
        var lockFiles = () => Directory.GetFiles(indexRoot, "write.lock", SearchOption.AllDirectories).Length;
        var locksBefore = lockFiles();

        foreach (var verb in new[] { new[] { "migrate" }, new[] { "token", "list", "--user", "admin" } })
        {
            var (exitCode, output, error) = await AppProcess.RunAsync(_factory.Database, "Production",
                new Dictionary<string, string> { ["Gongkai__Search__IndexFolder"] = IndexFolder }, verb);
            Assert.True(exitCode == 0, $"{string.Join(' ', verb)}: exit {exitCode}: {output} {error}");
            Assert.DoesNotContain("LockObtainFailed", output + error, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", output + error, StringComparison.Ordinal);
        }

        // No generation gained a lock the verb left behind, and the site still indexes what is published next.
        Assert.Equal(locksBefore, lockFiles());
        var after = await PublishAsync("关于公布古樟树名录的通知", "古樟树名录如下。");
        await SearchIntegrationTests.WaitForAsync(client, "古樟树", r => r.Items.Any(i => i.IndexNo == after.IndexNo));
        await SearchIntegrationTests.WaitForAsync(client, "古银杏树", r => r.Items.Any(i => i.IndexNo == before.IndexNo));
    }

    private async Task<Document> PublishAsync(string title, string text)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Gongkai.Platform.Data.GongkaiDbContext>();
        var body = await db.Set<Body>().OrderBy(b => b.Id).FirstAsync();
        return await scope.ServiceProvider.GetRequiredService<DocumentPublisher>().PublishAsync(
            new DocumentDraft(title, null, body.Id, DocumentCatalog.Types[0], DocumentCatalog.Subjects[0], null, text));
    }

    /// <summary>The site, with its index in a folder the verb is pointed at too (as on a real server).</summary>
    public sealed class SharedIndexFactory : GongkaiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Gongkai:Search:IndexFolder"] = IndexFolder };
    }
}
