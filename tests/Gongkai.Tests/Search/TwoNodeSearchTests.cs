using Gongkai.Organizations;
using Gongkai.Publishing;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Search;

/// <summary>
/// Two application instances on one PostgreSQL database, each with its own data folder (so its own node id, cursor
/// and index): a document published through one becomes searchable on the other through the change log.
/// A shared database is what the test is about, so it runs in the PostgreSQL pass only (and reports itself skipped
/// anywhere else).
/// </summary>
[Trait(TestTraits.Database, TestTraits.PostgresOnly)]
public sealed class TwoNodeSearchTests
{
    [Fact]
    public async Task A_document_published_on_one_node_is_found_on_the_other()
    {
        Assert.SkipUnless(TestDatabase.RunningOnPostgres, "needs PostgreSQL (GONGKAI_TEST_DATABASE=Postgres): two nodes share one database server");
        var database = TestDatabase.Create(DatabaseTemplates.SeedingSettings(new Dictionary<string, string?>()));
        using (database)
        {
            await using var first = new Node(database, "node-a");
            await using var second = new Node(database, "node-b");
            var firstClient = first.CreateClient();
            var secondClient = second.CreateClient();

            Document document;
            await using (var scope = first.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<Gongkai.Platform.Data.GongkaiDbContext>();
                var body = await db.Set<Body>().OrderBy(b => b.Id).FirstAsync();
                document = await scope.ServiceProvider.GetRequiredService<DocumentPublisher>().PublishAsync(
                    new DocumentDraft("关于设立银杏古树保护名录的决定", null, body.Id, DocumentCatalog.Types[0], DocumentCatalog.Subjects[0], null, "银杏古树保护名录由市林业部门公布。"));
            }

            await SearchIntegrationTests.WaitForAsync(secondClient, "银杏古树", r => r.Items.Any(i => i.IndexNo == document.IndexNo));
            await SearchIntegrationTests.WaitForAsync(firstClient, "银杏古树", r => r.Items.Any(i => i.IndexNo == document.IndexNo));
        }
    }

    /// <summary>One application instance: its own data folder (index, node id) on the shared database.</summary>
    private sealed class Node(TestDatabase database, string name) : WebApplicationFactory<Program>
    {
        private readonly string _dataFolder = Path.Combine(database.DataFolder, name);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(_dataFolder);
            builder.UseEnvironment("Testing");
            builder.UseSetting("Gongkai:DataFolder", _dataFolder);
            builder.UseSetting("Gongkai:NodeId", name);
            builder.UseSetting("Gongkai:Database:Provider", database.Provider);
            builder.UseSetting("Gongkai:Database:ConnectionString", database.ConnectionString);
            builder.UseSetting("Gongkai:Demo:Seed", "true");
        }
    }
}
