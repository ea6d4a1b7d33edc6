using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Catalogue;
using Gongkai.Publishing.Import;
using Gongkai.Publishing.Rules;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Gongkai.Platform.Time;

namespace Gongkai.Tests.Publishing.Import;

/// <summary>Importing a small folder like the law corpus: good files become published documents, bad ones are
/// listed with their reason, and running it again changes nothing unless a file changed.</summary>
public sealed class DocumentImporterTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gongkai-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string path, string text)
    {
        var full = Path.Combine(_folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private const string Police = "---\ntitle: \"公安机关办理行政案件程序规定\"\ncategory: \"部门规章/公安部\"\nissued: 2020-08-06\nsource: \"LawRefBook/Laws:部门规章/公安机关办理行政案件程序规定.md\"\n---\n\n第一条　为了规范公安机关办理行政案件程序，制定本规定。\n";

    /// <summary>Three good files, five bad ones, a non-Markdown file that is ignored.</summary>
    private void WriteFixture()
    {
        Write("部门规章/公安部/程序规定.md", Police);
        Write("通知/停水.md", "---\ntitle: 关于城区部分区域临时停水的公告\ncategory: 通知公告\ntype: 公告\nissued: 2024-05-06\n---\n\n因管网改造，5月8日城区部分区域停水。\n");
        Write("宪法/修正案.md", "---\ntitle: 中华人民共和国宪法修正案（2004年）\ncategory: 宪法\n---\n\n2004年3月14日 第十届全国人民代表大会第二次会议通过\n\n第十八条　……\n");
        Write("坏/无头.md", "第一条　没有 front matter。\n");
        Write("坏/空正文.md", "---\ntitle: 空\ncategory: 宪法\nissued: 2020-01-01\n---\n\n");
        Write("坏/类型.md", "---\ntitle: 会议纪要\ncategory: 宪法\ntype: 会议纪要\nissued: 2020-01-01\n---\n正文\n");
        Write("坏/日期.md", "---\ntitle: 日期错\ncategory: 宪法\nissued: 2020-02-30\n---\n正文\n");
        Write("坏/统计.md", $"---\ntitle: 不是统计信息\ncategory: {CatalogueDefaults.StatutoryRoot}/统计信息\nissued: 2020-01-01\n---\n正文\n");
        Write("说明.txt", "不是 Markdown，不导入。");
    }

    private async Task<(ImportSummary Summary, RecordingProgress Progress)> ImportAsync(string code)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var body = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Code == code);
        var progress = new RecordingProgress();
        return (await scope.ServiceProvider.GetRequiredService<DocumentImporter>().ImportAsync(_folder, body, progress), progress);
    }

    [Fact]
    public async Task Good_files_are_published_and_each_bad_file_is_reported_without_stopping_the_rest()
    {
        WriteFixture();
        var (summary, progress) = await ImportAsync("myfgw");

        Assert.Equal((3, 0, 0), (summary.Imported, summary.Updated, summary.Unchanged));
        Assert.Equal(8, progress.Total);
        Assert.Equal(8, progress.Done);
        var reasons = summary.Rejected.ToDictionary(r => r.Path, r => r.Reason);
        Assert.Equal(["坏/无头.md", "坏/日期.md", "坏/空正文.md", "坏/类型.md", "坏/统计.md"], reasons.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("缺少 YAML front matter", reasons["坏/无头.md"], StringComparison.Ordinal);
        Assert.Contains("正文为空", reasons["坏/空正文.md"], StringComparison.Ordinal);
        Assert.Contains("会议纪要", reasons["坏/类型.md"], StringComparison.Ordinal);
        Assert.Contains("2020-02-30", reasons["坏/日期.md"], StringComparison.Ordinal);
        Assert.Equal("目录“统计信息”只收录统计信息，不能放入“其他政策文件”。", reasons["坏/统计.md"]);
        Assert.Equal(summary.Rejected, progress.Rejections);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var police = await db.Set<Document>().Include(d => d.Body).SingleAsync(d => d.Title == "公安机关办理行政案件程序规定" && d.Body!.Code == "myfgw");
        Assert.Equal(DocumentStatus.Published, police.Status);
        // A ministry's rule is a reference document of the law library: issued by 公安部 (its category), national, in
        // force, with a library number instead of this body's 索引号, and filed in none of the body's catalogue nodes.
        Assert.Equal(DocumentKind.Reference, police.Kind);
        Assert.Equal(("公安部", "部门规章", "全国", "现行有效"), (police.Issuer, police.Level, police.Region, police.LegalStatus));
        Assert.StartsWith(DocumentImporter.LibraryPrefix, police.IndexNo, StringComparison.Ordinal);
        Assert.False(police.IndexNo!.StartsWith(IndexNumber.Prefix(police.Body!.CreditCode, 2020), StringComparison.Ordinal));
        Assert.Null(police.CatalogueNodeId);
        Assert.Equal(new DateOnly(2020, 8, 6), ChinaTime.DateOf(police.PublishedAt!.Value));
        Assert.Equal("公安、安全、司法", police.Subject);
        var version = await db.Set<DocumentVersion>().SingleAsync(v => v.DocumentId == police.Id);
        Assert.Equal(DocumentVersion.HashOf(police.Title, null, police.DocumentType, police.Subject, police.SignedOn, police.BodyHtml), version.ContentHash);
        Assert.True(await db.Set<ChangeLogEntry>().AnyAsync(c => c.Kind == PublishingChanges.DocumentPublished.Name && c.EntityId == police.IndexNo));

        var nodes = await db.Set<CatalogueNode>().Where(n => n.Body!.Code == "myfgw").ToListAsync();
        Assert.DoesNotContain(nodes, n => n.Name is "公安部" or "部门规章" or "宪法");
        var amendmentIssuer = await db.Set<Document>().Where(d => d.Title == "中华人民共和国宪法修正案（2004年）" && d.BodyId == police.BodyId).Select(d => d.Issuer).SingleAsync();
        Assert.Equal("全国人民代表大会", amendmentIssuer);

        // Each imported document was published by the publisher: version, history, audit and change-log rows alike.
        var imported = await db.Set<Document>().AsNoTracking().Where(d => d.BodyId == police.BodyId).ToListAsync();
        Assert.Equal(3, imported.Count);
        foreach (var document in imported)
        {
            Assert.Equal((DocumentStatus.Published, 1), (document.Status, document.CurrentVersion));
            Assert.Equal(1, await db.Set<DocumentVersion>().CountAsync(v => v.DocumentId == document.Id && v.Number == 1 && v.Kind == DocumentVersion.Published));
            Assert.Equal(1, await db.Set<DocumentHistoryEntry>().CountAsync(h => h.DocumentId == document.Id && h.Action == "published" && h.ActorName == DocumentImporter.Actor));
            var target = DocumentPublisher.Target(document);
            Assert.Equal(1, await db.Set<AuditEntry>().CountAsync(a => a.Action == PublishingChanges.DocumentPublished.Name && a.Target == target));
            Assert.Equal(1, await db.Set<ChangeLogEntry>().CountAsync(c => c.Kind == PublishingChanges.DocumentPublished.Name && c.EntityId == document.IndexNo));
            Assert.Null(document.DueOn);
        }

        var notice = imported.Single(d => d.Title == "关于城区部分区域临时停水的公告");
        Assert.Equal(DocumentCatalog.Notice, notice.DocumentType);
        var amendment = imported.Single(d => d.Title == "中华人民共和国宪法修正案（2004年）");
        Assert.Equal(new DateOnly(2004, 3, 14), amendment.SignedOn);
    }

    [Fact]
    public async Task Importing_again_duplicates_nothing_and_a_changed_file_becomes_a_new_version()
    {
        WriteFixture();
        var first = await ImportAsync("mymzj");
        Assert.Equal(3, first.Summary.Imported);

        var again = await ImportAsync("mymzj");
        Assert.Equal((0, 0, 3, 5), (again.Summary.Imported, again.Summary.Updated, again.Summary.Unchanged, again.Summary.Rejected.Count));

        // The same text moved to another folder keeps its source key: still the same document.
        File.Delete(Path.Combine(_folder, "部门规章/公安部/程序规定.md"));
        Write("改名后/程序规定.md", Police.Replace("制定本规定。", "制定本规定。\n\n第二条　新增的条款。", StringComparison.Ordinal));
        var changed = await ImportAsync("mymzj");
        Assert.Equal((0, 1, 2), (changed.Summary.Imported, changed.Summary.Updated, changed.Summary.Unchanged));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var documents = await db.Set<Document>().Where(d => d.Body!.Code == "mymzj" && d.Title == "公安机关办理行政案件程序规定").ToListAsync();
        var police = Assert.Single(documents);
        Assert.Equal(2, police.CurrentVersion);
        Assert.Contains("新增的条款", police.BodyHtml, StringComparison.Ordinal);
        var correction = await db.Set<DocumentVersion>().SingleAsync(v => v.DocumentId == police.Id && v.Number == 2);
        Assert.Equal(DocumentImporter.ReimportReason, correction.Reason);
        // Corrected by the publisher, as a staff 更正 would be: history, audit and a change-log row search follows.
        Assert.True(await db.Set<DocumentHistoryEntry>().AnyAsync(h => h.DocumentId == police.Id && h.Action == "corrected" && h.Comment == DocumentImporter.ReimportReason));
        var target = DocumentPublisher.Target(police);
        Assert.Equal(1, await db.Set<AuditEntry>().CountAsync(a => a.Action == PublishingChanges.DocumentCorrected.Name && a.Target == target));
        Assert.Equal(1, await db.Set<ChangeLogEntry>().CountAsync(c => c.Kind == PublishingChanges.DocumentCorrected.Name && c.EntityId == police.IndexNo));
        Assert.Equal(3, await db.Set<ImportedDocument>().CountAsync(i => i.BodyId == police.BodyId));
    }

    [Fact]
    public async Task Without_a_body_the_top_level_government_receives_the_documents()
    {
        using var scope = factory.Services.CreateScope();
        var body = ImportCommand.FindBody(await scope.ServiceProvider.GetRequiredService<BodyDirectory>().LoadAsync(), null);
        Assert.Equal("myszf", body!.Code);
        Assert.Null(ImportCommand.FindBody(await scope.ServiceProvider.GetRequiredService<BodyDirectory>().LoadAsync(), "nosuchbody"));
    }

    [Fact]
    public async Task A_document_published_while_an_import_runs_gets_its_own_index_number_and_the_import_goes_on()
    {
        for (var i = 1; i <= DocumentImporter.BatchSize + 50; i++)
        {
            Write($"交错/第{i:D3}号.md", $"---\ntitle: 交错导入测试文件第{i}号\ncategory: 交错测试\nissued: 2021-03-01\n---\n\n第{i}号文件正文。\n");
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var body = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Code == "myszfb");
        string? published = null;
        // After the first batch is saved, a publication on another unit of work (another request) takes a number.
        var progress = new CallbackProgress(() => published ??= Task.Run(async () =>
        {
            using var other = factory.Services.CreateScope();
            var document = await other.ServiceProvider.GetRequiredService<DocumentPublisher>().PublishAsync(
                new DocumentDraft("导入期间发布的通知", null, body.Id, DocumentCatalog.Notice, "综合政务", new DateOnly(2021, 5, 31), "导入期间发布。"),
                new DateTimeOffset(2021, 6, 1, 9, 0, 0, TimeSpan.FromHours(8)));
            return document.IndexNo!;
        }).GetAwaiter().GetResult());

        var summary = await scope.ServiceProvider.GetRequiredService<DocumentImporter>().ImportAsync(_folder, body, progress);

        Assert.Equal(DocumentImporter.BatchSize + 50, summary.Imported);
        var prefix = IndexNumber.Prefix(body.CreditCode, 2021);
        var numbers = await db.Set<Document>().AsNoTracking().Where(d => d.BodyId == body.Id && d.IndexNo!.StartsWith(prefix))
            .Select(d => new { d.IndexNo, d.Title }).ToListAsync();
        Assert.Equal(DocumentImporter.BatchSize + 51, numbers.Select(n => n.IndexNo).Distinct().Count());
        // The first batch took 1–200, the publication 201, the rest of the import 202 onwards.
        Assert.Equal(IndexNumber.Format(body.CreditCode, 2021, DocumentImporter.BatchSize + 1), published);
        Assert.Equal(published, numbers.Single(n => n.Title == "导入期间发布的通知").IndexNo);
        Assert.Equal(IndexNumber.Format(body.CreditCode, 2021, DocumentImporter.BatchSize + 51), numbers.Max(n => n.IndexNo));
    }

    private sealed class CallbackProgress(Action afterFirstBatch) : IImportProgress
    {
        public void Started(int total)
        {
        }

        public void Advanced(int done) => afterFirstBatch();

        public void Rejected(ImportRejection rejection)
        {
        }
    }

    private sealed class RecordingProgress : IImportProgress
    {
        public int Total { get; private set; }

        public int Done { get; private set; }

        public List<ImportRejection> Rejections { get; } = [];

        public void Started(int total) => Total = total;

        public void Advanced(int done) => Done = done;

        public void Rejected(ImportRejection rejection) => Rejections.Add(rejection);
    }
}
