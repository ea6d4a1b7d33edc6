using System.Net;
using Gongkai.Organizations;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Organizations;

public sealed class BodyPagesTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static readonly string[] SectionTitles = ["市政府及其部门", "县（市、区）", "园区", "服务机构"];

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<Body> BodyAsync(string code)
    {
        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Code == code);
        }
    }

    [Fact]
    public async Task The_directory_groups_bodies_by_city_counties_parks_and_service_bodies()
    {
        var (status, html) = await GetAsync("/bodies");

        Assert.Equal(HttpStatusCode.OK, status);
        var sections = SectionTitles.Select(t => html.IndexOf($">{t}</h2>", StringComparison.Ordinal)).ToList();
        Assert.All(sections, index => Assert.True(index > 0));
        Assert.Equal(sections.Order(), sections);
        Assert.Contains("<a href=\"/bodies/myfgw\">绵阳市发展和改革委员会</a>", html, StringComparison.Ordinal);
        // A county's departments sit in the county section, after the county government.
        var counties = html.IndexOf(">县（市、区）</h2>", StringComparison.Ordinal);
        Assert.True(html.IndexOf("/bodies/stxjtj\"", StringComparison.Ordinal) > counties);
    }

    [Fact]
    public async Task A_profile_shows_every_item_article_20_2_requires_from_the_bodys_data()
    {
        var body = await BodyAsync("myczj");
        var (status, html) = await GetAsync("/bodies/myczj");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var heading in new[] { "机构职能", "机构设置", "办公地址", "办公时间", "联系电话", "电子邮箱", "负责人" })
        {
            Assert.Contains(heading, html, StringComparison.Ordinal);
        }

        Assert.Contains($"<h1>{body.Name}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(body.Functions[..20], html, StringComparison.Ordinal);
        Assert.Contains("<li>预算科</li>", html, StringComparison.Ordinal);
        Assert.Contains(body.Address, html, StringComparison.Ordinal);
        Assert.Contains(body.OfficeHours, html, StringComparison.Ordinal);
        Assert.Contains(body.Phone, html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"mailto:{body.Email}\">", html, StringComparison.Ordinal);
        Assert.Contains(body.HeadName, html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/bodies/myszf\">市政府</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/bodies/myczj/guide\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_lists_its_sub_bodies_and_latest_documents()
    {
        var (_, city) = await GetAsync("/bodies/stxzf");
        Assert.Contains("<a href=\"/bodies/stxjtj\">三台县教育和体育局</a>", city, StringComparison.Ordinal);

        var (_, office) = await GetAsync("/bodies/myszfb");
        Assert.Contains("绵阳市人民政府办公室关于印发《2018年政务公开工作要点》的通知", office, StringComparison.Ordinal);
        Assert.Contains("href=\"/documents?body=myszfb\"", office, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("myfgw", "绵阳市人民政府")]
    [InlineData("myszf", "四川省人民政府")]
    [InlineData("stxjtj", "三台县人民政府")]
    public async Task The_guide_names_the_body_that_hears_administrative_reconsideration(string code, string reviewBody)
    {
        var (status, html) = await GetAsync($"/bodies/{code}/guide");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"日内，向{reviewBody}申请行政复议", html, StringComparison.Ordinal);
        Assert.Contains("6 个月内，依法向人民法院提起行政诉讼", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_guide_states_time_limits_the_receiving_office_and_fees()
    {
        var body = await BodyAsync("mymzj");
        var (_, html) = await GetAsync("/bodies/mymzj/guide");

        Assert.Contains("<h1>绵阳市民政局政府信息公开指南</h1>", html, StringComparison.Ordinal);
        Assert.Contains("20 个工作日内公开", html, StringComparison.Ordinal);
        Assert.Contains("3 个工作日内公开", html, StringComparison.Ordinal);
        Assert.Contains("延长的期限最长不超过 20 个工作日", html, StringComparison.Ordinal);
        Assert.Contains("国办函〔2020〕109号", html, StringComparison.Ordinal);
        Assert.Contains("60 日内", html, StringComparison.Ordinal);
        Assert.Contains(body.Address, html, StringComparison.Ordinal);
        Assert.Contains(body.OfficeHours, html, StringComparison.Ordinal);
        Assert.Contains(body.Phone, html, StringComparison.Ordinal);
        // Article 21 items are for governments only.
        Assert.DoesNotContain("第二十一条", html, StringComparison.Ordinal);
        Assert.Contains("第二十一条", (await GetAsync("/bodies/ytxzf/guide")).Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/bodies/no-such-body")]
    [InlineData("/bodies/no-such-body/guide")]
    public async Task An_unknown_body_is_a_404_page_in_Chinese(string url)
    {
        var (status, html) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.Contains("页面未找到", html, StringComparison.Ordinal);
        Assert.Contains("没有找到该机构", html, StringComparison.Ordinal);
    }
}
