using System.Net;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Platform.Calendar;

/// <summary>The public explanation page and the administrators' calendar page.</summary>
public sealed class CalendarPagesTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private static Uri U(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task The_explanation_page_shows_every_day_of_a_count_and_why()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(U("/calendar/explain?from=2024-09-27&days=3"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("期限届满日为 <strong>2024-10-08（星期二）</strong>", html, StringComparison.Ordinal);
        Assert.Contains("起算日当天不计入", html, StringComparison.Ordinal);
        Assert.Contains("星期日，国庆节调休上班，计为第1个工作日", html, StringComparison.Ordinal);
        Assert.Contains("星期一，国庆节放假，不计入", html, StringComparison.Ordinal);
        Assert.Contains("期间有 8 天不计入", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_explanation_page_without_input_shows_just_the_form()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(U("/calendar/explain"));

        Assert.Contains("<label for=\"from\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("计算结果", html, StringComparison.Ordinal);
        Assert.DoesNotContain("field-error", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_on_the_explanation_page_is_shown_again_with_messages()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(U("/calendar/explain?from=2024-02-30&days=-4"));

        Assert.Contains("请填写有效的起算日期", html, StringComparison.Ordinal);
        Assert.Contains("工作日天数不能为负数", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2024-02-30\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"-4\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("计算结果", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_explanation_page_says_when_a_years_schedule_is_missing()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync(U("/calendar/explain?from=2040-03-01&days=2"));

        Assert.Contains("尚未导入2040年的节假日安排，无法计算工作日", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_system_admins_reach_the_calendar_administration()
    {
        using var anonymous = factory.CreateClient();
        using var editor = await factory.CreateStaffClientAsync("pages.editor", StaffRoles.Editor);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(U("/admin/calendar"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(U("/admin/calendar"))).StatusCode);
    }

    [Fact]
    public async Task The_admin_page_shows_the_year_month_by_month_with_its_holidays()
    {
        using var client = await factory.CreateStaffClientAsync("pages.admin", StaffRoles.SystemAdmin);

        var html = await client.GetStringAsync(U("/admin/calendar?year=2024"));

        Assert.Contains("<h1>工作日日历：2024年</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>10月</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>2月</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"adjusted\">", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"holiday\">", html, StringComparison.Ordinal);
        Assert.Contains("<td>2024-09-29</td>", html, StringComparison.Ordinal);
        Assert.Contains("官方数据", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"off\" selected=\"selected\">放假</option>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_year_not_yet_imported_shows_a_notice_instead_of_month_tables()
    {
        using var client = await factory.CreateStaffClientAsync("pages.admin", StaffRoles.SystemAdmin);

        var html = await client.GetStringAsync(U("/admin/calendar?year=2027"));

        Assert.Contains("尚未导入2027年的节假日安排", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table class=\"month\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_imports_a_pasted_year_and_marks_a_day_through_the_forms()
    {
        using var client = await factory.CreateStaffClientAsync("pages.admin", StaffRoles.SystemAdmin);

        var imported = await client.SubmitAsync("/admin/calendar?year=2036", new Dictionary<string, string>
        {
            ["Mark.Year"] = "2036",
            ["Import.Json"] = """{"year":2036,"days":[{"name":"国庆节","date":"2036-10-01","isOffDay":true}]}""",
        }, "Import", multipart: true);
        var importedHtml = await imported.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("已导入2036年节假日安排：新增1天", importedHtml, StringComparison.Ordinal);
        Assert.Contains("<caption>10月</caption>", importedHtml, StringComparison.Ordinal);

        var marked = await client.SubmitAsync("/admin/calendar?year=2036", new Dictionary<string, string>
        {
            ["Mark.Date"] = "2036-10-04",
            ["Mark.Arrangement"] = "work",
            ["Mark.Name"] = "国庆节",
        }, "Mark", multipart: true);

        Assert.Contains("已将2036-10-04（星期六）标记为国庆节调休上班", await marked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var api = factory.CreateClient();
        Assert.Contains("adjusted-workday", await api.GetStringAsync(U("/api/v1/calendar/days/2036-10-04")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_mark_is_shown_again_with_the_reason_and_the_input()
    {
        using var client = await factory.CreateStaffClientAsync("pages.admin", StaffRoles.SystemAdmin);

        var response = await client.SubmitAsync("/admin/calendar?year=2024", new Dictionary<string, string>
        {
            ["Mark.Date"] = "2024-10-09",
            ["Mark.Arrangement"] = "work",
            ["Mark.Name"] = "试验",
        }, "Mark", multipart: true);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("本来就是工作日", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2024-10-09\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"试验\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"work\" selected=\"selected\">调休上班</option>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_pasted_year_is_refused_with_every_problem_listed_and_the_text_kept()
    {
        using var client = await factory.CreateStaffClientAsync("pages.admin", StaffRoles.SystemAdmin);
        const string Bad = """{"year":2037,"days":[{"name":"国庆节","date":"2039-10-01","isOffDay":true}]}""";

        var response = await client.SubmitAsync("/admin/calendar?year=2037", new Dictionary<string, string> { ["Mark.Year"] = "2037", ["Import.Json"] = Bad }, "Import", multipart: true);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("年度安排无效，未导入任何内容", html, StringComparison.Ordinal);
        Assert.Contains("不在2037年内", html, StringComparison.Ordinal);
        Assert.Contains("&quot;year&quot;:2037", html, StringComparison.Ordinal);
        Assert.Contains("尚未导入2037年的节假日安排", html, StringComparison.Ordinal);
    }
}
