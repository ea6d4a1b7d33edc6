using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Gazette;
using Gongkai.Publishing.Rules;
using Gongkai.Tests.Infrastructure;
using Gongkai.Transparency.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Transparency;

/// <summary>Interpretations, gazette issues and withdrawals are public too: each appends a leaf whose content a citizen
/// can recompute from the page (the hashed text is written down in ARCHITECTURE.md), whose inclusion proof checks with
/// the independent verifier, and whose stored row, edited in the database, makes <c>log verify</c> fail naming it.</summary>
public sealed class PublishedRecordsLogTests(LogFactory factory) : IClassFixture<LogFactory>
{
    [Fact]
    public async Task An_interpretation_a_gazette_issue_and_a_withdrawal_each_append_a_provable_leaf()
    {
        using var client = factory.CreateClient();
        var before = await LogTestSupport.WaitForHeadAsync(client, await LogTestSupport.PublishedVersionCountAsync(factory.Services));
        var (interpretationId, issueKey, interpreted, withdrawn) = await PublishAllAsync(factory.Services, 2026, 7);
        var after = await LogTestSupport.WaitForHeadAsync(client, before.TreeSize + 3);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var interpretation = await db.Set<Interpretation>().AsNoTracking().SingleAsync(i => i.Id == interpretationId);
            // The text the hash covers, as the documentation writes it down: form, title, body, media address, alt text.
            var interpretationHash = Sha256Hex(string.Join('\n', "text", interpretation.Title, interpretation.BodyHtml, "", ""));
            var interpretationLeaf = await CheckLeafAsync(client, after, "interpretation", interpretationId.ToString(System.Globalization.CultureInfo.InvariantCulture), 1,
                interpretationHash, $"/interpretations/{interpretationId}", interpretation.Title);
            var entryPage = await client.GetStringAsync(new Uri($"/log/entries/{interpretationLeaf}", UriKind.Relative));
            Assert.Contains("这一条记录了政策解读", entryPage, StringComparison.Ordinal);
            Assert.Contains("本页已核验", entryPage, StringComparison.Ordinal);

            var issue = await db.Set<GazetteIssue>().AsNoTracking().SingleAsync(i => i.Year == 2026 && i.Number == 7);
            var gazetteHash = Sha256Hex(string.Join('\n', "2026", "7", "2026-07-01", issue.Title, interpreted));
            await CheckLeafAsync(client, after, "gazette", issueKey, 1, gazetteHash, "/gazette/2026/7", issue.Title);

            var document = await db.Set<Document>().AsNoTracking().SingleAsync(d => d.IndexNo == withdrawn);
            await CheckLeafAsync(client, after, "withdrawal", withdrawn, document.CurrentVersion, Sha256Hex("测试撤回：内容已过时"), "/documents/" + withdrawn, document.Title);
        }

        // People see it: the interpretation and issue pages name their entries.
        string interpretationPage = "", issuePage = "";
        await Poll.UntilAsync(() =>
        {
            interpretationPage = client.GetStringAsync(new Uri($"/interpretations/{interpretationId}", UriKind.Relative)).GetAwaiter().GetResult();
            issuePage = client.GetStringAsync(new Uri("/gazette/2026/7", UriKind.Relative)).GetAwaiter().GetResult();
            return interpretationPage.Contains("本解读是本站公开日志的第", StringComparison.Ordinal) && issuePage.Contains("本期公报是本站公开日志的第", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30), "the interpretation and issue pages to show their log entries");

        // A published issue is fixed: its contents are in the log and on paper.
        using (var scope = factory.Services.CreateScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<GazetteDesk>();
            var issueId = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<GazetteIssue>().Where(i => i.Year == 2026 && i.Number == 7).Select(i => i.Id).SingleAsync();
            var refused = await desk.AddAsync(issueId, withdrawn);
            Assert.False(refused.Succeeded);
            Assert.Contains("本期已经发布", refused.Refusal.Message, StringComparison.Ordinal);
        }

        var (exit, output, _) = await LogTestSupport.RunVerbAsync(factory.Services, "log", "verify");
        Assert.True(exit == 0, output);
    }

    /// <summary>Publishes an interpretation of one published document, a gazette issue holding that document, and withdraws
    /// another published document; returns the interpretation's id, the issue's key, the interpreted and the withdrawn 索引号.</summary>
    internal static async Task<(int InterpretationId, string IssueKey, string Interpreted, string Withdrawn)> PublishAllAsync(IServiceProvider services, int year, int number)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var documents = await db.Set<Document>().Where(d => d.IndexNo != null && d.Status == DocumentStatus.Published).OrderBy(d => d.Id).Take(2).ToListAsync();
        Assert.Equal(2, documents.Count);

        // As DocumentDesk.InterpretAsync writes it: the interpretation and its change row in one unit of work.
        var interpretation = new Interpretation
        {
            BodyId = documents[0].BodyId,
            Title = $"《{documents[0].Title}》政策解读（{year}-{number}）",
            Kind = InterpretationKind.Text,
            BodyHtml = "<p>本文件明确了三项措施。</p>",
            CreatedAt = DateTimeOffset.UtcNow,
            Policies = [new InterpretationLink { DocumentId = documents[0].Id }],
        };
        db.Add(interpretation);
        db.RecordChange(PublishingChanges.InterpretationCreated, documents[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), documents[0].BodyId);
        await db.SaveChangesAsync();

