using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.OpenData;
using Gongkai.OpenData.Data;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Gongkai.UnitTests.OpenData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.OpenData;

/// <summary>Staff-published file datasets of 绵阳市人民政府 (myszf): upload with metadata, review by a second person,
/// the dataset on the portal, in CKAN (package_list/show/search, resources converted from the file) and DCAT, a new
/// version replacing the resources with the history kept, and bad files refused with a report and nothing stored.</summary>
public sealed partial class FileDatasetTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private const string ListUrl = "/admin/open-data/files";

    private Task<HttpClient> Editor() => factory.CreateStaffClientAsync("editor.filedata", StaffRoles.Editor);

    private Task<HttpClient> Reviewer() => factory.CreateStaffClientAsync("reviewer.filedata", StaffRoles.FinalReviewer);

    private CkanClient Ckan() => new(factory.CreateClient());

    private static Dictionary<string, string> Metadata(string title, string frequency = "每月") => new()
    {
        ["BodyCode"] = "myszf",
        ["Form.Title"] = title,
        ["Form.Description"] = "全市公共停车场的位置、泊位数和收费标准。",
        ["Form.Theme"] = "城乡建设",
        ["Form.Keywords"] = "停车场，泊位",
        ["Form.UpdateFrequency"] = frequency,
        ["Form.OpenCondition"] = "有条件开放",
        ["Form.LicenceId"] = "cc-by-sa",
        ["Form.Contact"] = "市住建局 0816-1234567",
    };

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string pageUrl, Dictionary<string, string> fields, string fileName, byte[] bytes,
        string? handler = null)
    {
        var html = await client.GetStringAsync(new Uri(pageUrl, UriKind.Relative));
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(PageForms.AntiforgeryToken(html)), PageForms.TokenField);
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "Upload", fileName);
        var target = handler is null ? pageUrl : $"{pageUrl}?handler={handler}";
        return await client.PostAsync(new Uri(target, UriKind.Relative), content);
    }

    /// <summary>Uploads a new dataset and returns its console id (from the redirect).</summary>
    private static async Task<int> CreateAsync(HttpClient editor, string title, string fileName, byte[] bytes)
    {
        // The test client follows the redirect to the dataset's console page.
        using var response = await UploadAsync(editor, ListUrl, Metadata(title), fileName, bytes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已上传并提交审核", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return int.Parse(ConsoleId().Match(response.RequestMessage!.RequestUri!.AbsolutePath).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private async Task<int> WaitingVersionAsync(int id)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        return await db.Set<FileDatasetVersion>().Where(v => v.FileDatasetId == id && v.Status == FileVersionStatus.AwaitingReview).Select(v => v.Id).SingleAsync();
    }

    private async Task<HttpResponseMessage> ReviewAsync(HttpClient client, int id, string decision = "approve") =>
        await client.SubmitAsync($"{ListUrl}/{id}", [new("version", (await WaitingVersionAsync(id)).ToString(CultureInfo.InvariantCulture)), new("decision", decision)], "Review");

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task A_CSV_file_is_reviewed_by_someone_else_then_published_with_converted_resources_in_CKAN_DCAT_and_the_portal()
    {
        // A body admin may upload and review, but not review what they uploaded.
        var editor = await factory.CreateStaffClientAsync("admin.filedata", StaffRoles.BodyAdmin);
        var id = await CreateAsync(editor, "绵阳市公共停车场名录", "parking.csv", Utf8("名称,泊位数,收费（元/小时）,开放日期\r\n人民公园停车场,120,2.5,2024-03-01\r\n\"火车站停车场,北广场\",300,5,2023-10-01\r\n"));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var owner = await db.Set<FileDataset>().SingleAsync(f => f.Id == id);
            Assert.Equal(0, owner.PublishedVersion);
            Assert.False(await db.Set<OpenDataset>().AnyAsync(d => d.FileDatasetId == id));
        }

        // The uploader cannot approve it: a second person must.
        Assert.Contains("须由另一人审核", await (await editor.GetAsync(new Uri($"{ListUrl}/{id}", UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var ownReview = await ReviewAsync(editor, id))
        {
            Assert.Equal(HttpStatusCode.OK, ownReview.StatusCode);
            Assert.Contains("须由另一人审核", await ownReview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await ReviewAsync(await Editor(), id)).StatusCode); // an editor does not review

        using var approved = await ReviewAsync(await Reviewer(), id);
        Assert.Contains("已审核并公开", await approved.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        string name;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            name = (await db.Set<FileDataset>().SingleAsync(f => f.Id == id)).Name;
            Assert.Contains(await db.Set<AuditEntry>().Where(a => a.Target == $"file-dataset:{id}").Select(a => a.Action).ToListAsync(), a => a == "file-dataset.published");
            Assert.True(await db.Set<ChangeLogEntry>().AnyAsync(e => e.Kind == "file-dataset.published" && e.EntityId == id.ToString(CultureInfo.InvariantCulture)));
        }

        // CKAN: listed, shown with CKAN's keys, the original and the conversions, and found by search.
        Assert.Contains(name, (await Ckan().CallActionAsync("package_list"))!.AsArray().Select(n => n!.GetValue<string>()));
        var package = (await Ckan().CallActionAsync("package_show", new { id = name }))!;
        Assert.Equal("绵阳市公共停车场名录", package["title"]!.GetValue<string>());
        Assert.Equal("cc-by-sa", package["license_id"]!.GetValue<string>());
        Assert.Equal("myszf", package["organization"]!["name"]!.GetValue<string>());
        Assert.Equal(["停车场", "泊位"], package["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        var extras = package["extras"]!.AsArray().ToDictionary(e => e!["key"]!.GetValue<string>(), e => e!["value"]!.GetValue<string>());
        Assert.Equal("有条件开放", extras["open_condition"]);
        Assert.Equal("每月", extras["update_frequency"]);
        Assert.Equal("false", extras["update_lapsed"]);
        Assert.Equal("市住建局 0816-1234567", extras["contact"]);
        var resources = package["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(["CSV", "JSON", "XLSX", "CSV"], resources.Select(r => r["format"]!.GetValue<string>()));
        Assert.Contains("原始文件", resources[0]["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("documentation", resources[3]["resource_type"]!.GetValue<string>());
        foreach (var resource in resources)
        {
            foreach (var key in new[] { "id", "name", "format", "url", "last_modified" })
            {
                Assert.True(resource.ContainsKey(key), key);
            }
        }

        using var client = factory.CreateClient();
        async Task<byte[]> Download(JsonObject resource) =>
            await client.GetByteArrayAsync(new Uri(new Uri(resource["url"]!.GetValue<string>()).PathAndQuery, UriKind.Relative));
        Assert.StartsWith("名称,泊位数", Encoding.UTF8.GetString(await Download(resources[0])), StringComparison.Ordinal);
        var json = JsonNode.Parse(await Download(resources[1]))!.AsArray();
        Assert.Equal(2, json.Count);
        Assert.Equal("火车站停车场,北广场", json[1]!["名称"]!.GetValue<string>());
        Assert.Equal("300", json[1]!["泊位数"]!.GetValue<string>());
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await Download(resources[2])), false))
        {
            var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            Assert.Equal(3, rows.Count);
            Assert.Equal("人民公园停车场", rows[1].Descendants<Cell>().First().InnerText);
        }

        var dictionary = Encoding.UTF8.GetString(await Download(resources[3]));
        Assert.Contains("泊位数,泊位数,整数", dictionary, StringComparison.Ordinal);
        Assert.Contains("开放日期,开放日期,日期", dictionary, StringComparison.Ordinal);
        Assert.Equal(resources[1]["id"]!.GetValue<string>(), (await Ckan().CallActionAsync("resource_show", new { id = resources[1]["id"]!.GetValue<string>() }))!["id"]!.GetValue<string>());

        var found = (await Ckan().CallActionAsync("package_search", new { q = "停车场", fq = "res_format:XLSX organization:myszf" }))!;
        Assert.Contains(found["results"]!.AsArray(), r => r!["name"]!.GetValue<string>() == name);

        // DCAT: one dcat:Dataset with a distribution per resource, parsed as Turtle and JSON-LD.
        var turtle = TurtleReader.Parse(await client.GetStringAsync(new Uri("/catalog.ttl", UriKind.Relative)));
        var uri = turtle.Single(t => t.Predicate == "http://purl.org/dc/terms/identifier" && t.Value.Value == package["id"]!.GetValue<string>()).Subject;
        Assert.Contains(turtle, t => t.Subject == uri && t.Predicate == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" && t.Value.Value == "http://www.w3.org/ns/dcat#Dataset");
        var distributions = turtle.Where(t => t.Subject == uri && t.Predicate == "http://www.w3.org/ns/dcat#distribution").Select(t => t.Value.Value).ToList();
        Assert.Equal(4, distributions.Count);
        Assert.Contains(turtle, t => distributions.Contains(t.Subject) && t.Predicate == "http://www.w3.org/ns/dcat#downloadURL");
        Assert.Contains(turtle, t => t.Subject == uri && t.Predicate == "http://purl.org/dc/terms/accrualPeriodicity" && t.Value.Value.EndsWith("/MONTHLY", StringComparison.Ordinal));
        Assert.Contains(turtle, t => t.Subject == uri && t.Predicate == "http://purl.org/dc/terms/license" && t.Value.Value.EndsWith("/cc-by-sa", StringComparison.Ordinal));
        Assert.Equal(turtle.Select(TurtleReader.Key).ToHashSet(), TurtleReader.JsonLdTriples(await client.GetStringAsync(new Uri("/catalog.jsonld", UriKind.Relative))));

        // The portal: listed in 数据开放 and shown with the dictionary and a preview.
        Assert.Contains("绵阳市公共停车场名录", await client.GetStringAsync(new Uri("/data", UriKind.Relative)), StringComparison.Ordinal);
        var page = await client.GetStringAsync(new Uri($"/data/{name}", UriKind.Relative));
        Assert.Contains("人民公园停车场", page, StringComparison.Ordinal);
        Assert.Contains("数据字典", page, StringComparison.Ordinal);
        Assert.Contains("有条件开放", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_version_replaces_the_resources_keeps_the_history_and_descriptions_reach_the_dictionary()
    {
        var editor = await Editor();
        var reviewer = await Reviewer();
        var id = await CreateAsync(editor, "绵阳市充电桩分布", "chargers.json", Utf8("""[{"站点":"科创园","桩数":12},{"站点":"高新区","桩数":8}]"""));
        (await ReviewAsync(reviewer, id)).Dispose();
        using (var saved = await editor.SubmitAsync($"{ListUrl}/{id}", [new("descriptions[桩数]", "直流快充和交流慢充桩合计")], "Descriptions"))
        {
            Assert.Contains("数据字典的说明已保存", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var fields = Metadata("绵阳市充电桩分布");
        fields.Remove("BodyCode");
        using (var second = await UploadAsync(editor, $"{ListUrl}/{id}", fields, "chargers.csv", Utf8("站点,桩数\n科创园,14\n高新区,8\n游仙区,6\n"), "Upload"))
        {
            Assert.Contains("新版本已上传并提交审核", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Until the new version is approved the public sees the first one.
        string name;
        using (var scope = factory.Services.CreateScope())
        {
            name = (await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<FileDataset>().SingleAsync(f => f.Id == id)).Name;
        }

        var before = (await Ckan().CallActionAsync("package_show", new { id = name }))!;
        Assert.Equal("2", before["extras"]!.AsArray().Single(e => e!["key"]!.GetValue<string>() == "record_count")!["value"]!.GetValue<string>());
        Assert.Equal("JSON", before["resources"]![0]!["format"]!.GetValue<string>());

        (await ReviewAsync(reviewer, id)).Dispose();
        var after = (await Ckan().CallActionAsync("package_show", new { id = name }))!;
        Assert.Equal(["CSV", "JSON", "XLSX", "CSV"], after["resources"]!.AsArray().Select(r => r!["format"]!.GetValue<string>()));
        Assert.Equal("3", after["extras"]!.AsArray().Single(e => e!["key"]!.GetValue<string>() == "record_count")!["value"]!.GetValue<string>());
        Assert.Equal(before["id"]!.GetValue<string>(), after["id"]!.GetValue<string>());

        using var client = factory.CreateClient();
        var page = await client.GetStringAsync(new Uri($"/data/{name}", UriKind.Relative));
        Assert.Contains("版本历史", page, StringComparison.Ordinal);
        Assert.Contains("已被新版本替换", page, StringComparison.Ordinal);
        Assert.Contains("直流快充和交流慢充桩合计", page, StringComparison.Ordinal);
        Assert.Contains("游仙区", page, StringComparison.Ordinal);
        var dictionary = await client.GetStringAsync(new Uri(new Uri(after["resources"]![3]!["url"]!.GetValue<string>()).PathAndQuery, UriKind.Relative));
        Assert.Contains("直流快充和交流慢充桩合计", dictionary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_files_get_a_Chinese_report_per_row_and_nothing_is_stored()
    {
        var editor = await Editor();
        int Count()
        {
            using var scope = factory.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<FileDatasetVersion>().Count();
        }

        var before = Count();
        async Task<string> Refused(string fileName, byte[] bytes)
        {
            using var response = await UploadAsync(editor, ListUrl, Metadata("坏文件"), fileName, bytes);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("本次没有保存也没有发布任何内容", html, StringComparison.Ordinal);
            Assert.Contains("value=\"坏文件\"", html, StringComparison.Ordinal); // what was typed is kept
            return html;
        }

        Assert.Contains("第 3 行有 3 列，表头只有 2 列", await Refused("a.csv", Utf8("名称,数量\n甲,1\n乙,2,3\n丙\n")), StringComparison.Ordinal);
        Assert.Contains("第 4 行只有 1 列", await Refused("a.csv", Utf8("名称,数量\n甲,1\n乙,2,3\n丙\n")), StringComparison.Ordinal);
        Assert.Contains("第 2 项的字段与第 1 项不一致", await Refused("a.json", Utf8("""[{"a":1,"b":2},{"a":1,"c":3}]""")), StringComparison.Ordinal);
        Assert.Contains("不是有效的 JSON", await Refused("a.json", Utf8("""[{"a":1,}""")), StringComparison.Ordinal);
        Assert.Contains("不是有效的 XLSX", await Refused("a.xlsx", Utf8("not a workbook")), StringComparison.Ordinal);
        Assert.Contains("不是 UTF-8 编码", await Refused("a.csv", [0xC3, 0x28, 0x2C, 0x0A]), StringComparison.Ordinal);
        Assert.Contains("超过上限", await Refused("big.csv", new byte[(int)new OpenDataOptions().MaxFileDatasetBytes + 10]), StringComparison.Ordinal);
        Assert.Contains("列名不能重复", await Refused("a.csv", Utf8("名称,名称\n甲,乙\n")), StringComparison.Ordinal);
        Assert.Contains("只能上传", await Refused("a.txt", Utf8("x")), StringComparison.Ordinal);
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task A_monthly_file_dataset_not_updated_for_two_months_is_flagged_as_lapsed()
    {
        var editor = await Editor();
        var id = await CreateAsync(editor, "绵阳市月度用水量", "water.csv", Utf8("月份,用水量\n2026-01,100\n"));
        (await ReviewAsync(await Reviewer(), id)).Dispose();
        string name;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var dataset = await db.Set<OpenDataset>().SingleAsync(d => d.FileDatasetId == id);
            dataset.ModifiedAt = dataset.ModifiedAt.AddMonths(-2);
            name = dataset.Name;
            await db.SaveChangesAsync();
        }

        var package = (await Ckan().CallActionAsync("package_show", new { id = name }))!;
        Assert.Equal("true", package["extras"]!.AsArray().Single(e => e!["key"]!.GetValue<string>() == "update_lapsed")!["value"]!.GetValue<string>());
        using var client = factory.CreateClient();
        Assert.Contains("更新已逾期", await client.GetStringAsync(new Uri($"/data/{name}", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nested_JSON_document_is_published_as_its_original_file_only()
    {
        var editor = await Editor();
        var original = Utf8("""{"城市":"绵阳","区县":[{"名称":"涪城区"},{"名称":"游仙区"}]}""");
        var id = await CreateAsync(editor, "绵阳市行政区划", "areas.json", original);
        (await ReviewAsync(await Reviewer(), id)).Dispose();
        string name;
        using (var scope = factory.Services.CreateScope())
        {
            name = (await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<FileDataset>().SingleAsync(f => f.Id == id)).Name;
        }

        var resources = (await Ckan().CallActionAsync("package_show", new { id = name }))!["resources"]!.AsArray();
        var only = Assert.Single(resources)!;
        Assert.Equal("JSON", only["format"]!.GetValue<string>());
        using var client = factory.CreateClient();
        Assert.Equal(original, await client.GetByteArrayAsync(new Uri(new Uri(only["url"]!.GetValue<string>()).PathAndQuery, UriKind.Relative)));
    }

    [Fact]
    public async Task Staff_of_another_body_cannot_open_or_review_the_dataset()
    {
        var id = await CreateAsync(await Editor(), "绵阳市公厕名录", "toilets.csv", Utf8("名称\n人民公园公厕\n"));
        int otherBody;
        using (var scope = factory.Services.CreateScope())
        {
            // A reviewer acts for their own body only.
            otherBody = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Gongkai.Organizations.Body>()
                .Where(b => b.Code != "myszf").Select(b => b.Id).FirstAsync();
        }

        using var outsider = factory.CreateClient().SignedInAs("reviewer.other.filedata", otherBody, StaffRoles.FinalReviewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync(new Uri($"{ListUrl}/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Personal_data_in_the_cells_blocks_approval_until_the_column_is_declared()
    {
        var first17 = "51070319850612011";
        var idNumber = first17 + Gongkai.Safeguards.Detection.Checksums.IdCheckCharacter(first17);
        var id = await CreateAsync(await Editor(), "绵阳市公益性岗位人员名单", "posts.csv", Utf8($"岗位,身份证号\r\n保洁,{idNumber}\r\n绿化,\r\n"));
        var reviewer = await Reviewer();
        var page = await (await reviewer.GetAsync(new Uri($"{ListUrl}/{id}", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("个人信息检查", page, StringComparison.Ordinal);
        Assert.Contains("列“身份证号”：身份证号码 1 处（数据第 1 行）", page, StringComparison.Ordinal);

        using (var refused = await ReviewAsync(reviewer, id))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("数据中发现疑似个人信息，不能通过审核", html, StringComparison.Ordinal);
            Assert.Contains("列“身份证号”", html, StringComparison.Ordinal);
        }

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            Assert.Equal(0, (await db.Set<FileDataset>().SingleAsync(f => f.Id == id)).PublishedVersion);
        }

        // Declared masked (staff's answer, audited), the version passes.
        (await reviewer.SubmitAsync($"{ListUrl}/{id}", [new("declarations[身份证号]", "Masked")], "Declarations")).Dispose();
        using var approved = await ReviewAsync(reviewer, id);
        Assert.Contains("已审核并公开", await approved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Target == $"file-dataset:{id}" && a.Action == "file-dataset.columns-declared"));
        }
    }

    [GeneratedRegex(@"/admin/open-data/files/(\d+)")]
    private static partial Regex ConsoleId();
}
