using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongkai.OpenData.Data;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.OpenData;

/// <summary>An integrator publishes a file dataset with staff tokens through <c>/api/v1/open-data/datasets</c>: create
/// with metadata, upload a version, another person reviews; the dataset is then in CKAN's <c>package_show</c> with its
/// file downloadable, a second version replaces it once the personal-data scan's findings are declared; bad files,
/// unknown datasets and another body's dataset are refused with Chinese problem details and store nothing.</summary>
public sealed class FileDatasetsApiTests(StaffTestHost host) : IClassFixture<StaffTestHost>
{
    private const string Root = "/api/v1/open-data/datasets";

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static object Metadata(string body, string title) => new
    {
        body,
        title,
        description = "全市公共自行车租赁点的位置和车桩数量。",
        theme = "交通运输",
        keywords = "公共自行车，租赁点",
        updateFrequency = "每季度",
        openCondition = "无条件开放",
        licenceId = "cc-by",
        contact = "市交通运输局 0816-2345678",
    };

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A token made as an integrator does; a role that must use two-factor sign-in (终审) gives its code.</summary>
    private async Task<HttpClient> BearerAsync(string userName, bool twoFactor = false)
    {
        var otp = twoFactor ? host.NextCode(await host.EnrolAsync(userName)) : null;
        using var anonymous = host.NewClient();
        using var created = await anonymous.PostAsJsonAsync(Url("/api/v1/session/tokens"), new { userName, password = host.DemoPassword, otp, name = "数据集发布工具" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        var client = host.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, string fileName, byte[] bytes, string? metadata = null)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        if (metadata is not null)
        {
            content.Add(new StringContent(metadata), "metadata");
        }

        return await client.PostAsync(Url($"{Root}/{id}/versions"), content);
    }

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{response.StatusCode}: {text}");
            return JsonSerializer.Deserialize<JsonElement>(text);
        }
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonSerializer.Deserialize<JsonElement>(text);
            Assert.Contains(problem.GetProperty("title").GetString()!, c => c is >= '\u4e00' and <= '\u9fff');
            Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            return problem;
        }
    }

    private static async Task<JsonElement> PackageAsync(HttpClient client, string name)
    {
        var answer = await client.GetFromJsonAsync<JsonElement>(Url("/api/3/action/package_show?id=" + Uri.EscapeDataString(name)));
        Assert.True(answer.GetProperty("success").GetBoolean());
        return answer.GetProperty("result");
    }

    private static async Task<string> DownloadOriginalAsync(HttpClient client, JsonElement package)
    {
        var original = package.GetProperty("resources").EnumerateArray().First(r => r.GetProperty("name").GetString()!.Contains("原始文件", StringComparison.Ordinal));
        using var response = await client.GetAsync(Url(new Uri(original.GetProperty("url").GetString()!).PathAndQuery));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
    }

    private static bool HasString(JsonElement element, string value) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() == value,
        JsonValueKind.Array => element.EnumerateArray().Any(e => HasString(e, value)),
        JsonValueKind.Object => element.EnumerateObject().Any(p => HasString(p.Value, value)),
        _ => false,
    };

    private async Task<int> VersionCountAsync(int id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<FileDatasetVersion>().CountAsync(v => v.FileDatasetId == id);
    }

    [Fact]
    public async Task Created_uploaded_and_reviewed_through_the_api_the_dataset_is_in_ckan_and_a_second_version_needs_its_personal_data_declared()
    {
        var staff = await host.DemoStaffAsync();
        var body = staff.Municipal;
        using var editor = await BearerAsync(staff.UserName(StaffRoles.Editor, body));
        using var reviewer = await BearerAsync(staff.UserName(StaffRoles.FinalReviewer, body), twoFactor: true);
        using var anonymous = host.NewClient();

        var created = await OkAsync(await editor.PostAsJsonAsync(Url(Root), Metadata(body.Code, "绵阳市公共自行车租赁点")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var name = created.GetProperty("name").GetString()!;
        Assert.Equal(body.Code, created.GetProperty("body").GetString());
        Assert.Equal(0, created.GetProperty("publishedVersion").GetInt32());
        Assert.Equal("每季度", created.GetProperty("metadata").GetProperty("updateFrequency").GetString());
        Assert.Empty(created.GetProperty("versions").EnumerateArray());

        // The first file, with the metadata given at creation.
        var first = Utf8("租赁点,车桩数\r\n东站租赁点,40\r\n人民公园租赁点,24\r\n");
        var uploaded = await OkAsync(await UploadAsync(editor, id, "bikes.csv", first), HttpStatusCode.Created);
        var version = Assert.Single(uploaded.GetProperty("versions").EnumerateArray());
        Assert.Equal("awaiting-review", version.GetProperty("status").GetString());
        Assert.Equal(2, version.GetProperty("rows").GetInt32());
        Assert.Equal("CSV", version.GetProperty("format").GetString());

        // Not public before review; the uploader may not review (no permission) — a second person does.
        using (var notYet = await anonymous.GetAsync(Url("/api/3/action/package_show?id=" + name)))
        {
            Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
        }

        using (var own = await editor.PostAsJsonAsync(Url($"{Root}/{id}/versions/1/review"), new { decision = "approve" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        }

        await ProblemAsync(await reviewer.PostAsJsonAsync(Url($"{Root}/{id}/versions/1/review"), new { decision = "ok" }), HttpStatusCode.BadRequest, "decision 应为 approve");
        await ProblemAsync(await reviewer.PostAsJsonAsync(Url($"{Root}/{id}/versions/7/review"), new { decision = "approve" }), HttpStatusCode.NotFound, "没有第 7 版");
        var published = await OkAsync(await reviewer.PostAsJsonAsync(Url($"{Root}/{id}/versions/1/review"), new { decision = "approve" }), HttpStatusCode.OK);
        Assert.Equal(1, published.GetProperty("publishedVersion").GetInt32());
        Assert.Equal("/data/" + name, published.GetProperty("publicUrl").GetString());

        var package = await PackageAsync(anonymous, name);
        Assert.Equal("绵阳市公共自行车租赁点", package.GetProperty("title").GetString());
        Assert.Equal(published.GetProperty("ckanId").GetString(), package.GetProperty("id").GetString());
        Assert.Equal(body.Code, package.GetProperty("organization").GetProperty("name").GetString());
        Assert.Contains("东站租赁点,40", await DownloadOriginalAsync(anonymous, package), StringComparison.Ordinal);

        // A second version carries an ID number: approval is refused until the column is declared, then it replaces the first.
        var first17 = "51070319900101123";
        var idNumber = first17 + Gongkai.Safeguards.Detection.Checksums.IdCheckCharacter(first17);
        var second = Utf8($"租赁点,车桩数,管理员身份证号\r\n东站租赁点,44,{idNumber}\r\n人民公园租赁点,24,\r\n科学城租赁点,18,\r\n");
        var again = await OkAsync(await UploadAsync(editor, id, "bikes-2025q2.csv", second, """{"title":"绵阳市公共自行车租赁点（二季度）","description":"全市公共自行车租赁点的位置和车桩数量。","theme":"交通运输","keywords":"公共自行车","updateFrequency":"每季度","openCondition":"无条件开放","licenceId":"cc-by","contact":"市交通运输局 0816-2345678"}"""),
            HttpStatusCode.Created);
        var finding = Assert.Single(again.GetProperty("personalData").EnumerateArray());
        Assert.Equal("管理员身份证号", finding.GetProperty("column").GetString());
        Assert.True(finding.GetProperty("blocking").GetBoolean());
        await ProblemAsync(await reviewer.PostAsJsonAsync(Url($"{Root}/{id}/versions/2/review"), new { decision = "approve" }), HttpStatusCode.UnprocessableEntity,
            "数据中发现疑似个人信息，不能通过审核");
        Assert.Contains("东站租赁点,40", await DownloadOriginalAsync(anonymous, await PackageAsync(anonymous, name)), StringComparison.Ordinal);

        await ProblemAsync(await editor.PostAsJsonAsync(Url($"{Root}/{id}/declarations"), new { columns = new Dictionary<string, string?> { ["管理员身份证号"] = "hidden" } }),
            HttpStatusCode.BadRequest, "应为 not-personal、masked 或 null");
        var declared = await OkAsync(await editor.PostAsJsonAsync(Url($"{Root}/{id}/declarations"), new { columns = new Dictionary<string, string?> { ["管理员身份证号"] = "masked" } }),
            HttpStatusCode.OK);
        Assert.Equal("masked", declared.GetProperty("declarations").GetProperty("管理员身份证号").GetString());
        Assert.False(Assert.Single(declared.GetProperty("personalData").EnumerateArray()).GetProperty("blocking").GetBoolean());
        var replaced = await OkAsync(await reviewer.PostAsJsonAsync(Url($"{Root}/{id}/versions/2/review"), new { decision = "approve" }), HttpStatusCode.OK);
        Assert.Equal(2, replaced.GetProperty("publishedVersion").GetInt32());
        Assert.Equal(["published", "superseded"], replaced.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("status").GetString()));

        var after = await PackageAsync(anonymous, name);
        Assert.Equal("绵阳市公共自行车租赁点（二季度）", after.GetProperty("title").GetString());
        Assert.Contains("科学城租赁点,18", await DownloadOriginalAsync(anonymous, after), StringComparison.Ordinal);
        var converted = after.GetProperty("resources").EnumerateArray().First(r => r.GetProperty("format").GetString() == "JSON");
        var json = JsonSerializer.Deserialize<JsonElement>(await anonymous.GetStringAsync(Url(new Uri(converted.GetProperty("url").GetString()!).PathAndQuery)));
        Assert.True(HasString(json, "科学城租赁点"), json.GetRawText());

        // Each step is in the audit log under the dataset, by the person whose token made it.
        await using var scope = host.Services.CreateAsyncScope();
        var actions = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Target == $"file-dataset:{id}").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["file-dataset.created", "file-dataset.submitted", "file-dataset.published", "file-dataset.submitted", "file-dataset.columns-declared", "file-dataset.replaced"],
            actions);
    }

    [Fact]
    public async Task Bad_files_unknown_datasets_and_another_bodys_dataset_are_refused_with_chinese_problems_and_nothing_is_stored()
    {
        var staff = await host.DemoStaffAsync();
        var body = staff.Municipal;
        var other = staff.Bodies[1];
        using var editor = await BearerAsync(staff.UserName(StaffRoles.Editor, body));
        using var outsider = await BearerAsync(staff.UserName(StaffRoles.Editor, other));

        // Metadata: an unknown body, a missing description, a frequency not on the list; another body's code.
        await ProblemAsync(await editor.PostAsJsonAsync(Url(Root), Metadata("no-such-body", "某数据集")), HttpStatusCode.BadRequest, "没有代码为“no-such-body”的机构");
        var errors = (await ProblemAsync(await editor.PostAsJsonAsync(Url(Root), new { body = body.Code, title = "某数据集" }), HttpStatusCode.BadRequest, "请填写数据集说明"))
            .GetProperty("errors");
        Assert.True(errors.TryGetProperty("Description", out _));
        await ProblemAsync(await outsider.PostAsJsonAsync(Url(Root), Metadata(body.Code, "越权数据集")), HttpStatusCode.Forbidden, "您不能为该单位发布数据集");

        var id = (await OkAsync(await editor.PostAsJsonAsync(Url(Root), Metadata(body.Code, "绵阳市公共停车泊位")), HttpStatusCode.Created)).GetProperty("id").GetInt32();

        // Files: a format not accepted, bytes that are not what the extension says, an empty file, one over the limit.
        await ProblemAsync(await UploadAsync(editor, id, "parking.txt", Utf8("a,b\r\n1,2\r\n")), HttpStatusCode.BadRequest, "只能上传 .csv（UTF-8 编码）、.xlsx 或 .json 文件");
        await ProblemAsync(await UploadAsync(editor, id, "parking.xlsx", Utf8("名称,泊位\r\n东站,10\r\n")), HttpStatusCode.BadRequest, "内容不是有效的 XLSX 工作簿");
        var zip = new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00 };
        await ProblemAsync(await UploadAsync(editor, id, "parking.csv", zip), HttpStatusCode.BadRequest, "文件扩展名是 .csv，但内容是ZIP 压缩包");
        await ProblemAsync(await UploadAsync(editor, id, "parking.json", Utf8("{\"a\": [1, 2")), HttpStatusCode.BadRequest, "不是有效的 JSON");
        await ProblemAsync(await UploadAsync(editor, id, "parking.csv", []), HttpStatusCode.BadRequest, "文件是空的");
        var maxBytes = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Gongkai.OpenData.OpenDataOptions>>().Value.MaxFileDatasetBytes;
        var large = new byte[maxBytes + 1];
        Array.Fill(large, (byte)'1');
        await ProblemAsync(await UploadAsync(editor, id, "parking.csv", large), HttpStatusCode.BadRequest, "超过上限");
        var problem = await ProblemAsync(await UploadAsync(editor, id, "rows.csv", Utf8("名称,泊位\r\n东站,10,多余\r\n")), HttpStatusCode.BadRequest, "第 2 行有 3 列");
        Assert.Single(problem.GetProperty("errors").GetProperty("file").EnumerateArray());
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent("x"), "note");
            await ProblemAsync(await editor.PostAsync(Url($"{Root}/{id}/versions"), form), HttpStatusCode.BadRequest, "字段名为 file");
        }

        Assert.Equal(0, await VersionCountAsync(id));

        // Unknown dataset: 404; another body's: 403 on every verb, nothing stored.
        await ProblemAsync(await editor.GetAsync(Url($"{Root}/999999")), HttpStatusCode.NotFound, "没有这个文件数据集");
        await ProblemAsync(await UploadAsync(editor, 999999, "parking.csv", Utf8("名称,泊位\r\n东站,10\r\n")), HttpStatusCode.NotFound, "没有这个文件数据集");
        await ProblemAsync(await outsider.GetAsync(Url($"{Root}/{id}")), HttpStatusCode.Forbidden, "您不能查看该单位的数据集");
        await ProblemAsync(await UploadAsync(outsider, id, "parking.csv", Utf8("名称,泊位\r\n东站,10\r\n")), HttpStatusCode.Forbidden, "您不能查看该单位的数据集");
        await ProblemAsync(await outsider.PostAsJsonAsync(Url($"{Root}/{id}/declarations"), new { columns = new Dictionary<string, string?> { ["泊位"] = "masked" } }),
            HttpStatusCode.Forbidden, "您不能修改该单位的数据集");
        Assert.Equal(0, await VersionCountAsync(id));

        // A good file still goes in afterwards; a second upload waits for the first's review.
        var ok = await OkAsync(await UploadAsync(editor, id, "parking.csv", Utf8("名称,泊位\r\n东站,10\r\n")), HttpStatusCode.Created);
        Assert.Equal("绵阳市公共停车泊位", ok.GetProperty("title").GetString());
        await ProblemAsync(await UploadAsync(editor, id, "parking.csv", Utf8("名称,泊位\r\n东站,12\r\n")), HttpStatusCode.Conflict, "上一个版本还在等待审核");
        Assert.Equal(1, await VersionCountAsync(id));
    }
}
