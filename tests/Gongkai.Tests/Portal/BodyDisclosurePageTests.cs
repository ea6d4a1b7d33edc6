using System.Net;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Publishing.Catalogue;
using Gongkai.Publishing.Import;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Portal;

/// <summary>A body's 信息公开 section, the home page's sections and the public API's catalogue filter, on documents
/// imported into catalogue nodes of 绵阳市人民政府.</summary>
public sealed class BodyDisclosurePageTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>, IAsyncLifetime
{
    private const string RuleTitle = "绵阳市城市绿化管理办法（测试）";
    private const string NoticeTitle = "关于开展2019年城市绿化检查的通知（测试）";

    public async ValueTask InitializeAsync()
    {
        var folder = Directory.CreateTempSubdirectory("gongkai-xxgk-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "rule.md"),
                $"---\ntitle: {RuleTitle}\ncategory: {CatalogueDefaults.StatutoryRoot}/规章和规范性文件\nissued: 2019-05-05\nsubject: 城乡建设、环境保护\n---\n\n第一条　为了促进城市绿化，制定本办法。\n");
            await File.WriteAllTextAsync(Path.Combine(folder, "notice.md"),
                $"---\ntitle: {NoticeTitle}\ncategory: {CatalogueDefaults.KeyAreasRoot}/通知公告\ntype: 通知\nissued: 2019-06-01\n---\n\n各县市区：请于6月底前完成自查。\n");
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var body = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Code == "myszf");
            var summary = await scope.ServiceProvider.GetRequiredService<DocumentImporter>().ImportAsync(folder, body);
            // Each test instance runs this; the first imports, the others find the files unchanged.
            Assert.Equal((2, 0), (summary.Imported + summary.Unchanged, summary.Rejected.Count));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<int> NodeIdAsync(string name)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<CatalogueNode>()
            .Where(n => n.Body!.Code == "myszf" && n.Name == name).Select(n => n.Id).SingleAsync();
    }

    [Fact]
    public async Task The_section_shows_the_catalogue_the_nodes_facts_and_its_documents()
    {
        var node = await NodeIdAsync("规章和规范性文件");
        using var visitor = factory.CreateClient();
        var overview = await visitor.GetStringAsync(new Uri("/bodies/myszf/xxgk", UriKind.Relative));
        Assert.Contains(CatalogueDefaults.StatutoryRoot, overview, StringComparison.Ordinal);
        Assert.Contains($"/bodies/myszf/xxgk?node={node}", overview, StringComparison.Ordinal);

        var page = await visitor.GetStringAsync(new Uri($"/bodies/myszf/xxgk?node={node}", UriKind.Relative));
        Assert.Contains(RuleTitle, page, StringComparison.Ordinal);
        Assert.DoesNotContain(NoticeTitle, page, StringComparison.Ordinal);
        Assert.Contains(CatalogueDefaults.ThreeWorkingDays, page, StringComparison.Ordinal);

        // The statutory root lists what its sub-nodes hold.
        var root = await visitor.GetStringAsync(new Uri($"/bodies/myszf/xxgk?node={await NodeIdAsync(CatalogueDefaults.StatutoryRoot)}", UriKind.Relative));
        Assert.Contains(RuleTitle, root, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_type_subject_year_and_validity_narrow_the_list()
    {
        using var visitor = factory.CreateClient();
        async Task<string> Get(string query) => await visitor.GetStringAsync(new Uri("/bodies/myszf/xxgk?" + query, UriKind.Relative));
        Assert.Contains(NoticeTitle, await Get("type=通知公告"), StringComparison.Ordinal);
        Assert.DoesNotContain(RuleTitle, await Get("type=通知公告"), StringComparison.Ordinal);
        Assert.Contains(RuleTitle, await Get("subject=城乡建设、环境保护&year=2019"), StringComparison.Ordinal);
        Assert.DoesNotContain(RuleTitle, await Get("year=2018"), StringComparison.Ordinal);
        Assert.DoesNotContain(RuleTitle, await Get("validity=废止"), StringComparison.Ordinal);
        Assert.Contains(RuleTitle, await Get("validity=有效&year=2019"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_filters_by_node_and_refuses_an_unknown_one()
    {
        var node = await NodeIdAsync("通知公告");
        using var visitor = factory.CreateClient();
        var list = JsonDocument.Parse(await visitor.GetStringAsync(new Uri($"/api/v1/documents/?body=myszf&node={node}&size=5", UriKind.Relative))).RootElement;
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(NoticeTitle, list.GetProperty("items")[0].GetProperty("title").GetString());
        using var unknown = await visitor.GetAsync(new Uri("/api/v1/documents/?node=999999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_hidden_node_disappears_from_the_section_but_its_documents_keep_their_pages()
    {
        var admin = await factory.CreateStaffClientAsync("bodyadmin.myszf", StaffRoles.BodyAdmin);
        var node = await NodeIdAsync("政府信息公开年报");
        (await admin.PostAsync(new Uri($"/api/v1/catalogue/{node}/hide", UriKind.Relative), null)).EnsureSuccessStatusCode();
        using var visitor = factory.CreateClient();
        using var hidden = await visitor.GetAsync(new Uri($"/bodies/myszf/xxgk?node={node}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain("政府信息公开年报", await visitor.GetStringAsync(new Uri("/bodies/myszf/xxgk", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_shows_notices_and_interpretations_sections()
    {
        using var visitor = factory.CreateClient();
        var home = await visitor.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("<h2 id=\"interpretations\">政策解读</h2>", home, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"notices\">通知公告</h2>", home, StringComparison.Ordinal);
        Assert.Contains(NoticeTitle, home, StringComparison.Ordinal);
    }
}
