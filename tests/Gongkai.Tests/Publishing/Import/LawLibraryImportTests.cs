using System.Net;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Contracts;
using Gongkai.Publishing.Import;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Publishing.Import;

/// <summary>Laws imported from a collection land in the law library under their own issuer: never as the importing
/// body's documents, with their versions linked, their fields shown on the page and in the API, and what the text does
/// not say left empty and reported.</summary>
public sealed class LawLibraryImportTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gongkai-library-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string path, string text)
    {
        var full = Path.Combine(_folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private async Task<ImportSummary> ImportAsync(string code = "myszf")
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var body = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Code == code);
        return await scope.ServiceProvider.GetRequiredService<DocumentImporter>().ImportAsync(_folder, body);
    }

    private void WriteLaws()
    {
        Write("行政法规/图书馆测试条例(2010-12-20).md", "---\ntitle: \"图书馆测试条例\"\ncategory: \"行政法规\"\nissued: 2010-12-20\n---\n\n2003年4月27日 中华人民共和国国务院令第375号公布\n2010年12月20日 国务院令第586号修订\n\n## 第一章 总则\n\n第一条 为了测试法规库，制定本条例。\n");
        Write("行政法规/图书馆测试条例(2003-04-27).md", "---\ntitle: \"图书馆测试条例\"\ncategory: \"行政法规\"\nissued: 2003-04-27\n---\n\n2003年4月27日 中华人民共和国国务院令第375号公布\n\n第一条 为了测试法规库（旧版），制定本条例。\n");
        Write("DLC/广东地方法规/地方性法规/广东/深圳经济特区图书馆测试条例(2023-01-06).md", "---\ntitle: \"深圳经济特区图书馆测试条例\"\ncategory: \"DLC/广东地方法规/地方性法规/广东\"\nissued: 2023-01-06\n---\n\n2022年12月29日 深圳市第七届人民代表大会常务委员会第十四次会议通过\n\n第一条 测试深圳。\n");
        // Nothing in the first lines names who made it: the issuer stays empty and is reported, never guessed.
        Write("DLC/山东地方法规/地方性法规/山东/图书馆无来源测试规定.md", "---\ntitle: \"图书馆无来源测试规定\"\ncategory: \"DLC/山东地方法规/地方性法规/山东\"\n---\n\n第一条 没有制定机关的说明。\n");
        // Front matter overrides the derivation; an unknown level word is ignored and reported.
        Write("其他/图书馆覆盖测试办法.md", "---\ntitle: \"图书馆覆盖测试办法\"\ncategory: \"其他\"\nissued: 2020-01-01\nissuer: \"四川省人民政府\"\nlevel: \"地方政府规章\"\nregion: \"四川省\"\nstatus: \"已废止\"\neffective: 2020-03-01\n---\n\n第一条 覆盖测试。\n");
        Write("其他/图书馆坏级别测试.md", "---\ntitle: \"图书馆坏级别测试\"\ncategory: \"其他\"\nissued: 2020-01-01\nlevel: \"超级法\"\n---\n\n第一条 坏级别。\n");
    }

    [Fact]
    public async Task Laws_become_library_documents_under_their_issuer_with_versions_linked_and_gaps_reported()
    {
        WriteLaws();
        var summary = await ImportAsync();
        Assert.Empty(summary.Rejected);
        Assert.Equal(6, summary.References);
        Assert.Contains(summary.Notes, n => n.Path.EndsWith("图书馆无来源测试规定.md", StringComparison.Ordinal) && n.Note.Contains("制定机关", StringComparison.Ordinal));
        Assert.Contains(summary.Notes, n => n.Path.EndsWith("图书馆坏级别测试.md", StringComparison.Ordinal) && n.Note.Contains("超级法", StringComparison.Ordinal));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var docs = await db.Set<Document>().AsNoTracking().Where(d => d.Title.Contains("图书馆")).ToListAsync();
        Assert.All(docs, d => Assert.Equal(DocumentKind.Reference, d.Kind));
        Assert.All(docs, d => Assert.StartsWith(DocumentImporter.LibraryPrefix, d.IndexNo, StringComparison.Ordinal));

        var current = docs.Single(d => d.Title == "图书馆测试条例" && d.SignedOn == new DateOnly(2010, 12, 20));
        var old = docs.Single(d => d.Title == "图书馆测试条例" && d.SignedOn == new DateOnly(2003, 4, 27));
        Assert.Equal(("国务院", "行政法规", "全国", "现行有效"), (current.Issuer, current.Level, current.Region, current.LegalStatus));
        Assert.Equal(("已修改", DocumentValidity.Revised, current.Id), (old.LegalStatus, old.Validity, old.SupersededById));

        var shenzhen = docs.Single(d => d.Title == "深圳经济特区图书馆测试条例");
        Assert.Equal(("深圳市人民代表大会常务委员会", "地方性法规", "广东省/深圳市"), (shenzhen.Issuer, shenzhen.Level, shenzhen.Region));

        var unknown = docs.Single(d => d.Title == "图书馆无来源测试规定");
        Assert.Equal((null, "地方性法规", "山东省"), (unknown.Issuer, unknown.Level, unknown.Region));

        var overridden = docs.Single(d => d.Title == "图书馆覆盖测试办法");
        Assert.Equal(("四川省人民政府", "地方政府规章", "四川省", "已废止", new DateOnly(2020, 3, 1)),
            (overridden.Issuer, overridden.Level, overridden.Region, overridden.LegalStatus, overridden.EffectiveOn));
        Assert.Null(docs.Single(d => d.Title == "图书馆坏级别测试").Level);

        // Not the body's information: no list of the body (or of the site) shows them.
        var published = scope.ServiceProvider.GetRequiredService<PublishedDocuments>();
        var government = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Code == "myszf");
        var bodyList = await published.PageAsync(1, 100, new DocumentFilter(government.Id));
        Assert.DoesNotContain(bodyList.Items, i => i.Title.Contains("图书馆", StringComparison.Ordinal));
        var latest = await published.LatestAsync(100);
        Assert.DoesNotContain(latest, i => i.Title.Contains("图书馆", StringComparison.Ordinal));

        // Re-running the import changes nothing (idempotent).
        var again = await ImportAsync();
        Assert.Equal((0, 0, 6), (again.Imported, again.Updated, again.Unchanged));

        // The page names the issuer and links the versions; it never claims a body of the site issued the law.
        using var client = factory.CreateClient();
        var page = await client.GetStringAsync(DocumentSummary.DocumentUrl(old.IndexNo!));
        Assert.Contains("制定机关", page, StringComparison.Ordinal);
        Assert.Contains("国务院", page, StringComparison.Ordinal);
        Assert.Contains("历史版本", page, StringComparison.Ordinal);
        Assert.Contains(DocumentSummary.DocumentUrl(current.IndexNo!), page, StringComparison.Ordinal);
        Assert.DoesNotContain("发布机构", page, StringComparison.Ordinal);

        // The API by library number gives the fields and no body.
        foreach (var address in new[] { current.IndexNo! })
        {
            using var response = await client.GetAsync("/api/v1/documents/" + address);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = json.RootElement;
            Assert.Equal(JsonValueKind.Null, root.GetProperty("body").ValueKind);
            Assert.Equal("国务院", root.GetProperty("issuer").GetString());
            Assert.Equal("行政法规", root.GetProperty("level").GetString());
            Assert.Equal("全国", root.GetProperty("region").GetString());
            Assert.Equal("现行有效", root.GetProperty("status").GetString());
            Assert.Equal(2, root.GetProperty("versions").GetArrayLength());
        }

        // The library section lists the one in force and browses by level.
        var library = await client.GetStringAsync("/library?level=" + Uri.EscapeDataString("行政法规"));
        Assert.Contains("图书馆测试条例", library, StringComparison.Ordinal);
        Assert.Contains("效力级别", library, StringComparison.Ordinal);
    }
}
