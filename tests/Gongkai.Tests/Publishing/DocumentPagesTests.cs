using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Organizations;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Publishing;

public sealed partial class DocumentPagesTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private const string WorkPlanTitle = "绵阳市人民政府办公室关于印发《2018年政务公开工作要点》的通知";

    private async Task<JsonElement> ApiAsync(string url)
    {
        using var client = factory.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync(new Uri(url, UriKind.Relative))).RootElement;
    }

    private async Task<string> WorkPlanUrlAsync() =>
        (await ApiAsync("/api/v1/documents?size=100")).GetProperty("items").EnumerateArray()
            .Single(d => d.GetProperty("title").GetString() == WorkPlanTitle).GetProperty("url").GetString()!;

    [Fact]
    public async Task The_work_plan_page_shows_the_metadata_table_and_the_text_paragraph_by_paragraph()
    {
        string officeCredit;
        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            officeCredit = (await db.Set<Body>().SingleAsync(b => b.Code == "myszfb")).CreditCode;
        }

        var url = await WorkPlanUrlAsync();
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var indexNo = url["/documents/".Length..];
        Assert.Matches(@"^\d{8}-[0-9X]/2018-\d{5}$", indexNo);
        Assert.StartsWith(CreditCode.FormatOrganizationCode(officeCredit) + "/2018-", indexNo, StringComparison.Ordinal);

        var rows = MetaRow().Matches(html).ToDictionary(m => m.Groups[1].Value, m => TagPattern().Replace(m.Groups[2].Value, ""));
        Assert.Equal(indexNo, rows["索引号"]);
        Assert.Equal("综合政务", rows["主题分类"]);
        Assert.Equal("绵阳市人民政府办公室", rows["发布机构"]);
        Assert.Equal("2018-05-18", rows["成文日期"]);
        Assert.Equal("绵府办发〔2018〕12号", rows["文号"]);
        Assert.Equal("2018-05-23", rows["发布日期"]);
        Assert.Equal("有效", rows["有效性"]);
        Assert.Equal(WorkPlanTitle, rows["标题"]);

        Assert.Contains("<p>各县市区人民政府，各园区管委会，市政府各部门：</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>一、深化公开内容，加大主动公开力度</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p>（十八）加强政务公开工作平台信息更新建设。", html, StringComparison.Ordinal);
        Assert.True(Regex.Count(html, "<p>（[一二三四五六七八九十]+）") >= 18, "each numbered item of the work plan is its own paragraph");
        Assert.Contains("data-print", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/js/print.js\" defer></script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_lists_documents_newest_first_with_paging()
    {
        var all = await ApiAsync("/api/v1/documents");
        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(8, all.GetProperty("total").GetInt32()); // the demo's seven documents and its published 2025 annual report
        Assert.Equal(["indexNo", "title", "docNumber", "body", "type", "publishedOn", "url"], items[0].EnumerateObject().Select(p => p.Name));
        var dates = items.Select(i => i.GetProperty("publishedOn").GetString()).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        var workPlan = items.Single(i => i.GetProperty("title").GetString() == WorkPlanTitle);
        Assert.Equal("绵阳市人民政府办公室", workPlan.GetProperty("body").GetString());
        Assert.Equal("2018-05-23", workPlan.GetProperty("publishedOn").GetString());
        Assert.Equal("规划计划", workPlan.GetProperty("type").GetString());

        var second = await ApiAsync("/api/v1/documents?page=2&size=3");
        Assert.Equal(8, second.GetProperty("total").GetInt32());
        Assert.Equal(
            items.Skip(3).Take(3).Select(i => i.GetProperty("indexNo").GetString()),
            second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("indexNo").GetString()));
    }

    [Fact]
    public async Task The_list_page_filters_by_body_and_type()
    {
        using var client = factory.CreateClient();
        var office = await client.GetStringAsync(new Uri("/documents?body=myszfb", UriKind.Relative));
        Assert.Contains("<h1>绵阳市人民政府办公室文件</h1>", office, StringComparison.Ordinal);
        Assert.Contains(WorkPlanTitle, office, StringComparison.Ordinal);
        Assert.DoesNotContain("三台县人民政府关于调整城乡居民最低生活保障标准的通知", office, StringComparison.Ordinal);

        var normative = await client.GetStringAsync(new Uri("/documents?type=" + Uri.EscapeDataString("行政规范性文件"), UriKind.Relative));
        Assert.Contains("三台县人民政府关于调整城乡居民最低生活保障标准的通知", normative, StringComparison.Ordinal);
        Assert.DoesNotContain(WorkPlanTitle, normative, StringComparison.Ordinal);

        var unknown = await client.GetAsync(new Uri("/documents?body=no-such-body", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task An_unknown_index_number_is_a_404_page_in_Chinese()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/documents/00000000-0/1999-00001", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("没有找到该文件", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr><th scope=\"row\">([^<]+)</th><td>(.*?)</td></tr>")]
    private static partial Regex MetaRow();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
