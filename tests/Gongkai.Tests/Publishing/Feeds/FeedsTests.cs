using System.Net;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Publishing;
using Gongkai.Publishing.Rules;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Publishing.Feeds;

/// <summary>Feeds read by real parsers, the sitemap and robots.txt, feed autodiscovery and JSON-LD on pages.</summary>
public sealed class FeedsTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<(string IndexNo, string Title, int Id, string BodyCode)> NewestAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var d = await db.Set<Document>().Where(x => x.Status == DocumentStatus.Published).OrderByDescending(x => x.PublishedAt).ThenByDescending(x => x.Id)
            .Select(x => new { x.IndexNo, x.Title, x.Id, x.Body!.Code }).FirstAsync();
        return (d.IndexNo!, d.Title, d.Id, d.Code);
    }

    private static SyndicationFeed ParseAtom(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml));
        var formatter = new Atom10FeedFormatter();
        Assert.True(formatter.CanRead(reader), "the document is an Atom 1.0 feed");
        formatter.ReadFrom(reader);
        return formatter.Feed;
    }

    [Fact]
    public async Task The_site_atom_feed_parses_and_every_entry_has_id_title_link_and_updated()
    {
        using var visitor = factory.CreateClient();
        using var response = await visitor.GetAsync(new Uri("/feeds/atom.xml", UriKind.Relative));
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var xml = await response.Content.ReadAsStringAsync();

        var feed = ParseAtom(xml);
        Assert.False(string.IsNullOrEmpty(feed.Id));
        Assert.NotEmpty(feed.Items);
        var newest = await NewestAsync();
        Assert.Equal(newest.Title, feed.Items.First().Title.Text);

        var root = XDocument.Parse(xml).Root!;
        Assert.Equal(Atom + "feed", root.Name);
        Assert.NotNull(root.Element(Atom + "id"));
        Assert.NotNull(root.Element(Atom + "updated"));
        Assert.NotNull(root.Element(Atom + "title"));
        Assert.All(root.Elements(Atom + "entry"), entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "id")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")?.Value));
            Assert.NotNull(entry.Element(Atom + "link")?.Attribute("href"));
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")?.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
        });
    }

    [Fact]
    public async Task Body_and_type_feeds_cover_only_their_documents_and_json_feed_parses()
    {
        var newest = await NewestAsync();
        using var visitor = factory.CreateClient();
        var bodyFeed = ParseAtom(await visitor.GetStringAsync(new Uri($"/feeds/bodies/{newest.BodyCode}/atom.xml", UriKind.Relative)));
        Assert.Contains(bodyFeed.Items, i => i.Title.Text == newest.Title);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri("/feeds/bodies/no-such-body/atom.xml", UriKind.Relative))).StatusCode);

        var typeFeed = ParseAtom(await visitor.GetStringAsync(new Uri($"/feeds/types/{Uri.EscapeDataString(DocumentCatalog.Notice)}/atom.xml", UriKind.Relative)));
        Assert.All(typeFeed.Items, i => Assert.Contains(i.Categories, c => c.Name == DocumentCatalog.Notice));

        using var json = JsonDocument.Parse(await visitor.GetStringAsync(new Uri("/feeds/feed.json", UriKind.Relative)));
        Assert.Equal("https://jsonfeed.org/version/1.1", json.RootElement.GetProperty("version").GetString());
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("id").GetString())));
        Assert.Equal(newest.Title, items[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_withdrawn_document_leaves_the_feed_and_the_sitemap()
    {
        using var editor = await factory.CreateStaffClientAsync("editor.feeds", StaffRoles.Editor);
        using var created = await editor.PostAsJsonAsync("/api/v1/documents/", new CreateDocumentRequest(
            new DocumentInput("关于订阅测试的通知公告", null, DocumentCatalog.Notice, "综合政务", new DateOnly(2024, 9, 27), "<p>测试正文。</p>")));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        (await editor.PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        foreach (var (stage, role) in new[] { ("first", StaffRoles.FirstReviewer), ("second", StaffRoles.SecondReviewer), ("final", StaffRoles.FinalReviewer) })
        {
            using var reviewer = await factory.CreateStaffClientAsync($"feeds-{stage}", role);
            (await reviewer.PostAsJsonAsync($"/api/v1/documents/{id}/review/{stage}", new ReviewRequest("approve", null))).EnsureSuccessStatusCode();
        }

        using var visitor = factory.CreateClient();
        Assert.Contains(ParseAtom(await visitor.GetStringAsync(new Uri("/feeds/atom.xml", UriKind.Relative))).Items, i => i.Title.Text == "关于订阅测试的通知公告");
        var (indexNo, _, _, _) = await NewestAsync();
        Assert.Contains("/documents/" + indexNo, await SitemapUrlsAsync(visitor));

        using var final = await factory.CreateStaffClientAsync("feeds-final", StaffRoles.FinalReviewer);
        (await final.PostAsJsonAsync($"/api/v1/documents/{id}/withdraw", new WithdrawalRequest("发布有误"))).EnsureSuccessStatusCode();

        Assert.DoesNotContain(ParseAtom(await visitor.GetStringAsync(new Uri("/feeds/atom.xml", UriKind.Relative))).Items, i => i.Title.Text == "关于订阅测试的通知公告");
        Assert.DoesNotContain("/documents/" + indexNo, await SitemapUrlsAsync(visitor));
    }

    [Fact]
    public async Task A_catalogue_node_feed_carries_the_documents_of_the_node_and_its_sub_nodes_is_announced_and_loses_a_withdrawn_one()
    {
        int parentId, childId, hiddenId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var myszf = await db.Set<Gongkai.Organizations.Body>().SingleAsync(b => b.Code == "myszf");
            var parent = new Gongkai.Publishing.Catalogue.CatalogueNode { BodyId = myszf.Id, Name = "订阅测试栏目" };
            var hidden = new Gongkai.Publishing.Catalogue.CatalogueNode { BodyId = myszf.Id, Name = "隐藏的订阅测试栏目", Hidden = true };
            db.AddRange(parent, hidden);
            await db.SaveChangesAsync();
            var child = new Gongkai.Publishing.Catalogue.CatalogueNode { BodyId = myszf.Id, Name = "订阅测试子栏目", ParentId = parent.Id };
            db.Add(child);
            await db.SaveChangesAsync();
            (parentId, childId, hiddenId) = (parent.Id, child.Id, hidden.Id);
        }

        using var editor = await factory.CreateStaffClientAsync("editor.node-feed", StaffRoles.Editor);
        using var created = await editor.PostAsJsonAsync("/api/v1/documents/", new CreateDocumentRequest(
            new DocumentInput("归入子栏目的通知", null, DocumentCatalog.Notice, "综合政务", new DateOnly(2024, 9, 27), "<p>栏目订阅正文。</p>", CatalogueNode: childId)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        (await editor.PostAsync(new Uri($"/api/v1/documents/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        foreach (var (stage, role) in new[] { ("first", StaffRoles.FirstReviewer), ("second", StaffRoles.SecondReviewer), ("final", StaffRoles.FinalReviewer) })
        {
            using var reviewer = await factory.CreateStaffClientAsync($"node-feed-{stage}", role);
            (await reviewer.PostAsJsonAsync($"/api/v1/documents/{id}/review/{stage}", new ReviewRequest("approve", null))).EnsureSuccessStatusCode();
        }

        using var visitor = factory.CreateClient();
        var parentFeed = ParseAtom(await visitor.GetStringAsync(new Uri($"/feeds/bodies/myszf/nodes/{parentId}/atom.xml", UriKind.Relative)));
        var childFeed = ParseAtom(await visitor.GetStringAsync(new Uri($"/feeds/bodies/myszf/nodes/{childId}/atom.xml", UriKind.Relative)));
        Assert.Equal(["归入子栏目的通知"], parentFeed.Items.Select(i => i.Title.Text));
        Assert.Equal(["归入子栏目的通知"], childFeed.Items.Select(i => i.Title.Text));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri($"/feeds/bodies/myszf/nodes/{hiddenId}/atom.xml", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri($"/feeds/bodies/myczj/nodes/{parentId}/atom.xml", UriKind.Relative))).StatusCode);

        var listing = await visitor.GetStringAsync(new Uri($"/bodies/myszf/xxgk?node={parentId}", UriKind.Relative));
        Assert.Contains($"<link rel=\"alternate\" type=\"application/atom+xml\" title=\"绵阳市人民政府 订阅测试栏目 最新文件\" href=\"/feeds/bodies/myszf/nodes/{parentId}/atom.xml\">", listing, StringComparison.Ordinal);

        using var final = await factory.CreateStaffClientAsync("node-feed-final", StaffRoles.FinalReviewer);
        (await final.PostAsJsonAsync($"/api/v1/documents/{id}/withdraw", new WithdrawalRequest("归类有误"))).EnsureSuccessStatusCode();

        Assert.Empty(ParseAtom(await visitor.GetStringAsync(new Uri($"/feeds/bodies/myszf/nodes/{parentId}/atom.xml", UriKind.Relative))).Items);
    }

    private static async Task<List<string>> SitemapUrlsAsync(HttpClient visitor)
    {
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var index = XDocument.Parse(await visitor.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        Assert.Equal(sm + "sitemapindex", index.Root!.Name);
        var urls = new List<string>();
        foreach (var loc in index.Root.Elements(sm + "sitemap").Select(s => s.Element(sm + "loc")!.Value))
        {
            var part = XDocument.Parse(await visitor.GetStringAsync(new Uri(new Uri(loc).PathAndQuery, UriKind.Relative)));
            Assert.Equal(sm + "urlset", part.Root!.Name);
            var locs = part.Root.Elements(sm + "url").Select(u => new Uri(u.Element(sm + "loc")!.Value).AbsolutePath).ToList();
            Assert.True(locs.Count <= 50_000);
            urls.AddRange(locs.Select(Uri.UnescapeDataString));
        }

        return urls;
    }

    [Fact]
    public async Task The_sitemap_lists_published_documents_only()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var published = await db.Set<Document>().Where(d => d.Status == DocumentStatus.Published).Select(d => d.IndexNo!).ToListAsync();
        using var visitor = factory.CreateClient();
        var documentUrls = (await SitemapUrlsAsync(visitor)).Where(u => u.StartsWith("/documents/", StringComparison.Ordinal)).ToList();
        Assert.Equal(published.Select(i => "/documents/" + i).Order(), documentUrls.Order());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    [InlineData(int.MaxValue)]
    public async Task A_sitemap_part_that_does_not_exist_is_not_found(int part)
    {
        using var visitor = factory.CreateClient();
        var response = await visitor.GetAsync(new Uri($"/sitemap-{part}.xml", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_sitemap_lists_the_application_pages_and_every_bodys_profile_guide_and_disclosure_section()
    {
        using var visitor = factory.CreateClient();
        var urls = await SitemapUrlsAsync(visitor);
        foreach (var page in new[] { "/xxgk", "/gazette", "/requests/apply", "/requests/track", "/site-map" })
        {
            Assert.Contains(page, urls);
        }

        var bodies = JsonDocument.Parse(await visitor.GetStringAsync(new Uri("/api/v1/bodies", UriKind.Relative))).RootElement;
        foreach (var code in bodies.EnumerateArray().Select(b => b.GetProperty("code").GetString()))
        {
            Assert.Contains($"/bodies/{code}", urls);
            Assert.Contains($"/bodies/{code}/guide", urls);
            Assert.Contains($"/bodies/{code}/xxgk", urls);
        }
    }

    [Fact]
    public async Task Robots_keeps_crawlers_out_of_staff_areas_and_points_to_the_sitemap()
    {
        using var visitor = factory.CreateClient();
        var robots = await visitor.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));
        Assert.Contains("Disallow: /admin", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /api/v1/requests", robots, StringComparison.Ordinal);
        Assert.Matches("Sitemap: https?://[^/]+/sitemap.xml", robots);
    }

    [Fact]
    public async Task Document_pages_announce_their_feeds_and_carry_schema_org_json_ld()
    {
        var newest = await NewestAsync();
        using var visitor = factory.CreateClient();
        var page = await visitor.GetStringAsync(new Uri("/documents/" + newest.IndexNo, UriKind.Relative));
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/feeds/bodies/{newest.BodyCode}/atom.xml\"", page, StringComparison.Ordinal);

        var match = System.Text.RegularExpressions.Regex.Match(page, "<script type=\"application/ld\\+json\">(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success, "the page has a JSON-LD block");
        using var jsonLd = JsonDocument.Parse(match.Groups[1].Value);
        Assert.Equal("https://schema.org", jsonLd.RootElement.GetProperty("@context").GetString());
        Assert.True(jsonLd.RootElement.GetProperty("@type").GetString() is "Legislation" or "CreativeWork");
        Assert.Equal(newest.Title, jsonLd.RootElement.GetProperty("name").GetString());
    }
}
