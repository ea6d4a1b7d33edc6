using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform.Data;
using Gongkai.Platform.Notifications;
using Gongkai.Publishing;
using Gongkai.Tests.Infrastructure;
using Gongkai.Transparency.Log;
using Gongkai.Transparency.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Transparency;

/// <summary>Someone with database access rewrites a published version: <c>log verify</c> fails and names the document.
/// The log's own tables refuse updates and deletes in the database itself.</summary>
public sealed class LogTamperingTests(LogFactory factory) : IClassFixture<LogFactory>
{
    [Fact]
    public async Task Editing_a_stored_version_in_the_database_makes_log_verify_fail_naming_the_document()
    {
        using var client = factory.CreateClient();
        await LogTestSupport.WaitForHeadAsync(client, await LogTestSupport.PublishedVersionCountAsync(factory.Services));
        var (clean, cleanOutput, _) = await LogTestSupport.RunVerbAsync(factory.Services, "log", "verify");
        Assert.True(clean == 0, cleanOutput);
        Assert.Contains("公开日志核验通过", cleanOutput, StringComparison.Ordinal);

        string indexNo;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var document = await db.Set<Document>().AsNoTracking().Where(d => d.IndexNo != null).OrderBy(d => d.Id).FirstAsync();
            indexNo = document.IndexNo!;
            // Straight to the table, as someone with database access would: the application has no path for it.
            var changed = await db.Set<DocumentVersion>().Where(v => v.DocumentId == document.Id && v.Number == 1)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.BodyHtml, v => v.BodyHtml + "<p>悄悄加上的一句。</p>"));
            Assert.Equal(1, changed);
        }

        var (exit, output, _) = await LogTestSupport.RunVerbAsync(factory.Services, "log", "verify");
        Assert.Equal(1, exit);
        Assert.Contains($"索引号 {indexNo} 第 1 版", output, StringComparison.Ordinal);
        Assert.Contains("公开日志核验失败", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_log_rows()
    {
        using var client = factory.CreateClient();
        await LogTestSupport.WaitForHeadAsync(client, await LogTestSupport.PublishedVersionCountAsync(factory.Services));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var before = await db.Set<LogLeaf>().CountAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => db.Set<LogLeaf>().Where(l => l.LeafIndex == 0).ExecuteDeleteAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => db.Set<LogLeaf>().Where(l => l.LeafIndex == 0).ExecuteUpdateAsync(s => s.SetProperty(l => l.Version, 99)));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Set<LogNode>().ExecuteUpdateAsync(s => s.SetProperty(n => n.Hash, new byte[32])));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Set<SignedTreeHead>().ExecuteDeleteAsync());

        Assert.Equal(before, await db.Set<LogLeaf>().CountAsync());
        Assert.Equal(0, await db.Set<LogLeaf>().CountAsync(l => l.Version == 99));
    }
}

/// <summary>A node finding the stored tree inconsistent with its signed history stops signing and alerts the
/// administrators instead of signing over it.</summary>
public sealed class LogSigningHaltTests(LogFactory factory) : IClassFixture<LogFactory>
{
    [Fact]
    public async Task A_rewritten_tree_node_stops_signing_and_notifies_the_administrators()
    {
        using var client = factory.CreateClient();
        var head = await LogTestSupport.WaitForHeadAsync(client, await LogTestSupport.PublishedVersionCountAsync(factory.Services));
        Assert.True(head.TreeSize >= 2, "the demo data should publish at least two versions");

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            // Someone bypasses the append-only trigger and rewrites the largest subtree of the signed tree.
            var piece = MerkleTree.PerfectPieces(new LeafRange(0, head.TreeSize))[0];
            if (factory.Database.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE log_nodes DISABLE TRIGGER log_nodes_append_only");
                await db.Set<LogNode>().Where(n => n.Key == piece.Packed).ExecuteUpdateAsync(s => s.SetProperty(n => n.Hash, new byte[32]));
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE log_nodes ENABLE TRIGGER log_nodes_append_only");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER log_nodes_no_update");
                await db.Set<LogNode>().Where(n => n.Key == piece.Packed).ExecuteUpdateAsync(s => s.SetProperty(n => n.Hash, new byte[32]));
            }

