using System.Net;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Gongkai.Publishing;
using Gongkai.Publishing.Gazette;
using Gongkai.Publishing.Rules;
using Gongkai.Tests.Infrastructure;
using Gongkai.UnitTests.Platform.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Publishing.Gazette;

/// <summary>An editor assembles an issue from published documents on the console; visitors find it in the archive,
/// read its table of contents and download its PDF edition.</summary>
public sealed class GazetteTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private async Task<List<(string IndexNo, string Title)>> PublishedAsync(int count)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var rows = await db.Set<Document>().Where(d => d.Status == DocumentStatus.Published).OrderBy(d => d.Id).Take(count)
            .Select(d => new { d.IndexNo, d.Title }).ToListAsync();
        return rows.Select(r => (r.IndexNo!, r.Title)).ToList();
    }

    [Fact]
    public void An_issue_needs_a_year_a_number_a_date_in_that_year_and_a_title()
    {
        var refused = GazetteRules.Validate(2024, 0, new DateOnly(2023, 12, 31), " ");
        Assert.Equal(["issuedOn", "number", "title"], Assert.IsType<Refusal>(refused.Refusal).Errors.Keys.Order());
        Assert.Equal("绵阳市人民政府公报 2024年第3期", GazetteRules.Validate(2024, 3, new DateOnly(2024, 3, 1), " 绵阳市人民政府公报 2024年第3期").Value?.Title);
    }

    [Fact]
    public async Task An_editor_assembles_and_publishes_an_issue_that_visitors_find_read_and_download()
    {
        var documents = await PublishedAsync(2);
        Assert.Equal(2, documents.Count);
        using var editor = await factory.CreateStaffClientAsync("editor.gazette", StaffRoles.Editor);

        using var created = await editor.SubmitAsync("/admin/gazette", [new("Year", "2024"), new("Number", "7"), new("IssuedOn", "2024-07-15"), new("Title", "测试市政府公报 2024年第7期")]);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var issueUrl = created.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/admin/gazette/\\d+$", issueUrl);

        using (var duplicate = await editor.SubmitAsync("/admin/gazette", [new("Year", "2024"), new("Number", "7"), new("IssuedOn", "2024-07-15"), new("Title", "重复")]))
        {
            Assert.Contains("2024年第7期已经存在", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var (indexNo, _) in documents)
        {
            (await editor.SubmitAsync(issueUrl, [new("IndexNo", indexNo)], handler: "Add")).EnsureSuccessStatusCode();
        }

        using (var missing = await editor.SubmitAsync(issueUrl, [new("IndexNo", "no-such-index")], handler: "Add"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Contains("公报只能收录已发布且未撤回的文件", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        int secondId;
        using (var scope = factory.Services.CreateScope())
        {
            secondId = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Document>().Where(d => d.IndexNo == documents[1].IndexNo).Select(d => d.Id).SingleAsync();
        }

        (await editor.SubmitAsync($"{issueUrl}?documentId={secondId}&offset=-1", [], handler: "Move")).EnsureSuccessStatusCode();

        using var visitor = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri("/gazette/2024/7", UriKind.Relative))).StatusCode);

        (await editor.SubmitAsync(issueUrl, [], handler: "Publish")).EnsureSuccessStatusCode();

        var page = await visitor.GetStringAsync(new Uri("/gazette/2024/7", UriKind.Relative));
        Assert.True(page.IndexOf(documents[1].Title, StringComparison.Ordinal) < page.IndexOf(documents[0].Title, StringComparison.Ordinal), "the moved document comes first");
        Assert.Contains($"href=\"/documents/{documents[0].IndexNo}\"", page, StringComparison.Ordinal);

        var archive = await visitor.GetStringAsync(new Uri("/gazette/2024", UriKind.Relative));
        Assert.Contains("测试市政府公报 2024年第7期", archive, StringComparison.Ordinal);
        var keyword = documents[0].Title[..4];
        Assert.Contains(documents[0].Title, await visitor.GetStringAsync(new Uri("/gazette?q=" + Uri.EscapeDataString(keyword), UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("没有找到", await visitor.GetStringAsync(new Uri("/gazette?q=%E4%B8%8D%E5%AD%98%E5%9C%A8%E7%9A%84%E6%A0%87%E9%A2%98xyz", UriKind.Relative)), StringComparison.Ordinal);

        using var pdf = await visitor.GetAsync(new Uri("/gazette/2024/7.pdf", UriKind.Relative));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = PdfText.Of(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("测试市政府公报", text, StringComparison.Ordinal);
        Assert.Contains("目录", text, StringComparison.Ordinal);
        Assert.Contains(string.Concat(documents[0].Title.Where(c => !char.IsWhiteSpace(c))), string.Concat(text.Where(c => !char.IsWhiteSpace(c))), StringComparison.Ordinal);

        using var scope2 = factory.Services.CreateScope();
        var actions = await scope2.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>()
            .Where(a => a.Target == "gazette:2024-7").Select(a => a.Action).ToListAsync();
        Assert.Contains("gazette.created", actions);
        Assert.Contains("gazette.reordered", actions);
        Assert.Contains("gazette.published", actions);
    }
}
