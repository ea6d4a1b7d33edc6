using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Gazette;
using Gongkai.Publishing.Import;
using Gongkai.Platform.Pdf;
using Gongkai.Tests.Infrastructure;
using Gongkai.Tests.Search;
using Gongkai.Transparency.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Transparency;

/// <summary>
/// The issue's done-when: laws imported through the real importer and one of them corrected; then, from outside, with
/// only the public API and the independent verifier, the corrected version's inclusion proof, the consistency of the
/// tree heads before and after the correction, and both heads' signatures with the published key all check out —
/// and the <c>log monitor</c> verb agrees.
/// </summary>
public sealed class PublicLogTests(LogFactory factory) : IClassFixture<LogFactory>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gongkai-log-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_corrected_law_is_provably_in_the_log_and_the_log_before_the_correction_is_intact()
    {
        Assert.SkipUnless(Directory.Exists(LawCorpus.Folder), $"the law corpus is not at {LawCorpus.Folder} (set GONGKAI_LAW_CORPUS)");
        var files = Directory.EnumerateFiles(LawCorpus.Folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(20).ToList();
        foreach (var file in files)
        {
            var target = Path.Combine(_folder, Path.GetRelativePath(LawCorpus.Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        int documentId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var body = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Code == "myfgw");
            var summary = await scope.ServiceProvider.GetRequiredService<DocumentImporter>().ImportAsync(_folder, body);
            Assert.True(summary.Imported >= 10, $"only {summary.Imported} of the 20 laws imported");
            documentId = await db.Set<Document>().Where(d => d.BodyId == body.Id && d.Status == Gongkai.Publishing.Rules.DocumentStatus.Published)
                .OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        }

        using var client = factory.CreateClient();
        var before = await LogTestSupport.WaitForHeadAsync(client, await LogTestSupport.PublishedVersionCountAsync(factory.Services));
        var state = Path.Combine(_folder, "monitor", "state.json");
        using var monitorClient = factory.CreateClient();
        var firstSight = await new LogMonitor(monitorClient).RunAsync(factory.Server.BaseAddress, state);
        Assert.Equal(0, firstSight.ExitCode);

        string indexNo;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var document = await db.Set<Document>().SingleAsync(d => d.Id == documentId);
            document.BodyHtml += "<p>（更正：补充原文遗漏的一段。）</p>";
            scope.ServiceProvider.GetRequiredService<DocumentPublisher>().MarkCorrected(document, "原文遗漏一段", null, "测试编辑");
            await db.SaveChangesAsync();
            indexNo = document.IndexNo!;
        }

        var after = await LogTestSupport.WaitForHeadAsync(client, before.TreeSize + 1);

        // The document API names the corrected version's leaf.
        JsonElement view = default;
        await Poll.UntilAsync(() =>
        {
            view = client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/documents/" + indexNo, UriKind.Relative)).GetAwaiter().GetResult();
            return view.GetProperty("transparency").ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromSeconds(30), "the document API to show the log entry");
        var leafIndex = view.GetProperty("transparency").GetProperty("leafIndex").GetInt64();
        var leafHash = view.GetProperty("transparency").GetProperty("leafHash").GetString()!;
        Assert.Equal(after.TreeSize - 1, leafIndex);

        // The entry says what was published: this document, version 2, with the content hash the public sees.
        var entry = await client.GetFromJsonAsync<JsonElement>(new Uri($"/ct/v1/get-entry-and-proof?leaf_index={leafIndex}&tree_size={after.TreeSize}", UriKind.Relative));
        var leafInput = Convert.FromBase64String(entry.GetProperty("leaf_input").GetString()!);
        Assert.Equal("", entry.GetProperty("extra_data").GetString());
        var fields = JsonSerializer.Deserialize<JsonElement>(leafInput);
        Assert.Equal("document", fields.GetProperty("kind").GetString());
        Assert.Equal(indexNo, fields.GetProperty("indexNo").GetString());
        Assert.Equal(2, fields.GetProperty("version").GetInt32());
        Assert.Equal(view.GetProperty("title").GetString(), fields.GetProperty("title").GetString());
        Assert.Equal(view.GetProperty("contentHash").GetString(), fields.GetProperty("contentSha256").GetString());
        Assert.Equal("/documents/" + indexNo, fields.GetProperty("url").GetString());
        Assert.StartsWith("{\"contentSha256\":", Encoding.UTF8.GetString(leafInput), StringComparison.Ordinal);
        Assert.Equal(Convert.ToBase64String(IndependentVerifier.LeafHash(leafInput)), leafHash);

        // Inclusion, consistency and signatures, checked only with the independent verifier and the published key.
        Assert.True(IndependentVerifier.VerifyInclusion(leafIndex, after.TreeSize, IndependentVerifier.LeafHash(leafInput),
            LogTestSupport.Hashes(entry.GetProperty("audit_path")), after.Root));
        var byHash = await client.GetFromJsonAsync<JsonElement>(new Uri(
            $"/ct/v1/get-proof-by-hash?hash={Uri.EscapeDataString(leafHash)}&tree_size={after.TreeSize}", UriKind.Relative));
        Assert.Equal(leafIndex, byHash.GetProperty("leaf_index").GetInt64());
        Assert.True(IndependentVerifier.VerifyInclusion(leafIndex, after.TreeSize, IndependentVerifier.LeafHash(leafInput),
            LogTestSupport.Hashes(byHash.GetProperty("audit_path")), after.Root));

        var consistency = await client.GetFromJsonAsync<JsonElement>(new Uri(
            $"/ct/v1/get-sth-consistency?first={before.TreeSize}&second={after.TreeSize}", UriKind.Relative));
        var proof = LogTestSupport.Hashes(consistency.GetProperty("consistency"));
        Assert.True(IndependentVerifier.VerifyConsistency(before.TreeSize, after.TreeSize, before.Root, after.Root, proof));
        Assert.False(IndependentVerifier.VerifyConsistency(before.TreeSize, after.TreeSize, after.Root, after.Root, proof));

        var key = await client.GetStringAsync(new Uri("/.well-known/gongkai-log-key.pem", UriKind.Relative));
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", key, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", key, StringComparison.Ordinal);
        Assert.True(IndependentVerifier.VerifySth(after.TreeSize, after.Timestamp, after.Root, after.Signature, key));
        Assert.True(IndependentVerifier.VerifySth(before.TreeSize, before.Timestamp, before.Root, before.Signature, key));
        Assert.False(IndependentVerifier.VerifySth(after.TreeSize, after.Timestamp, before.Root, after.Signature, key));

        // A monitor that saw the head before the correction finds the new one consistent with it.
        var followUp = await new LogMonitor(monitorClient).RunAsync(factory.Server.BaseAddress, state);
        Assert.Equal(0, followUp.ExitCode);
        Assert.Contains($"从 {before.TreeSize} 条增长到 {after.TreeSize} 条", followUp.Message, StringComparison.Ordinal);

        // People see it too: the document page names the entry and links to its proof page, which checked the proof.
        string page = "";
        await Poll.UntilAsync(() =>
        {
            page = client.GetStringAsync(new Uri("/documents/" + indexNo, UriKind.Relative)).GetAwaiter().GetResult();
            return page.Contains("第 2 版）是本站公开日志的第", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30), "the document page to show its log entry");
        Assert.Contains($"href=\"/log/entries/{leafIndex}\"", page, StringComparison.Ordinal);
        var proofPage = await client.GetStringAsync(new Uri($"/log/entries/{leafIndex}", UriKind.Relative));
        Assert.Contains("本页已核验", proofPage, StringComparison.Ordinal);
        Assert.Contains(indexNo, proofPage, StringComparison.Ordinal);
        var logPage = await client.GetStringAsync(new Uri("/log", UriKind.Relative));
        Assert.Contains(after.TreeSize.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), logPage, StringComparison.Ordinal);
        Assert.Contains("与前一树头一致", logPage, StringComparison.Ordinal);
        Assert.DoesNotContain("不一致", logPage, StringComparison.Ordinal);

        // Printed gazette editions carry the latest tree head, so paper copies witness the log.
        using (var scope = factory.Services.CreateScope())
        {
            var edition = await scope.ServiceProvider.GetRequiredService<GazetteArchive>()
                .EditionAsync(new GazetteIssueView(new GazetteIssue { Title = "测试公报", Year = 2026, Number = 1, IssuedOn = new DateOnly(2026, 12, 1) }, []));
            var witness = edition.Blocks.OfType<PdfParagraph>().Single(p => p.Text.StartsWith("公开日志见证", StringComparison.Ordinal)).Text;
            Assert.Contains($"{after.TreeSize} 条", witness, StringComparison.Ordinal);
            Assert.Contains(Convert.ToBase64String(after.Root), witness, StringComparison.Ordinal);
        }
    }
}
