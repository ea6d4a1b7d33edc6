using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.OpenData.Rules;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Tests.OpenData;

/// <summary>The demo city's environment readings: AQI computed on the pages and in every download, the readings as
/// server-drawn charts with tables, and the data dictionary as a page section and a resource.</summary>
public sealed class EnvironmentDataTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private const string Readings = "environment-reading-mysthjj";

    [Fact]
    public async Task The_dataset_page_draws_each_site_and_pollutant_as_a_chart_with_a_table_and_lists_the_AQI()
    {
        using var client = factory.CreateClient();
        var page = await client.GetStringAsync(new Uri($"/data/{Readings}", UriKind.Relative));

        Assert.Contains("监测数据图表", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", page, StringComparison.Ordinal);
        Assert.Contains("<title id=\"chart-1-title\">市监测站 PM2.5 监测值（μg/m³）变化</title>", page, StringComparison.Ordinal);
        Assert.Contains("<caption>市监测站 PM2.5 数据表</caption>", page, StringComparison.Ordinal);
        Assert.Contains("<caption>高新区自动站 O3 数据表</caption>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page.Split("<main", 2)[^1].Split("</main>", 2)[0], StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">空气质量指数</th>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">首要污染物</th>", page, StringComparison.Ordinal);
        Assert.Contains("计算字段", page, StringComparison.Ordinal); // the dictionary names the computed columns

        var penalties = await client.GetStringAsync(new Uri("/data/administrative-penalty-myscjgj", UriKind.Relative));
        Assert.DoesNotContain("<svg", penalties, StringComparison.Ordinal);
        Assert.DoesNotContain("空气质量指数", penalties, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reading_page_shows_its_individual_index_and_its_sites_AQI_that_day()
    {
        using var client = factory.CreateClient();
        var items = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/records/environment-reading?body=mysthjj&size=100", UriKind.Relative)))!["items"]!.AsArray();
        var reading = items.First(i => i!["fields"]!["pollutant"]!.GetValue<string>() == "PM2.5")!;
        var fields = reading["fields"]!;
        var sameDay = items.Where(i => i!["fields"]!["site"]!.GetValue<string>() == fields["site"]!.GetValue<string>()
            && i!["fields"]!["measuredOn"]!.GetValue<string>() == fields["measuredOn"]!.GetValue<string>())
            .Select(i => (i!["fields"]!["pollutant"]!.GetValue<string>(), AirQuality.Individual(i["fields"]!["pollutant"]!.GetValue<string>(), i["fields"]!["value"]!.GetValue<string>(), i["fields"]!["unit"]!.GetValue<string>())!.Value))
            .ToList();
        var expected = AirQuality.Combine(sameDay)!;
        var individual = AirQuality.Individual("PM2.5", fields["value"]!.GetValue<string>(), fields["unit"]!.GetValue<string>());

        var page = await client.GetStringAsync(new Uri($"/data/records/{reading["id"]!.GetValue<long>()}", UriKind.Relative));

        Assert.Contains($"<th scope=\"row\">空气质量分指数</th><td>{individual}（HJ 633-2012）</td>", page, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\">空气质量指数</th><td>{expected.Aqi}（本点位当日，HJ 633-2012）</td>", page, StringComparison.Ordinal);
        Assert.Contains($"<td>{expected.Level.Category}</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_download_carries_the_AQI_columns_and_the_dictionary_is_a_resource_of_its_own()
    {
        using var client = factory.CreateClient();
        var package = (await new CkanClient(factory.CreateClient()).CallActionAsync("package_show", new { id = Readings }))!;
        var resources = package["resources"]!.AsArray();
        Assert.Equal(["CSV", "JSON", "XLSX", "CSV"], resources.Select(r => r!["format"]!.GetValue<string>()));
        Assert.Equal("documentation", resources[3]!["resource_type"]!.GetValue<string>());
        var count = int.Parse(package["extras"]!.AsArray().Single(e => e!["key"]!.GetValue<string>() == "record_count")!["value"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Uri Url(int i) => new(new Uri(resources[i]!["url"]!.GetValue<string>()).PathAndQuery, UriKind.Relative);

        var csv = (await client.GetStringAsync(Url(0))).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("监测点位,监测日期,监测项目,监测值,计量单位,空气质量分指数,空气质量指数,空气质量指数级别,空气质量指数类别,首要污染物", csv[0]);
        Assert.Equal(count + 1, csv.Length);
        var row = csv[1].Split(',');
        Assert.Equal(AirQuality.Individual(row[2], row[3], row[4])?.ToString(CultureInfo.InvariantCulture), row[5]);
        Assert.Contains(row[8], AirQuality.Levels.Select(l => l.Category));

        var json = JsonNode.Parse(await client.GetStringAsync(Url(1)))!.AsArray();
        Assert.Equal(count, json.Count);
        Assert.All(json, r => Assert.Equal(
            AirQuality.Individual(r!["pollutant"]!.GetValue<string>(), r["value"]!.GetValue<string>(), r["unit"]!.GetValue<string>())?.ToString(CultureInfo.InvariantCulture),
            r["iaqi"]?.GetValue<string>()));
        Assert.All(json, r => Assert.NotNull(r!["aqiCategory"]));

        using var xlsx = await client.GetAsync(Url(2));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        using (var document = SpreadsheetDocument.Open(stream, false))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            var rows = sheet.Descendants<Row>().ToList();
            Assert.Equal(count + 1, rows.Count);
            Assert.Equal(csv[0].Split(','), rows[0].Elements<Cell>().Select(c => c.InnerText));
            Assert.Equal(csv[1].Split(','), rows[1].Elements<Cell>().Select(c => c.InnerText));
        }

        var dictionary = (await client.GetStringAsync(Url(3))).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("字段键,中文名称,类型,单位,代码表,必填,说明", dictionary[0]);
        Assert.Equal(["site", "measuredOn", "pollutant", "value", "unit", "iaqi", "aqi", "aqiLevel", "aqiCategory", "primaryPollutant"], dictionary.Skip(1).Select(l => l.Split(',')[0]));
        Assert.StartsWith("aqiLevel,空气质量指数级别,代码表,,一级、二级、三级、四级、五级、六级,否,", dictionary[8], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_penalty_datasets_dictionary_lists_every_field_with_type_unit_codes_and_masking()
    {
        using var client = factory.CreateClient();
        var page = await client.GetStringAsync(new Uri("/data/administrative-penalty-myscjgj", UriKind.Relative));
        var dictionarySection = page.Split("<h2>数据字典</h2>", 2)[1].Split("</table>", 2)[0];
        Assert.Contains("<th scope=\"col\">代码表</th>", dictionarySection, StringComparison.Ordinal);
        Assert.Contains("（公开时遮蔽）", dictionarySection, StringComparison.Ordinal);
        Assert.Contains("administrative-penalty-myscjgj-dictionary.csv", page, StringComparison.Ordinal);

        var package = (await new CkanClient(factory.CreateClient()).CallActionAsync("package_show", new { id = "administrative-penalty-myscjgj" }))!;
        var url = new Uri(new Uri(package["resources"]!.AsArray()[3]!["url"]!.GetValue<string>()).PathAndQuery, UriKind.Relative);
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("decisionDate,", StringComparison.Ordinal) && l.Contains(",是,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("iaqi,", StringComparison.Ordinal));
    }
}

/// <summary>A host whose clock the test moves on, for the 更新频率 flag.</summary>
public sealed class MovableClockFactory : TestAuthFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class LapsedDatasetTests(MovableClockFactory factory) : IClassFixture<MovableClockFactory>
{
    [Fact]
    public async Task A_daily_dataset_not_updated_for_days_is_flagged_on_its_page_the_portal_the_console_and_in_package_show()
    {
        using var client = factory.CreateClient();
        var ckan = new CkanClient(factory.CreateClient());
        static string? Extra(JsonNode package, string key) =>
            package["extras"]!.AsArray().SingleOrDefault(e => e!["key"]!.GetValue<string>() == key)?["value"]!.GetValue<string>();

        var fresh = (await ckan.CallActionAsync("package_show", new { id = "environment-reading-mysthjj" }))!;
        Assert.Equal("false", Extra(fresh, "update_lapsed"));
        Assert.DoesNotContain("更新已逾期", await client.GetStringAsync(new Uri("/data/environment-reading-mysthjj", UriKind.Relative)), StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromDays(4));

        var daily = (await ckan.CallActionAsync("package_show", new { id = "environment-reading-mysthjj" }))!;
        Assert.Equal("true", Extra(daily, "update_lapsed"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", Extra(daily, "update_due"));
        Assert.Equal(fresh.AsObject().Select(p => p.Key), daily.AsObject().Select(p => p.Key)); // the CKAN shape is unchanged
        var realTime = (await ckan.CallActionAsync("package_show", new { id = "administrative-penalty-myscjgj" }))!;
        Assert.Equal("false", Extra(realTime, "update_lapsed")); // 实时 never lapses by age
        Assert.Null(Extra(realTime, "update_due"));

        var page = await client.GetStringAsync(new Uri("/data/environment-reading-mysthjj", UriKind.Relative));
        Assert.Contains("更新已逾期", page, StringComparison.Ordinal);
        Assert.Contains($"应于 {Extra(daily, "update_due")} 前再次更新", page, StringComparison.Ordinal);
        Assert.DoesNotContain("更新已逾期", await client.GetStringAsync(new Uri("/data/administrative-penalty-myscjgj", UriKind.Relative)), StringComparison.Ordinal);

        using var staff = await factory.CreateStaffClientAsync("admin.lapsed", StaffRoles.SystemAdmin);
        var console = await staff.GetStringAsync(new Uri("/admin/open-data", UriKind.Relative));
        var lapsed = console.Split("更新已逾期的数据集", 2)[1];
        Assert.Contains("/data/environment-reading-mysthjj", lapsed, StringComparison.Ordinal);
        Assert.DoesNotContain("/data/administrative-penalty-myscjgj", lapsed, StringComparison.Ordinal);
    }
}