            var document = await db.Set<Document>().Where(d => d.IndexNo != null && d.Status == Gongkai.Publishing.Rules.DocumentStatus.Published).OrderBy(d => d.Id).FirstAsync();
            document.BodyHtml += "<p>更正。</p>";
            scope.ServiceProvider.GetRequiredService<DocumentPublisher>().MarkCorrected(document, "更正一处", null, "测试编辑");
            await db.SaveChangesAsync();
        }

        await Poll.UntilAsync(() =>
        {
            using var scope = factory.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<OutboxMessage>().Any(m => m.Kind == "transparency.halted");
        }, TimeSpan.FromSeconds(60), "the administrators' alert");

        // The leaf was appended, but no head signs over the damaged tree.
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(head.TreeSize + 1, await scope.ServiceProvider.GetRequiredService<TransparencyLog>().SizeAsync());
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(head.TreeSize, (await LogTestSupport.GetSthAsync(client))!.TreeSize);
        Assert.Contains("日志已暂停签名", await client.GetStringAsync(new Uri("/log", UriKind.Relative)), StringComparison.Ordinal);
    }
}

/// <summary>Bad /ct/v1 requests answer 400 with a Chinese explanation, never 500.</summary>
public sealed class LogApiInputTests(LogFactory factory) : IClassFixture<LogFactory>
{
    [Theory]
    [InlineData("/ct/v1/get-sth-consistency?first=5&second=2", "不能大于")]
    [InlineData("/ct/v1/get-sth-consistency?first=abc&second=2", "应为非负整数")]
    [InlineData("/ct/v1/get-sth-consistency?first=1&second=99999999", "已签名的树只有")]
    [InlineData("/ct/v1/get-sth-consistency?second=2", "缺少参数 first")]
    [InlineData("/ct/v1/get-proof-by-hash?hash=not-a-hash&tree_size=1", "SHA-256")]
    [InlineData("/ct/v1/get-proof-by-hash?hash=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=&tree_size=99999999", "已签名的树只有")]
    [InlineData("/ct/v1/get-entries?start=99999999&end=99999999", "超出了已签名的树")]
    [InlineData("/ct/v1/get-entries?start=5&end=1", "不能大于")]
    [InlineData("/ct/v1/get-entry-and-proof?leaf_index=99999999&tree_size=1", "不在 1 条的树中")]
    [InlineData("/ct/v1/get-entry-and-proof?leaf_index=0&tree_size=0", "应在 1 到")]
    public async Task Bad_requests_answer_400_with_a_reason(string url, string reason)
    {
        using var client = factory.CreateClient();
        await LogTestSupport.WaitForHeadAsync(client, await LogTestSupport.PublishedVersionCountAsync(factory.Services));
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_monitor_verb_refuses_an_address_that_is_not_a_site()
    {
        var (exit, _, error) = await LogTestSupport.RunVerbAsync(factory.Services, "log", "monitor", "--url", "www.example.gov.cn", "--state", "state.json");
        Assert.Equal(2, exit);
        Assert.Contains("--url 应为站点的完整地址", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_are_capped_per_call_and_an_unknown_hash_is_not_found()
    {
        using var client = factory.CreateClient();
        var head = await LogTestSupport.WaitForHeadAsync(client, await LogTestSupport.PublishedVersionCountAsync(factory.Services));
        var entries = await client.GetFromJsonAsync<JsonElement>(new Uri("/ct/v1/get-entries?start=0&end=5000000", UriKind.Relative));
        Assert.Equal(Math.Min(head.TreeSize, 1000), entries.GetProperty("entries").GetArrayLength());

        using var unknown = await client.GetAsync(new Uri($"/ct/v1/get-proof-by-hash?hash={new string('0', 64)}&tree_size={head.TreeSize}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
