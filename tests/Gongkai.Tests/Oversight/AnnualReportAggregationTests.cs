using System.Net;
using System.Text.Json;
using Gongkai.OpenData;
using Gongkai.OpenData.Data;
using Gongkai.Oversight;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Oversight;

/// <summary>The city government's report sums its departments' frozen figures and names the departments it could not
/// include; a department that keeps 双公示 records gets its 行政许可 count from them.</summary>
public sealed class AnnualReportAggregationTests(OversightClockFactory factory) : IClassFixture<OversightClockFactory>
{
    private HttpClient Client(string name, Gongkai.Organizations.Body body, params string[] roles) =>
        factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SignedInAs(name, body.Id, roles);

    private static async Task<HttpStatusCode> PostFormAsync(HttpClient client, string page, string? handler, params (string Key, string Value)[] fields)
    {
        using var response = await client.SubmitAsync(page, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), handler);
        return response.StatusCode;
    }

    private static (string, string)[] Hand(string licences) =>
    [
        ("Hand[regulations.issued]", "0"), ("Hand[regulations.repealed]", "0"), ("Hand[regulations.in-force]", "0"),
        ("Hand[licensing.decisions]", licences), ("Hand[penalty.decisions]", "1"), ("Hand[enforcement.decisions]", "0"), ("Hand[fees.amount]", "0.5"),
        ("Overview", "2025年总体情况。"), ("Problems", "无。"), ("Other", "无。"),
    ];

    private static decimal? Figure(JsonElement report, string key)
    {
        var value = report.GetProperty("tables").GetProperty("二").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key).GetProperty("value");
        return value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal();
    }

    private static string Source(JsonElement report, string key) =>
        report.GetProperty("tables").GetProperty("二").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key).GetProperty("source").GetString()!;

    private async Task<int> ReportIdAsync(int bodyId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AnnualReport>()
            .Where(r => r.BodyId == bodyId && r.Year == 2025).Select(r => r.Id).SingleAsync();
    }

    /// <summary>Published 行政许可 records of the body: two decided in 2025, one in 2024, one 2025 record withdrawn.</summary>
    private async Task AddLicenceRecordsAsync(int bodyId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var type = await db.Set<RecordType>().SingleAsync(t => t.Key == ShippedRecordTypes.AdministrativeLicence);
        var now = DateTimeOffset.UtcNow;
        foreach (var (key, date, status) in new[]
        {
            ("发改许〔2025〕1号", new DateOnly(2025, 3, 2), RecordStatus.Published),
            ("发改许〔2025〕2号", new DateOnly(2025, 12, 31), RecordStatus.Published),
            ("发改许〔2024〕9号", new DateOnly(2024, 12, 31), RecordStatus.Published),
            ("发改许〔2025〕3号", new DateOnly(2025, 6, 1), RecordStatus.Withdrawn),
        })
        {
            db.Add(new DataRecord
            {
                RecordTypeId = type.Id, SchemaVersion = type.Version, BodyId = bodyId, NaturalKey = key, Title = key, Status = status,
                ValuesJson = "{}", PublicValuesJson = "{}", DecisionDate = date, PublishedAt = now, FirstPublishedAt = now, CreatedAt = now, UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_city_report_sums_two_departments_frozen_figures_and_names_the_departments_it_could_not_include()
    {
        var city = await OversightTestData.BodyAsync(factory.Services, "myszf");
        var development = await OversightTestData.BodyAsync(factory.Services, "myfgw");
        await AddLicenceRecordsAsync(development.Id);

        // Department 1: 发改委 generates, fills in and freezes its report; its 行政许可 count comes from its records.
        using var developmentEditor = Client("发改编辑", development, StaffRoles.Editor);
        Assert.Equal(HttpStatusCode.Redirect, await PostFormAsync(developmentEditor, "/admin/oversight/annual-reports", null, ("Body", "myfgw"), ("reportYear", "2025")));
        var developmentUrl = $"/admin/oversight/annual-reports/{await ReportIdAsync(development.Id)}";
        Assert.Equal(HttpStatusCode.Redirect, await PostFormAsync(developmentEditor, developmentUrl, "Save", Hand("999")));
        var developmentReport = await developmentEditor.SendAsync(HttpMethod.Get, "/api/v1/annual-reports/myfgw/2025", null, HttpStatusCode.OK);
        Assert.Equal(2, Figure(developmentReport, "licensing.decisions"));
        Assert.Equal("computed", Source(developmentReport, "licensing.decisions"));
        Assert.Equal("hand", Source(developmentReport, "penalty.decisions"));
        Assert.Equal(JsonValueKind.Null, developmentReport.GetProperty("aggregation").ValueKind);

        // The city government's report while 发改委's figures are still live: only the demo's published 生态环境局 counts.
        using var cityEditor = Client("市府编辑", city, StaffRoles.Editor);
        Assert.Equal(HttpStatusCode.Redirect, await PostFormAsync(cityEditor, "/admin/oversight/annual-reports", null, ("Body", "myszf"), ("reportYear", "2025")));
        var cityUrl = $"/admin/oversight/annual-reports/{await ReportIdAsync(city.Id)}";
        Assert.Equal(HttpStatusCode.Redirect, await PostFormAsync(cityEditor, cityUrl, "Save", Hand("5")));
        var before = await cityEditor.SendAsync(HttpMethod.Get, "/api/v1/annual-reports/myszf/2025", null, HttpStatusCode.OK);
        Assert.Equal(5 + 412, Figure(before, "licensing.decisions"));
        var aggregation = before.GetProperty("aggregation");
        Assert.Equal(["绵阳市人民政府", "绵阳市生态环境局"], aggregation.GetProperty("included").EnumerateArray().Select(b => b.GetString()));
        var missing = aggregation.GetProperty("missing").EnumerateArray().ToDictionary(m => m.GetProperty("body").GetString()!, m => m.GetProperty("reason").GetString());
        Assert.Equal("年度报告数据尚未冻结", missing["绵阳市发展和改革委员会"]);
        Assert.Equal("年度报告尚未生成", missing["绵阳市财政局"]);

        // 发改委 freezes: its 2 licences (from records) join the city's sum, and the console page says whose figures these are.
        Assert.Equal(HttpStatusCode.Redirect, await PostFormAsync(developmentEditor, developmentUrl, "Freeze"));
        var after = await cityEditor.SendAsync(HttpMethod.Get, "/api/v1/annual-reports/myszf/2025", null, HttpStatusCode.OK);
        Assert.Equal(5 + 412 + 2, Figure(after, "licensing.decisions"));
        // In the directory's order (发改委 before 生态环境局).
        Assert.Equal(["绵阳市人民政府", "绵阳市发展和改革委员会", "绵阳市生态环境局"],
            after.GetProperty("aggregation").GetProperty("included").EnumerateArray().Select(b => b.GetString()));
        Assert.DoesNotContain(after.GetProperty("aggregation").GetProperty("missing").EnumerateArray(), m => m.GetProperty("body").GetString() == "绵阳市发展和改革委员会");
        var console = await cityEditor.GetStringAsync(new Uri(cityUrl, UriKind.Relative));
        Assert.Contains("为绵阳市人民政府、绵阳市发展和改革委员会、绵阳市生态环境局的汇总数据（共 3 个机关）", console, StringComparison.Ordinal);
        Assert.Contains("绵阳市财政局（年度报告尚未生成）", console, StringComparison.Ordinal);
        // The form still holds the government's own entry, not the sum (saving again must not add the departments twice).
        Assert.Contains("name=\"Hand[licensing.decisions]\" value=\"5\"", console, StringComparison.Ordinal);
    }
}
