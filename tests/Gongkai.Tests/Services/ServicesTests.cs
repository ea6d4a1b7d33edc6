using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gongkai.OpenData.Import;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Hotline;
using Gongkai.Tests.Infrastructure;
using Gongkai.Tests.Participation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Tests.Services;

/// <summary>A host whose clock starts on Wednesday 30 September 2026, the working day before 国庆节 (1–7 October off).</summary>
public class ServicesClockFactory : TestAuthFactory
{
    public static readonly DateTimeOffset Start = new(2026, 9, 30, 10, 0, 0, TimeSpan.FromHours(8));

    public FakeTimeProvider Clock { get; } = new UtcFakeTimeProvider(Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

internal static class ServicesTestData
{
    public static object Power(string type, string name, string basis, string agency = "市某局", string duties = "受理、审查、决定") =>
        new Dictionary<string, string> { ["type"] = type, ["name"] = name, ["basis"] = basis, ["agency"] = agency, ["duties"] = duties };

    public static object Content(string itemName, params object[] materials) => new
    {
        itemName, itemType = "行政确认", basis = "《社会救助暂行办法》第十四条", conditions = "无劳动能力、无生活来源", materials, process = "申请—审核—确认",
        legalDays = 30, promisedDays = 15, fees = "不收费", location = "市政务服务中心", hours = "工作日", transport = "公交1路", consultPhone = "0816-0000001",
        complaintPhone = "12345", resultName = "特困人员救助供养证", resultSampleUrl = (string?)null, oneVisit = true, fullyOnline = false, onlineUrl = (string?)null,
    };

    public static object Material(string name) => new { name, form = "原件", copies = 1, blankFormUrl = (string?)null, sampleUrl = (string?)null };
}

public sealed class ListsTests(ServicesClockFactory factory) : IClassFixture<ServicesClockFactory>
{
    /// <summary>Issue 17's list journey through the API: a 权责清单 created, a first version, a bad adjustment refused
    /// row by row with nothing saved, a second version after 机构改革 (add, remove, change), the list on a past date, the
    /// field-by-field difference, and the refusals for other bodies and anonymous writers.</summary>
    [Fact]
    public async Task A_power_list_is_adjusted_with_history_the_past_stays_readable_and_the_diff_names_every_field()
    {
        var (first, second) = await ParticipationTestData.BodiesAsync(factory.Services);
        using var editor = await factory.CreateStaffClientAsync("lists.editor", StaffRoles.Editor);
        using var otherEditor = factory.CreateClient().SignedInAs("lists.other", second.Id, StaffRoles.Editor);
        using var citizen = factory.CreateClient();

        var created = await editor.SendAsync(HttpMethod.Post, "/api/v1/lists", new { body = first.Code, kind = "power", title = "测试权责清单" }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var url = $"/api/v1/lists/{id}";
        await citizen.SendAsync(HttpMethod.Post, url + "/versions", new { effectiveOn = "2026-01-01", reason = "首次公布", items = Array.Empty<object>() }, HttpStatusCode.Unauthorized);

        await editor.SendAsync(HttpMethod.Post, url + "/versions", new
        {
            effectiveOn = "2026-01-01", reason = "首次公布",
            items = new[]
            {
                ServicesTestData.Power("行政许可", "食品经营许可", "食品安全法第三十五条"),
                ServicesTestData.Power("行政许可", "建设工程规划许可", "城乡规划法第四十条", agency: "市规划局"),
                ServicesTestData.Power("行政检查", "对农药经营的监督检查", "农药管理条例第四十一条"),
            },
        }, HttpStatusCode.Created);

        // Unknown 职权类型, a duplicate item and a missing 设定依据: every row reported, nothing saved.
        var refused = await editor.SendAsync(HttpMethod.Post, url + "/versions", new
        {
            effectiveOn = "2026-09-30", reason = "机构改革",
            items = new[]
            {
                ServicesTestData.Power("行政许口", "食品经营许可", "食品安全法第三十五条"),
                ServicesTestData.Power("行政许可", "建设工程规划许可", "城乡规划法第四十条"),
                ServicesTestData.Power("行政许可", "建设工程规划许可", "城乡规划法第四十条"),
                ServicesTestData.Power("行政确认", "特困人员认定", ""),
            },
        }, HttpStatusCode.BadRequest);
        var rows = refused.GetProperty("errors").GetProperty("items").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(3, rows.Count);
        Assert.StartsWith("第 1 行（职权类型）：未知的职权类型“行政许口”", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("第 3 行（事项名称）：与第 2 行重复", rows[1], StringComparison.Ordinal);
        Assert.Equal("第 4 行（设定依据）：缺少设定依据。", rows[2]);
        Assert.Single((await citizen.SendAsync(HttpMethod.Get, url + "/versions", null, HttpStatusCode.OK)).GetProperty("items").EnumerateArray());

        await otherEditor.SendAsync(HttpMethod.Post, url + "/versions", new { effectiveOn = "2026-09-30", reason = "越权", items = Array.Empty<object>() }, HttpStatusCode.Forbidden);

        var adopted = await editor.SendAsync(HttpMethod.Post, url + "/versions", new
        {
            effectiveOn = "2026-09-30", reason = "机构改革",
            items = new[]
            {
                ServicesTestData.Power("行政许可", "食品经营许可", "食品安全法第三十五条"),
                ServicesTestData.Power("行政许可", "建设工程规划许可", "城乡规划法第四十条", agency: "市自然资源和规划局"),
                ServicesTestData.Power("行政确认", "特困人员认定", "社会救助暂行办法第十四条"),
            },
        }, HttpStatusCode.Created);
        Assert.Equal(2, adopted.GetProperty("number").GetInt32());

        var past = await citizen.SendAsync(HttpMethod.Get, url + "?on=2026-06-01", null, HttpStatusCode.OK);
        Assert.Equal(1, past.GetProperty("version").GetProperty("number").GetInt32());
        Assert.Contains(past.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "对农药经营的监督检查");
        var current = await citizen.SendAsync(HttpMethod.Get, url, null, HttpStatusCode.OK);
        Assert.Equal(2, current.GetProperty("version").GetProperty("number").GetInt32());
        var before = await citizen.SendAsync(HttpMethod.Get, url + "?on=2025-12-31", null, HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("version").ValueKind);

        var diff = await citizen.SendAsync(HttpMethod.Get, url + "/diff?from=1&to=2", null, HttpStatusCode.OK);
        Assert.Equal("特困人员认定", diff.GetProperty("added").EnumerateArray().Single().GetProperty("name").GetString());
        Assert.Equal("对农药经营的监督检查", diff.GetProperty("removed").EnumerateArray().Single().GetProperty("name").GetString());
        var changed = diff.GetProperty("changed").EnumerateArray().Single();
        Assert.Equal("建设工程规划许可", changed.GetProperty("key").GetString());
        var field = changed.GetProperty("changes").EnumerateArray().Single();
        Assert.Equal(("实施主体", "市规划局", "市自然资源和规划局"), (field.GetProperty("name").GetString(), field.GetProperty("before").GetString(), field.GetProperty("after").GetString()));

        // The public pages say the same.
        var diffPage = await citizen.GetStringAsync(new Uri($"/lists/{id}/diff?from=1&to=2", UriKind.Relative));
        Assert.Contains("新增 1 项，取消 1 项，调整 1 项，未变 1 项。", diffPage, StringComparison.Ordinal);
        Assert.Contains("<del>市规划局</del>", diffPage, StringComparison.Ordinal);
        Assert.Contains("<ins>市自然资源和规划局</ins>", diffPage, StringComparison.Ordinal);
        var pastPage = await citizen.GetStringAsync(new Uri($"/lists/{id}?on=2026-06-01", UriKind.Relative));
        Assert.Contains("2026年6月1日施行的清单：第 1 版", pastPage, StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Target == $"service-list:{id}").Select(a => a.Action).ToListAsync();
        Assert.Equal(["service-list.adjust", "service-list.adjust", "service-list.create"], audit.Order(StringComparer.Ordinal));
    }

    /// <summary>The console's import: a CSV with row problems changes nothing and lists every row; the exported XLSX
    /// of the list, edited, imports as the next version.</summary>
    [Fact]
    public async Task A_bad_csv_is_reported_row_by_row_and_an_exported_xlsx_imports_back_as_a_new_version()
    {
        var (first, _) = await ParticipationTestData.BodiesAsync(factory.Services);
        using var editor = await factory.CreateStaffClientAsync("lists.importer", StaffRoles.Editor);
        var created = await editor.SendAsync(HttpMethod.Post, "/api/v1/lists", new { body = first.Code, kind = "fee" }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.EndsWith("收费目录清单", created.GetProperty("title").GetString(), StringComparison.Ordinal);

        const string bad = "项目,依据,标准,执收单位\r\n不动产登记费,某通知,每件80元,登记中心\r\n不动产登记费,某通知,每件80元,登记中心\r\n污水处理费,,每吨0.95元,供排水公司\r\n";
        using var refused = await UploadAsync(editor, id, "bad.csv", Encoding.UTF8.GetBytes(bad), "2026-09-30", "首次公布");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("第 2 行（项目）：与第 1 行重复", html, StringComparison.Ordinal);
        Assert.Contains("第 3 行（依据）：缺少依据。", html, StringComparison.Ordinal);
        Assert.Empty((await editor.SendAsync(HttpMethod.Get, $"/api/v1/lists/{id}/versions", null, HttpStatusCode.OK)).GetProperty("items").EnumerateArray());

        const string good = "\uFEFF项目,依据,标准,执收单位,资金管理方式\r\n不动产登记费,某通知,每件80元,登记中心,缴入国库\r\n";
        using var imported = await UploadAsync(editor, id, "good.csv", Encoding.UTF8.GetBytes(good), "2026-09-30", "首次公布");
        Assert.Contains("已调整：第 1 版已公开。", await imported.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var xlsx = await editor.GetAsync(new Uri($"/lists/{id}/export?format=xlsx", UriKind.Relative));
        var table = TableReaders.ReadXlsx(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["项目", "依据", "标准", "执收单位", "资金管理方式"], table.Header);
        var row = Assert.Single(table.Rows.ToList());
        Assert.Equal("每件80元", row[2]);

        var csv = await editor.GetByteArrayAsync(new Uri($"/lists/{id}/export?format=csv", UriKind.Relative));
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var edited = Encoding.UTF8.GetString(csv[3..]).Replace("每件80元", "每件60元", StringComparison.Ordinal);
        using var second = await UploadAsync(editor, id, "edited.csv", Encoding.UTF8.GetBytes(edited), "2026-10-08", "降低收费标准");
        Assert.Contains("已调整：第 2 版已公开。", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var diff = await editor.SendAsync(HttpMethod.Get, $"/api/v1/lists/{id}/diff", null, HttpStatusCode.OK);
        Assert.Equal("每件60元", diff.GetProperty("changed")[0].GetProperty("changes")[0].GetProperty("after").GetString());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, string fileName, byte[] bytes, string effectiveOn, string reason)
    {
        var page = await client.GetStringAsync(new Uri($"/admin/lists/{id}", UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PageForms.AntiforgeryToken(page)), PageForms.TokenField },
            { new StringContent(effectiveOn), "EffectiveOn" },
            { new StringContent(reason), "Reason" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", fileName);
        return await client.PostAsync(new Uri($"/admin/lists/{id}?handler=Import", UriKind.Relative), form);
    }
}

public sealed class GuidesTests
{
    /// <summary>A guide change approved on 30 September 2026 (the day before 国庆节) must be public by 8 October; the
    /// overdue dashboard shows it due, then overdue in red once 8 October has passed; publishing it late is recorded as
    /// late; a published version cannot be published (changed) again; bad versions are refused with clear messages.</summary>
    [Fact]
    public async Task A_change_approved_before_the_holiday_is_due_after_it_turns_overdue_and_the_api_shows_its_dates()
    {
        await using var host = new ServicesClockFactory();
        var (first, _) = await ParticipationTestData.BodiesAsync(host.Services);
        using var editor = await host.CreateStaffClientAsync("guides.editor", StaffRoles.Editor);
        using var citizen = host.CreateClient();

        var effectiveFirst = await editor.SendAsync(HttpMethod.Post, "/api/v1/guides", new
        {
            body = first.Code, content = ServicesTestData.Content("特困人员认定", ServicesTestData.Material("户口簿")), approvedOn = "2026-09-30", effectiveOn = "2026-09-29",
        }, HttpStatusCode.BadRequest);
        Assert.Equal("施行日期（2026年9月29日）不能早于批准日期（2026年9月30日）。", effectiveFirst.GetProperty("errors").GetProperty("effectiveOn")[0].GetString());
        var unnamed = await editor.SendAsync(HttpMethod.Post, "/api/v1/guides", new
        {
            body = first.Code, content = ServicesTestData.Content("特困人员认定", ServicesTestData.Material(" ")), approvedOn = "2026-09-30", effectiveOn = "2026-10-08",
        }, HttpStatusCode.BadRequest);
        Assert.Contains("第 1 项申请材料没有名称", unnamed.GetProperty("errors").GetProperty("materials")[0].GetString(), StringComparison.Ordinal);

        var created = await editor.SendAsync(HttpMethod.Post, "/api/v1/guides", new
        {
            body = first.Code, content = ServicesTestData.Content("特困人员认定", ServicesTestData.Material("户口簿")), approvedOn = "2026-09-30", effectiveOn = "2026-10-08",
        }, HttpStatusCode.Created);
        Assert.Equal("2026-10-08", created.GetProperty("publishBy").GetString());
        Assert.Equal("due", created.GetProperty("clock").GetString());
        var id = created.GetProperty("guideId").GetInt32();
        var url = $"/api/v1/guides/{id}";

        // Not public yet: neither the API nor the page shows it; the console shows publish-by after the holiday.
        await citizen.SendAsync(HttpMethod.Get, url, null, HttpStatusCode.NotFound);
        var admin = await editor.GetStringAsync(new Uri($"/admin/guides/{id}", UriKind.Relative));
        Assert.Contains("<td class=\"publish-by\">2026年10月8日</td>", admin, StringComparison.Ordinal);
        var dashboard = await editor.GetStringAsync(new Uri("/admin/guides/overdue", UriKind.Relative));
        Assert.DoesNotContain("<tr class=\"overdue\">", dashboard, StringComparison.Ordinal);

        // 8 October is still in time; on 9 October the change is overdue and red.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 8, 17, 0, 0, TimeSpan.FromHours(8)));
        Assert.DoesNotContain("特困人员认定</a></td>", Overdue(await editor.GetStringAsync(new Uri("/admin/guides/overdue", UriKind.Relative))), StringComparison.Ordinal);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 9, 9, 0, 0, TimeSpan.FromHours(8)));
        dashboard = await editor.GetStringAsync(new Uri("/admin/guides/overdue", UriKind.Relative));
        Assert.Contains("特困人员认定</a></td>", Overdue(dashboard), StringComparison.Ordinal);
        Assert.Contains("已逾期未公开", dashboard, StringComparison.Ordinal);

        var published = await editor.SendAsync(HttpMethod.Post, url + "/versions/1/publish", null, HttpStatusCode.OK);
        Assert.Equal("published-late", published.GetProperty("clock").GetString());
        var again = await editor.SendAsync(HttpMethod.Post, url + "/versions/1/publish", null, HttpStatusCode.Conflict);
        Assert.Contains("已公开的版本不能修改", again.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var shown = await citizen.SendAsync(HttpMethod.Get, url, null, HttpStatusCode.OK);
        Assert.Equal(("2026-09-30", "2026-10-08", "2026-10-08"), (shown.GetProperty("approvedOn").GetString(), shown.GetProperty("effectiveOn").GetString(), shown.GetProperty("publishBy").GetString()));
        Assert.NotEqual(JsonValueKind.Null, shown.GetProperty("publishedAt").ValueKind);
        var list = await citizen.SendAsync(HttpMethod.Get, "/api/v1/guides", null, HttpStatusCode.OK);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), g => g.GetProperty("id").GetInt32() == id && g.GetProperty("publishBy").GetString() == "2026-10-08");
        var page = await citizen.GetStringAsync(new Uri($"/guides/{id}", UriKind.Relative));
        Assert.Contains("本指南于2026年10月9日更新，自2026年10月8日起施行", page, StringComparison.Ordinal);

        // A change is a new version: approved Friday 9 October, due Saturday 10 October (an adjusted working day).
        var change = await editor.SendAsync(HttpMethod.Post, url + "/versions", new
        {
            content = ServicesTestData.Content("特困人员认定", ServicesTestData.Material("户口簿"), ServicesTestData.Material("残疾人证")), approvedOn = "2026-10-09", effectiveOn = "2026-10-20",
        }, HttpStatusCode.Created);
        Assert.Equal((2, "2026-10-10"), (change.GetProperty("number").GetInt32(), change.GetProperty("publishBy").GetString()));
        await editor.SendAsync(HttpMethod.Post, url + "/versions/2/publish", null, HttpStatusCode.OK);
        shown = await citizen.SendAsync(HttpMethod.Get, url, null, HttpStatusCode.OK);
        Assert.Equal(1, shown.GetProperty("version").GetInt32());
        Assert.Equal("2026-10-20", shown.GetProperty("upcoming").GetProperty("effectiveOn").GetString());
        Assert.Equal("on-time", shown.GetProperty("upcoming").GetProperty("clock").GetString());
    }

    /// <summary>The dashboard's rows marked red (class overdue).</summary>
    private static string Overdue(string html) =>
        string.Concat(System.Text.RegularExpressions.Regex.Matches(html, "<tr class=\"overdue\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Select(m => m.Groups[1].Value));
}
