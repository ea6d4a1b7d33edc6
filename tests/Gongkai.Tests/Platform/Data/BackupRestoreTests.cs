using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Attachments;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Data;

/// <summary>
/// An operator backs the site up while it runs, loses the server, restores the archive into a fresh data folder and
/// database, and starts the real executable on it: the same documents and attachment are served, search finds them
/// (the index is rebuilt from the restored database on that first start), and the public log's key is the same.
/// Runs on the test pass's database (SQLite: online backup; PostgreSQL: pg_dump/pg_restore).
/// </summary>
public sealed class BackupRestoreTests : IClassFixture<GongkaiFactory>, IDisposable
{
    private readonly GongkaiFactory _factory;
    private readonly string _folder = Directory.CreateTempSubdirectory("gongkai-backup-test-").FullName;

    public BackupRestoreTests(GongkaiFactory factory) => _factory = factory;

    [Fact]
    public async Task A_backup_taken_while_the_site_runs_restores_into_a_fresh_place_and_serves_the_same_documents()
    {
        using var site = _factory.CreateClient();
        var document = await PublishAsync("关于公布古榕树保护名录的通知", "古榕树保护名录如下：第一株位于涪城区。");
        var attachmentBytes = Encoding.UTF8.GetBytes("古榕树保护名录附件（图片的替身）");
        var attachmentId = await AttachAsync(document, attachmentBytes);
        var logKey = await site.GetStringAsync(new Uri("/.well-known/gongkai-log-key.pem", UriKind.Relative));
        var archive = Path.Combine(_folder, "gongkai.zip");

        var backup = await AppProcess.RunAsync(_factory.Database, "Production", null, "backup", archive);
        Assert.True(backup.ExitCode == 0, $"backup: {backup.Output} {backup.Error}");
        Assert.Contains("已备份到", backup.Output, StringComparison.Ordinal);
        Assert.Contains("transparency/log-key.pem", backup.Output, StringComparison.Ordinal);

        using var fresh = TestDatabase.Create();
        var restore = await AppProcess.RunAsync(fresh, "Production", null, "restore", archive);
        Assert.True(restore.ExitCode == 0, $"restore: {restore.Output} {restore.Error}");
        Assert.Contains("网站下次启动时按数据库重建", restore.Output, StringComparison.Ordinal);

        // A second restore would overwrite what is there now: refused without --force, in Chinese.
        var again = await AppProcess.RunAsync(fresh, "Production", null, "restore", archive);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("目标不是空的", again.Error, StringComparison.Ordinal);
        Assert.Contains("--force", again.Error, StringComparison.Ordinal);

        await using var restored = await AppServer.StartAsync(fresh);
        using var client = new HttpClient { BaseAddress = restored.BaseAddress };
        var api = await client.GetAsync(new Uri("/api/v1/documents/by-index?indexNo=" + Uri.EscapeDataString(document.IndexNo!), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Contains("古榕树保护名录", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(attachmentBytes, await client.GetByteArrayAsync(new Uri($"/attachments/{attachmentId}", UriKind.Relative)));
        Assert.Equal(logKey, await client.GetStringAsync(new Uri("/.well-known/gongkai-log-key.pem", UriKind.Relative)));
        await WaitUntilSearchFindsAsync(client, "古榕树", document.IndexNo!);
        // The demo documents came along too: the restored site lists as many as the original.
        Assert.Equal(await TotalAsync(site), await TotalAsync(client));
    }

    [Fact]
    public async Task Restoring_something_that_is_not_a_backup_is_refused_and_touches_nothing()
    {
        var notABackup = Path.Combine(_folder, "notes.zip");
        await File.WriteAllTextAsync(notABackup, "这不是备份");
        using var fresh = TestDatabase.Create();

        var restore = await AppProcess.RunAsync(fresh, "Production", null, "restore", notABackup);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("不是 Gongkai 的备份文件", restore.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(fresh.DataFolder, "gongkai.db")) && new FileInfo(Path.Combine(fresh.DataFolder, "gongkai.db")).Length > 0);
    }

    private static async Task<int> TotalAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/documents?size=1", UriKind.Relative)));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    private static async Task WaitUntilSearchFindsAsync(HttpClient client, string query, string indexNo)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await client.GetAsync(new Uri("/api/v1/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));
            if (response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains(indexNo, StringComparison.Ordinal))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the restored site's search never found {indexNo}");
            await Task.Delay(250);
        }
    }

    private async Task<Document> PublishAsync(string title, string text)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var body = await db.Set<Body>().OrderBy(b => b.Id).FirstAsync();
        return await scope.ServiceProvider.GetRequiredService<DocumentPublisher>().PublishAsync(
            new DocumentDraft(title, null, body.Id, DocumentCatalog.Types[0], DocumentCatalog.Subjects[0], null, text));
    }

    private async Task<int> AttachAsync(Document document, byte[] bytes)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var attachment = new DocumentAttachment
        {
            DocumentId = document.Id,
            FileName = "古榕树名录.png",
            Kind = AttachmentKind.Png,
            Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedAt = DateTimeOffset.UtcNow,
        };
        db.Add(attachment);
        await db.SaveChangesAsync();
        db.Add(new AttachmentContent { AttachmentId = attachment.Id, Bytes = bytes });
        await db.SaveChangesAsync();
        return attachment.Id;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
