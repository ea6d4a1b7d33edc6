using System.Net;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Publishing;

/// <summary>Publishes into its own database, so the counts other test classes rely on stay as seeded.</summary>
public sealed class DocumentPublisherTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Publishing_numbers_documents_in_sequence_logs_the_change_and_refreshes_cached_lists()
    {
        using var visitor = factory.CreateClient();
        // Two visits: the second, carrying the antiforgery cookie, is stored in the output cache.
        await visitor.GetStringAsync(new Uri("/documents?body=mysfj", UriKind.Relative));
        Assert.Contains("没有符合条件的文件", await visitor.GetStringAsync(new Uri("/documents?body=mysfj", UriKind.Relative)), StringComparison.Ordinal);

        Body justice;
        var published = new List<Document>();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            justice = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Code == "mysfj");
            var publisher = scope.ServiceProvider.GetRequiredService<DocumentPublisher>();
            for (var i = 1; i <= 21; i++)
            {
                published.Add(await publisher.PublishAsync(
                    new DocumentDraft($"绵阳市司法局第{i}号公告", null, justice.Id, DocumentCatalog.Notice, "公安、安全、司法", null, $"第一段<{i}>\n第二段"),
                    new DateTimeOffset(2024, 3, 1, 2, 0, 0, TimeSpan.Zero).AddDays(i)));
            }
        }

        var prefix = CreditCode.FormatOrganizationCode(justice.CreditCode) + "/2024-";
        Assert.Equal(Enumerable.Range(1, 21).Select(i => $"{prefix}{i:D5}"), published.Select(d => d.IndexNo));
        Assert.Equal("<p>第一段&lt;21&gt;</p>\n<p>第二段</p>\n", published[^1].BodyHtml);

        var first = await visitor.GetStringAsync(new Uri("/documents?body=mysfj", UriKind.Relative));
        Assert.Contains("共 21 件，第 1 / 2 页", first, StringComparison.Ordinal);
        Assert.True(first.IndexOf("第21号公告", StringComparison.Ordinal) < first.IndexOf("第20号公告", StringComparison.Ordinal), "newest first");
        Assert.DoesNotContain("第1号公告<", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/documents?body=mysfj&amp;page=2\" rel=\"next\"", first, StringComparison.Ordinal);

        var second = await visitor.GetStringAsync(new Uri("/documents?body=mysfj&page=2", UriKind.Relative));
        Assert.Contains("第1号公告<", second, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", second, StringComparison.Ordinal);

        var page = await visitor.GetAsync(new Uri(published[0].IndexNo!.Insert(0, "/documents/"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var changes = await db.Set<ChangeLogEntry>().Where(c => c.Kind == "document.published" && c.BodyId == justice.Id).ToListAsync();
            Assert.Equal(published.Select(d => d.IndexNo).Order(StringComparer.Ordinal), changes.Select(c => c.EntityId).Order(StringComparer.Ordinal));
            Assert.All(changes, c => Assert.Equal("document", c.Entity));
            Assert.Equal(21, await db.Set<AuditEntry>().CountAsync(a => a.Action == "document.published" && a.BodyId == justice.Id));
        }
    }
}
