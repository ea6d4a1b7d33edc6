using System.Net;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Import;
using Gongkai.Publishing.Rules;
using Gongkai.Search;
using Gongkai.Tests.Infrastructure;
using Gongkai.Tests.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Data;

/// <summary>
/// The <c>doctor</c> verb, run as an operator runs it (the real executable) beside a running site whose invariants were
/// broken behind its back (on top of the demo city's documents): a document marked published with nothing else written (what a killed import left), a
/// published document whose history and change-log rows are gone, a document unpublished by hand while search still
/// has it, and a second copy of an imported file. The report names each 索引号 and exits 1; <c>--repair</c> fixes what
/// it safely can, the site follows, and a last run finds only what needs a person.
/// </summary>
public sealed class DoctorTests : IClassFixture<DoctorTests.SharedIndexFactory>
{
    private const string IndexFolder = "search-doctor";
    private static readonly Dictionary<string, string> VerbSettings = new() { ["Gongkai__Search__IndexFolder"] = IndexFolder };
    private readonly SharedIndexFactory _factory;

    public DoctorTests(SharedIndexFactory factory) => _factory = factory;

    [Fact]
    public async Task Doctor_names_broken_invariants_by_index_number_and_repair_fixes_what_it_safely_can()
    {
        var client = _factory.CreateClient();
        var anchor = await PublishAsync("关于公布古皂荚树名录的通知", "古皂荚树名录如下。");
        await SearchIntegrationTests.WaitForAsync(client, "古皂荚树", r => r.Items.Any(i => i.IndexNo == anchor.IndexNo));

        // Break the invariants behind the site's back.
        var history = await PublishAsync("关于公布古黄连木名录的通知", "古黄连木名录如下。");
        var hidden = await PublishAsync("关于公布古朴树名录的通知", "古朴树名录如下。");
        var imported = await PublishAsync("关于公布古柏树名录的通知", "古柏树名录如下。");
        var copy = await PublishAsync("关于公布古柏树名录的通知", "古柏树名录如下。");
        await SearchIntegrationTests.WaitForAsync(client, "古朴树", r => r.Items.Any(i => i.IndexNo == hidden.IndexNo));
        await SearchIntegrationTests.WaitForAsync(client, "古柏树", r => r.Items.Count(i => i.IndexNo == imported.IndexNo || i.IndexNo == copy.IndexNo) == 2);
        var halfWritten = await BehindTheSitesBackAsync(async db =>
        {
            var body = await db.Set<Body>().OrderBy(b => b.Id).FirstAsync();
            var document = new Document
            {
                Title = "关于公布古香樟名录的通知", IndexNo = "DOCTOR-TEST/2026-00001", BodyId = body.Id, DocumentType = DocumentCatalog.Types[0],
                Subject = DocumentCatalog.Subjects[0], BodyHtml = "<p>古香樟名录如下。</p>", Status = DocumentStatus.Published,
                PublishedAt = DateTimeOffset.UtcNow, CurrentVersion = 1, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Add(document);
            db.Add(new ImportedDocument
            {
                BodyId = imported.BodyId, KeyHash = new string('a', 64), SourceKey = "古柏树名录.md", DocumentId = imported.Id,
                ContentHash = new string('b', 64), ImportedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            await db.Set<DocumentHistoryEntry>().Where(h => h.DocumentId == history.Id).ExecuteDeleteAsync();
            await db.Set<ChangeLogEntry>().Where(c => c.EntityId == history.IndexNo).ExecuteDeleteAsync();
            await db.Set<Document>().Where(d => d.Id == hidden.Id).ExecuteUpdateAsync(d => d.SetProperty(x => x.Status, DocumentStatus.Draft));
            return document;
        });

        var found = await DoctorAsync();
        Assert.True(found.ExitCode == 1, found.Output + found.Error);
        var lines = found.Output.Split('\n');
        AssertLine(lines, "没有当前版本记录", halfWritten.IndexNo!);
        AssertLine(lines, "缺少发布历史记录", history.IndexNo!);
        AssertLine(lines, "缺少变更记录", history.IndexNo!);
        AssertLine(lines, "已发布但检索不到", halfWritten.IndexNo!);
        AssertLine(lines, "检索仍能找到但数据库中并未发布", hidden.IndexNo!);
        AssertLine(lines, "重复发布", $"{copy.IndexNo} 重复 {imported.IndexNo}");
        Assert.Contains("加 --repair", found.Output, StringComparison.Ordinal);

        var repaired = await DoctorAsync("--repair");
        Assert.True(repaired.ExitCode == 1, repaired.Output + repaired.Error);   // the duplicate needs a person
        var repairLines = repaired.Output.Split('\n');
        AssertLine(repairLines, "已退回草稿", halfWritten.IndexNo!);
        AssertLine(repairLines, "已补记发布历史", history.IndexNo!);
        AssertLine(repairLines, "已补写变更记录", history.IndexNo!);
        AssertLine(repairLines, "已请检索索引按数据库重读", hidden.IndexNo!);
        Assert.Contains("重复发布不自动修复", repaired.Output, StringComparison.Ordinal);

        // The site follows the repair: the half-written document is no longer public, search drops the hidden one.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/v1/documents/by-index?indexNo=" + Uri.EscapeDataString(halfWritten.IndexNo!), UriKind.Relative))).StatusCode);
        await SearchIntegrationTests.WaitForAsync(client, "古朴树", r => r.Items.All(i => i.IndexNo != hidden.IndexNo));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var draft = await db.Set<Document>().AsNoTracking().SingleAsync(d => d.Id == halfWritten.Id);
            Assert.Equal(DocumentStatus.Draft, draft.Status);
            Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Target == "document:" + halfWritten.IndexNo && a.Action == "document.unpublished-incomplete"));
            Assert.True(await db.Set<ChangeLogEntry>().AnyAsync(c => c.EntityId == history.IndexNo && c.Kind == PublishingChanges.DocumentPublished.Name));
            Assert.True(await db.Set<ChangeLogEntry>().AnyAsync(c => c.EntityId == hidden.IndexNo && c.Kind == SearchChanges.DocumentRecheck.Name));

            // A person withdraws the extra copy; then nothing is left.
            var extra = await db.Set<Document>().SingleAsync(d => d.Id == copy.Id);
            scope.ServiceProvider.GetRequiredService<DocumentPublisher>().MarkWithdrawn(extra, "重复发布", actorId: null, actorName: "测试");
            await db.SaveChangesAsync();
        }

        await SearchIntegrationTests.WaitForAsync(client, "古柏树", r => r.Items.All(i => i.IndexNo != copy.IndexNo));
        // The demo database plus everything above, repaired: nothing left (one verb run fewer than checking a clean start first).
        var healthy = await DoctorAsync();
        Assert.True(healthy.ExitCode == 0, healthy.Output + healthy.Error);
        Assert.Contains("未发现问题", healthy.Output, StringComparison.Ordinal);
        Assert.Contains("检索索引的文件与数据库一致", healthy.Output, StringComparison.Ordinal);
    }

    private static void AssertLine(string[] lines, string kind, string indexNo) =>
        Assert.True(lines.Any(l => l.Contains(kind, StringComparison.Ordinal) && l.Contains(indexNo, StringComparison.Ordinal)),
            $"no line with “{kind}” naming {indexNo}:\n{string.Join('\n', lines)}");

    private Task<(int ExitCode, string Output, string Error)> DoctorAsync(params string[] options) =>
        AppProcess.RunAsync(_factory.Database, "Production", VerbSettings, ["doctor", .. options]);

    private async Task<T> BehindTheSitesBackAsync<T>(Func<GongkaiDbContext, Task<T>> change)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await change(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>());
    }

    private async Task<Document> PublishAsync(string title, string text)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
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