        var desk = scope.ServiceProvider.GetRequiredService<GazetteDesk>();
        var issue = await desk.CreateAsync(year, number, new DateOnly(year, 7, 1), $"测试市政府公报 {year}年第{number}期");
        Assert.True(issue.Succeeded);
        Assert.True((await desk.AddAsync(issue.Value.Id, documents[0].IndexNo)).Succeeded);
        Assert.True((await desk.PublishAsync(issue.Value.Id)).Succeeded);

        var withdrawn = await db.Set<Document>().SingleAsync(d => d.Id == documents[1].Id);
        scope.ServiceProvider.GetRequiredService<DocumentPublisher>().MarkWithdrawn(withdrawn, "测试撤回：内容已过时", null, "测试编辑");
        await db.SaveChangesAsync();
        return (interpretation.Id, $"{year}-{number}", documents[0].IndexNo!, withdrawn.IndexNo!);
    }

    private static async Task<long> CheckLeafAsync(HttpClient client, Sth head, string kind, string key, int version, string contentSha256, string url, string title)
    {
        JsonElement? found = null;
        long index = -1;
        // Find the leaf from the public API alone: scan the entries appended last.
        var entries = await client.GetFromJsonAsync<JsonElement>(new Uri($"/ct/v1/get-entries?start={Math.Max(0, head.TreeSize - 10)}&end={head.TreeSize - 1}", UriKind.Relative));
        var i = Math.Max(0, head.TreeSize - 10);
        foreach (var entry in entries.GetProperty("entries").EnumerateArray())
        {
            var fields = JsonSerializer.Deserialize<JsonElement>(Convert.FromBase64String(entry.GetProperty("leaf_input").GetString()!));
            if (fields.GetProperty("kind").GetString() == kind && fields.GetProperty("indexNo").GetString() == key)
            {
                found = fields;
                index = i;
            }

            i++;
        }

        Assert.True(found is not null, $"no {kind} leaf for {key}");
        Assert.Equal(version, found.Value.GetProperty("version").GetInt32());
        Assert.Equal(title, found.Value.GetProperty("title").GetString());
        Assert.Equal(contentSha256, found.Value.GetProperty("contentSha256").GetString());
        Assert.Equal(url, found.Value.GetProperty("url").GetString());

        var proof = await client.GetFromJsonAsync<JsonElement>(new Uri($"/ct/v1/get-entry-and-proof?leaf_index={index}&tree_size={head.TreeSize}", UriKind.Relative));
        var leafInput = Convert.FromBase64String(proof.GetProperty("leaf_input").GetString()!);
        Assert.True(IndependentVerifier.VerifyInclusion(index, head.TreeSize, IndependentVerifier.LeafHash(leafInput), LogTestSupport.Hashes(proof.GetProperty("audit_path")), head.Root));
        return index;
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>Someone with database access rewrites an interpretation or a published gazette issue: <c>log verify</c>
/// fails and names it.</summary>
public sealed class PublishedRecordsTamperingTests(LogFactory factory) : IClassFixture<LogFactory>
{
    [Fact]
    public async Task Editing_an_interpretation_or_a_gazette_issue_in_the_database_makes_log_verify_fail_naming_it()
    {
        using var client = factory.CreateClient();
        var before = await LogTestSupport.WaitForHeadAsync(client, await LogTestSupport.PublishedVersionCountAsync(factory.Services));
        var (interpretationId, issueKey, _, _) = await PublishedRecordsLogTests.PublishAllAsync(factory.Services, 2026, 8);
        await LogTestSupport.WaitForHeadAsync(client, before.TreeSize + 3);
        var (clean, cleanOutput, _) = await LogTestSupport.RunVerbAsync(factory.Services, "log", "verify");
        Assert.True(clean == 0, cleanOutput);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            Assert.Equal(1, await db.Set<Interpretation>().Where(i => i.Id == interpretationId)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.BodyHtml, i => i.BodyHtml + "<p>悄悄加上的一句。</p>")));
        }

        var (exit, output, _) = await LogTestSupport.RunVerbAsync(factory.Services, "log", "verify");
        Assert.Equal(1, exit);
        Assert.Contains($"政策解读 {interpretationId}", output, StringComparison.Ordinal);
        Assert.DoesNotContain($"政府公报 {issueKey}", output, StringComparison.Ordinal);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            Assert.Equal(1, await db.Set<GazetteIssue>().Where(i => i.Year == 2026 && i.Number == 8)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Title, "改过的标题")));
        }

        (exit, output, _) = await LogTestSupport.RunVerbAsync(factory.Services, "log", "verify");
        Assert.Equal(1, exit);
        Assert.Contains($"政府公报 {issueKey} 期", output, StringComparison.Ordinal);
    }
}
