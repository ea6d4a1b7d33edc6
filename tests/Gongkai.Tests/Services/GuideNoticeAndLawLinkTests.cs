using System.Net;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Publishing.Import;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Gongkai.Tests.Participation;
using Gongkai.UnitTests.Platform.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Gongkai.Tests.Services;

/// <summary>Issue 17: a guide prints as a one-page 一次性告知单 whose QR code opens the guide online, and the laws a guide or
/// a list cites link to the law library when the library holds them — and only then.</summary>
public sealed class GuideNoticeAndLawLinkTests(ServicesClockFactory factory) : IClassFixture<ServicesClockFactory>, IDisposable
{
    private const string LibraryLaw = "告知单测试许可条例";

    private readonly string _folder = Directory.CreateTempSubdirectory("gongkai-notice-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Imports a law into the library (two versions: the newer in force) and returns the page of the one in force.</summary>
    private async Task<string> ImportLawAsync()
    {
        void Write(string path, string text)
        {
            var full = Path.Combine(_folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        Write($"行政法规/{LibraryLaw}(2021-01-05).md", $"---\ntitle: \"{LibraryLaw}\"\ncategory: \"行政法规\"\nissued: 2021-01-05\n---\n\n2021年1月5日 国务院令第700号修订\n\n第一条 新版。\n");
        Write($"行政法规/{LibraryLaw}(2011-03-01).md", $"---\ntitle: \"{LibraryLaw}\"\ncategory: \"行政法规\"\nissued: 2011-03-01\n---\n\n2011年3月1日 国务院令第600号公布\n\n第一条 旧版。\n");
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var body = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Code == "myszf");
        var summary = await scope.ServiceProvider.GetRequiredService<DocumentImporter>().ImportAsync(_folder, body);
        Assert.Equal(2, summary.References);
        var newest = await db.Set<Document>().AsNoTracking().Where(d => d.Kind == DocumentKind.Reference && d.Title == LibraryLaw)
            .OrderByDescending(d => d.SignedOn).Select(d => d.IndexNo).FirstAsync();
        return "/documents/" + newest;
    }

    [Fact]
    public async Task A_published_guide_prints_its_notice_and_its_basis_links_to_the_library_law_in_force()
    {
        var lawUrl = await ImportLawAsync();
        var (first, _) = await ParticipationTestData.BodiesAsync(factory.Services);
        using var editor = await factory.CreateStaffClientAsync("notice.editor", StaffRoles.Editor);
        using var citizen = factory.CreateClient();

        var content = new Dictionary<string, object?>
        {
            ["itemName"] = "告知单测试许可", ["itemType"] = "行政许可", ["basis"] = $"《{LibraryLaw}》第五条；《未入库的测试办法》第二条", ["conditions"] = "年满18周岁，具有完全民事行为能力。",
            ["materials"] = new[] { new { name = "身份证", form = "原件", copies = 1, blankFormUrl = (string?)null, sampleUrl = (string?)null } },
            ["process"] = "申请—受理—审查—决定", ["legalDays"] = 20, ["promisedDays"] = 10, ["fees"] = "不收费", ["location"] = "市政务服务中心二楼", ["hours"] = "工作日 9:00—17:00",
            ["transport"] = "公交5路", ["consultPhone"] = "0816-0000002", ["complaintPhone"] = "12345", ["resultName"] = "许可决定书", ["resultSampleUrl"] = null,
            ["oneVisit"] = true, ["fullyOnline"] = false, ["onlineUrl"] = null,
        };
        var created = await editor.SendAsync(HttpMethod.Post, "/api/v1/guides", new { body = first.Code, content, approvedOn = "2026-09-30", effectiveOn = "2026-09-30" }, HttpStatusCode.Created);
        var id = created.GetProperty("guideId").GetInt32();

        // Not public yet: no notice to print.
        using (var unpublished = await citizen.GetAsync(new Uri($"/guides/{id}/notice.pdf", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
        }

        await editor.SendAsync(HttpMethod.Post, $"/api/v1/guides/{id}/versions/1/publish", null, HttpStatusCode.OK);

        var page = await citizen.GetStringAsync(new Uri($"/guides/{id}", UriKind.Relative));
        Assert.Contains($"href=\"/guides/{id}/notice.pdf\"", page, StringComparison.Ordinal);
        Assert.Contains($"<a class=\"law-link\" href=\"{lawUrl}\"", page, StringComparison.Ordinal);
        Assert.Contains($"《{LibraryLaw}》</a>第五条；《未入库的测试办法》第二条", page, StringComparison.Ordinal);
        Assert.DoesNotContain("《未入库的测试办法》</a>", page, StringComparison.Ordinal);
        var admin = await editor.GetStringAsync(new Uri($"/admin/guides/{id}", UriKind.Relative));
        Assert.Contains($"href=\"/guides/{id}/notice.pdf\"", admin, StringComparison.Ordinal);
        Assert.Contains($"href=\"{lawUrl}\"", admin, StringComparison.Ordinal);

        using var response = await citizen.GetAsync(new Uri($"/guides/{id}/notice.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        using (var read = PdfDocument.Open(pdf))
        {
            Assert.Equal(1, read.NumberOfPages);
        }

        var online = $"http://localhost/guides/{id}";
        var text = string.Concat(PdfText.Of(pdf).Where(c => !char.IsWhiteSpace(c)));
        Assert.StartsWith("告知单测试许可一次性告知单", text, StringComparison.Ordinal);
        Assert.Contains($"第1版本指南于2026年9月30日更新，自2026年9月30日起施行办事要素内容事项名称告知单测试许可事项类型行政许可实施机关{first.Name}"
            + $"设定依据《{LibraryLaw}》第五条；《未入库的测试办法》第二条受理条件年满18周岁，具有完全民事行为能力。申请材料1.身份证（原件，1份）", text, StringComparison.Ordinal);
        Assert.Contains("扫码查看网上办事指南" + online + "印制日期：2026年9月30日", text, StringComparison.Ordinal);
        Assert.Equal([online], PdfQr.Decode(pdf));

        // A list's 设定依据 links the same way, bare titles too.
        var list = await editor.SendAsync(HttpMethod.Post, "/api/v1/lists", new { body = first.Code, kind = "power", title = "告知单测试权责清单" }, HttpStatusCode.Created);
        var listId = list.GetProperty("id").GetInt32();
        await editor.SendAsync(HttpMethod.Post, $"/api/v1/lists/{listId}/versions", new
        {
            effectiveOn = "2026-09-01", reason = "首次公布",
            items = new[] { ServicesTestData.Power("行政许可", "告知单测试许可", $"依据{LibraryLaw}第三条"), ServicesTestData.Power("行政检查", "测试检查", "未入库的测试规定第一条") },
        }, HttpStatusCode.Created);
        var listPage = await citizen.GetStringAsync(new Uri($"/lists/{listId}", UriKind.Relative));
        Assert.Contains($"依据<a class=\"law-link\" href=\"{lawUrl}\"", listPage, StringComparison.Ordinal);
        Assert.Contains($">{LibraryLaw}</a>第三条", listPage, StringComparison.Ordinal);
        Assert.Contains("<td>未入库的测试规定第一条</td>", listPage, StringComparison.Ordinal);

        using var missing = await citizen.GetAsync(new Uri("/guides/987654/notice.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
