using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Gongkai.OpenData;
using Gongkai.OpenData.Data;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Time;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Gongkai.UnitTests.OpenData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.OpenData;

/// <summary>Records of 绵阳市人民政府 (myszf) through the records API and the console: entry, review by a second
/// person, masking, the dataset and its downloads, correction, withdrawal, imports and the overdue dashboard.</summary>
public sealed class RecordsWorkflowTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    private Task<HttpClient> Editor() => factory.CreateStaffClientAsync("editor.opendata", StaffRoles.Editor);

    private Task<HttpClient> Reviewer() => factory.CreateStaffClientAsync("reviewer.opendata", StaffRoles.FinalReviewer);

    private static Dictionary<string, string?> Penalty(string number, DateOnly decided, string? idNumber = null) => new()
    {
        ["decisionNo"] = $"绵府罚〔2026〕{number}号",
        ["caseName"] = $"测试公司违法建设案{number}",
        ["violation"] = "未取得建设工程规划许可证进行建设。",
        ["basis"] = "《中华人民共和国城乡规划法》第六十四条",
        ["penaltyType"] = "罚款",
        ["result"] = "罚款10000元。",
        ["fine"] = "10000",
        ["party"] = "张三丰",
        ["partyIdNumber"] = idNumber,
        ["decisionDate"] = Day(decided),
        ["authority"] = "绵阳市人民政府",
    };

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private static async Task<long> CreateAsync(HttpClient editor, Dictionary<string, string?> fields)
    {
        using var response = await editor.PostAsJsonAsync("/api/v1/records/administrative-penalty/", new CreateRecordRequest("myszf", fields));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response))["id"]!.GetValue<long>();
    }

    [Fact]
    public async Task A_penalty_is_entered_reviewed_by_someone_else_published_masked_and_becomes_a_dataset()
    {
        var editor = await Editor();
        using var created = await editor.PostAsJsonAsync("/api/v1/records/administrative-penalty/",
            new CreateRecordRequest("myszf", Penalty("1", Today.AddDays(-1), "11010519491231002X")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await Json(created);
        var id = body["id"]!.GetValue<long>();
        Assert.Equal("awaiting-review", body["status"]!.GetValue<string>());
        Assert.True(DateOnly.ParseExact(body["publishBy"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture) > Today);

        // Not public until reviewed.
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri($"/api/v1/records/administrative-penalty/{id}", UriKind.Relative))).StatusCode);

        using var approved = await (await Reviewer()).PostAsJsonAsync($"/api/v1/records/administrative-penalty/{id}/review", new RecordReviewRequest("approve"));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var shown = await Json(await anonymous.GetAsync(new Uri($"/api/v1/records/administrative-penalty/{id}", UriKind.Relative)));
        Assert.Equal("published", shown["status"]!.GetValue<string>());
        var idNumber = shown["fields"]!["partyIdNumber"]!.GetValue<string>();
        Assert.NotEqual("11010519491231002X", idNumber);
        Assert.StartsWith("1101", idNumber, StringComparison.Ordinal);
        Assert.Contains('*', idNumber);

        var list = await Json(await anonymous.GetAsync(new Uri("/api/v1/records/administrative-penalty/?body=myszf&page=1&size=5", UriKind.Relative)));
        Assert.Contains(list["items"]!.AsArray(), i => i!["id"]!.GetValue<long>() == id);

        var package = (await new CkanClient(anonymous).CallActionAsync("package_show", new { id = "administrative-penalty-myszf" }))!;
        var csvPath = new Uri(package["resources"]![0]!["url"]!.GetValue<string>()).PathAndQuery;
        var csv = await anonymous.GetStringAsync(new Uri(csvPath, UriKind.Relative));
        Assert.Contains("绵府罚〔2026〕1号", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("11010519491231002X", csv, StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var target = $"data-record:{id}";
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Target == target && a.Action == OpenDataChanges.RecordPublished.Name && a.ActorName == "reviewer.opendata"));
        Assert.True(await db.Set<ChangeLogEntry>().AnyAsync(c => c.Kind == OpenDataChanges.RecordPublished.Name && c.EntityId == id.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_person_who_submitted_may_not_review_and_an_editor_may_not_review_at_all()
    {
        var admin = await factory.CreateStaffClientAsync("bodyadmin.opendata", StaffRoles.BodyAdmin);
        var id = await CreateAsync(admin, Penalty("2", Today));

        using var own = await admin.PostAsJsonAsync($"/api/v1/records/administrative-penalty/{id}/review", new RecordReviewRequest("approve"));
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("另一人", (await own.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var editor = await (await Editor()).PostAsJsonAsync($"/api/v1/records/administrative-penalty/{id}/review", new RecordReviewRequest("approve"));
        Assert.Equal(HttpStatusCode.Forbidden, editor.StatusCode);
    }

    [Fact]
    public async Task Invalid_fields_are_refused_field_by_field_and_a_second_record_with_the_same_key_conflicts()
    {
        var editor = await Editor();
        var fields = Penalty("3", Today);
        fields["fine"] = "-5";
        fields["partyCode"] = "91110000600037341M";
        using var invalid = await editor.PostAsJsonAsync("/api/v1/records/administrative-penalty/", new CreateRecordRequest("myszf", fields));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await Json(invalid))["errors"]!;
        Assert.Contains("负数", errors["fine"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("校验位", errors["partyCode"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        await CreateAsync(editor, Penalty("4", Today));
        using var again = await editor.PostAsJsonAsync("/api/v1/records/administrative-penalty/", new CreateRecordRequest("myszf", Penalty("4", Today)));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        using var unknownType = await editor.PostAsJsonAsync("/api/v1/records/colour/", new CreateRecordRequest("myszf", Penalty("5", Today)));
        Assert.Equal(HttpStatusCode.NotFound, unknownType.StatusCode);

        using var otherBody = await editor.PostAsJsonAsync("/api/v1/records/administrative-penalty/", new CreateRecordRequest("myscjgj", Penalty("6", Today)));
        Assert.Equal(HttpStatusCode.Forbidden, otherBody.StatusCode);
    }

    [Fact]
    public async Task A_correction_is_reviewed_then_published_as_a_new_version_and_a_withdrawal_leaves_a_tombstone()
    {
        var editor = await Editor();
        var reviewer = await Reviewer();
        var id = await CreateAsync(editor, Penalty("7", Today));
        (await reviewer.PostAsJsonAsync($"/api/v1/records/administrative-penalty/{id}/review", new RecordReviewRequest("approve"))).EnsureSuccessStatusCode();

        var corrected = Penalty("7", Today);
        corrected["result"] = "罚款12000元。";
        corrected["fine"] = "12000";
        (await editor.PutAsJsonAsync($"/api/v1/records/administrative-penalty/{id}", new EditRecordRequest(corrected))).EnsureSuccessStatusCode();
        using var anonymous = factory.CreateClient();
        var beforeReview = await Json(await anonymous.GetAsync(new Uri($"/api/v1/records/administrative-penalty/{id}", UriKind.Relative)));
        Assert.Equal("10000", beforeReview["fields"]!["fine"]!.GetValue<string>());

        (await reviewer.PostAsJsonAsync($"/api/v1/records/administrative-penalty/{id}/review", new RecordReviewRequest("approve", "罚款金额更正"))).EnsureSuccessStatusCode();
        var afterReview = await Json(await anonymous.GetAsync(new Uri($"/api/v1/records/administrative-penalty/{id}", UriKind.Relative)));
        Assert.Equal("12000", afterReview["fields"]!["fine"]!.GetValue<string>());
        Assert.Equal(2, afterReview["version"]!.GetValue<int>());
        Assert.Contains("罚款金额更正", await anonymous.GetStringAsync(new Uri($"/data/records/{id}", UriKind.Relative)), StringComparison.Ordinal);

        using var noReason = await reviewer.PostAsJsonAsync($"/api/v1/records/administrative-penalty/{id}/withdraw", new RecordWithdrawalRequest(" "));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using var tooLong = await reviewer.PostAsJsonAsync($"/api/v1/records/administrative-penalty/{id}/withdraw", new RecordWithdrawalRequest(new string('撤', 501)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("最多 500 字", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        (await reviewer.PostAsJsonAsync($"/api/v1/records/administrative-penalty/{id}/withdraw", new RecordWithdrawalRequest("处罚决定已被依法撤销"))).EnsureSuccessStatusCode();

        var tombstone = await Json(await anonymous.GetAsync(new Uri($"/api/v1/records/administrative-penalty/{id}", UriKind.Relative)));
        Assert.True(tombstone["withdrawn"]!.GetValue<bool>());
        Assert.Empty(tombstone["fields"]!.AsObject());
        Assert.Contains("处罚决定已被依法撤销", await anonymous.GetStringAsync(new Uri($"/data/records/{id}", UriKind.Relative)), StringComparison.Ordinal);
        var list = await Json(await anonymous.GetAsync(new Uri("/api/v1/records/administrative-penalty/?body=myszf&size=100", UriKind.Relative)));
        Assert.DoesNotContain(list["items"]!.AsArray(), i => i!["id"]!.GetValue<long>() == id);
    }

    [Fact]
    public async Task A_csv_with_bad_rows_imports_nothing_and_reports_each_row_in_Chinese()
    {
        var editor = await Editor();
        var csv = new StringBuilder("处罚决定书文号,案件名称,违法事实,处罚依据,处罚类别,处罚结果,罚款金额,行政相对人名称,统一社会信用代码,处罚决定日期,处罚机关\n");
        csv.Append(CultureInfo.InvariantCulture, $"绵府罚〔2026〕20号,案一,事实,依据,罚款,罚款,100,甲公司,91110000600037341L,{Day(Today)},绵阳市人民政府\n");
        csv.Append(CultureInfo.InvariantCulture, $"绵府罚〔2026〕21号,案二,事实,依据,罚款,罚款,一百,乙公司,91110000600037341M,{Day(Today)},绵阳市人民政府\n");
        csv.Append(CultureInfo.InvariantCulture, $"绵府罚〔2026〕20号,案三,事实,依据,罚款,罚款,300,丙公司,,{Day(Today)},绵阳市人民政府\n");
        csv.Append(CultureInfo.InvariantCulture, $"绵府罚〔2026〕22号,案四,事实,依据,罚款,罚款,400,\"=HYPERLINK(\"\"http://x.example\"\")\",,{Day(Today)},绵阳市人民政府\n");

        var page = await UploadAsync(editor, "penalties.csv", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray());

        Assert.Contains("本次未导入任何记录", page, StringComparison.Ordinal);
        Assert.Contains("第 3 行", page, StringComparison.Ordinal);
        Assert.Contains("“罚款金额”应为金额数字", page, StringComparison.Ordinal);
        Assert.Contains("校验位", page, StringComparison.Ordinal);
        Assert.Contains("与第 2 行重复", page, StringComparison.Ordinal);
        Assert.Contains("第 5 行", page, StringComparison.Ordinal);
        Assert.Contains("公式", page, StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        Assert.False(await db.Set<DataRecord>().AnyAsync(r => r.NaturalKey == "绵府罚〔2026〕20号"));
    }

    [Fact]
    public async Task An_xlsx_import_is_idempotent_and_a_late_decision_shows_on_the_overdue_dashboard()
    {
        var editor = await Editor();
        string[] header = ["处罚决定书文号", "案件名称", "违法事实", "处罚依据", "处罚类别", "处罚结果", "行政相对人名称", "处罚决定日期", "处罚机关"];
        string[] Row(int n, DateOnly decided) => [$"绵府罚〔2026〕{n}号", $"导入案件{n}", "事实", "依据", "警告", "警告", "某公司", Day(decided), "绵阳市人民政府"];
        var rows = new List<IReadOnlyList<string>> { header, Row(30, Today.AddDays(-60)), Row(31, Today) };
        byte[] file;
        using (var stream = XlsxFixtures.Table(rows))
        {
            file = stream.ToArray();
        }

        var first = await UploadAsync(editor, "penalties.xlsx", file);
        Assert.Contains("导入成功：新增 2 条", first, StringComparison.Ordinal);
        var second = await UploadAsync(editor, "penalties.xlsx", file);
        Assert.Contains("新增 0 条，更新 0 条，与已有记录相同 2 条", second, StringComparison.Ordinal);

        var overdue = await (await Reviewer()).GetStringAsync(new Uri("/admin/open-data/overdue", UriKind.Relative));
        Assert.Contains("导入案件30", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("导入案件31", overdue, StringComparison.Ordinal);

        // Approving the batch (with whatever else waits for this body) publishes both; the late one then moves to "published late".
        var reviewer = await Reviewer();
        using var approve = await reviewer.SubmitAsync("/admin/open-data/administrative-penalty?body=myszf", [], handler: "ApproveAll");
        Assert.Contains("条记录。", await approve.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await reviewer.GetStringAsync(new Uri("/admin/open-data/overdue", UriKind.Relative));
        Assert.Contains("超过公示时限才公开", after, StringComparison.Ordinal);
        Assert.Contains("导入案件30", after, StringComparison.Ordinal);
        var data = await factory.CreateClient().GetStringAsync(new Uri("/data/administrative-penalty-myszf", UriKind.Relative));
        Assert.Contains("绵府罚〔2026〕31号", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_entry_form_is_generated_from_the_schema_and_shows_errors_beside_fields()
    {
        var editor = await Editor();
        var form = await editor.GetStringAsync(new Uri("/admin/open-data/administrative-penalty/new?body=myszf", UriKind.Relative));
        Assert.Contains("name=\"Values[decisionNo]\"", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"罚款\">罚款</option>", form, StringComparison.Ordinal);
        Assert.Contains("type=\"date\"", form, StringComparison.Ordinal);

        using var response = await editor.SubmitAsync("/admin/open-data/administrative-penalty/new?body=myszf",
            [new("Values[decisionNo]", "绵府罚〔2026〕40号"), new("Values[fine]", "abc"), new("Submit", "true")]);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"fine-error\"", page, StringComparison.Ordinal);
        Assert.Contains("请填写“案件名称”", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_system_admin_edits_a_type_and_the_schema_gets_a_new_version()
    {
        var admin = await factory.CreateStaffClientAsync("sysadmin.opendata", StaffRoles.SystemAdmin);
        var page = await admin.GetStringAsync(new Uri("/admin/open-data/types/random-inspection", UriKind.Relative));
        Assert.Contains("planName|抽查计划|text|必填", page, StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<RecordTypeStore>();
        var before = (await store.FindAsync("random-inspection"))!;
        var fields = Gongkai.OpenData.Rules.SchemaText.Format(before.Schema.Fields) + "inspector|检查人员|text||||\n";
        using var saved = await admin.SubmitAsync("/admin/open-data/types/random-inspection",
        [
            new("Draft.Name", before.Name), new("Draft.Description", before.Schema.Description), new("Draft.Fields", fields),
            new("Draft.NaturalKey", "planName,target"), new("Draft.TitleField", "target"), new("Draft.Theme", "市场监管"), new("Draft.UpdateFrequency", "每季度"),
        ]);
        Assert.Contains("已保存为新版本", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = (await scope.ServiceProvider.GetRequiredService<RecordTypeStore>().FindAsync("random-inspection"))!;
        Assert.Equal(before.Version + 1, after.Version);
        Assert.NotNull(after.Schema.Field("inspector"));

        using var changedKey = await admin.SubmitAsync("/admin/open-data/types/random-inspection",
        [
            new("Draft.Name", before.Name), new("Draft.Fields", fields), new("Draft.NaturalKey", "target"), new("Draft.TitleField", "target"),
        ]);
        Assert.Contains("不能更改唯一标识字段", await changedKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var editorPage = await (await Editor()).GetAsync(new Uri("/admin/open-data/types/random-inspection", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, editorPage.StatusCode);
    }

    private static async Task<string> UploadAsync(HttpClient client, string fileName, byte[] bytes)
    {
        const string Url = "/admin/open-data/administrative-penalty?body=myszf";
        var html = await client.GetStringAsync(new Uri(Url, UriKind.Relative));
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(PageForms.AntiforgeryToken(html)), PageForms.TokenField);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "Upload", fileName);
        using var response = await client.PostAsync(new Uri(Url + "&handler=Import", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
