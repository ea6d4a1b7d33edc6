using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gongkai.Platform.Audit;
using Gongkai.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Platform.Calendar;

/// <summary>The public shapes other modules and outside checks rely on, and the staff edits. Tests that change the
/// calendar each use a year of their own (2031–2033), so they do not disturb each other or the official years.</summary>
public sealed class CalendarApiTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private static Uri U(string path) => new(path, UriKind.Relative);

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static List<string> PropertyNames(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private Task<HttpClient> AdminAsync() => factory.CreateStaffClientAsync("calendar.admin", StaffRoles.SystemAdmin);

    // --- Public reads --------------------------------------------------------------------------------------

    [Fact]
    public async Task A_make_up_sunday_is_described_with_the_exact_public_shape()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(U("/api/v1/calendar/days/2024-09-29"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonOf(response);
        Assert.Equal(["date", "workingDay", "kind", "name"], PropertyNames(json));
        Assert.Equal("2024-09-29", json.GetProperty("date").GetString());
        Assert.True(json.GetProperty("workingDay").GetBoolean());
        Assert.Equal("adjusted-workday", json.GetProperty("kind").GetString());
        Assert.Equal("国庆节", json.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("2024-10-01", false, "holiday", "国庆节")]
    [InlineData("2024-10-19", false, "weekend", null)]
    [InlineData("2024-10-16", true, "workday", null)]
    public async Task Each_kind_of_day_is_reported_and_plain_days_carry_a_null_name(string date, bool workingDay, string kind, string? name)
    {
        using var client = factory.CreateClient();

        var json = await JsonOf(await client.GetAsync(U("/api/v1/calendar/days/" + date)));

        Assert.Equal(workingDay, json.GetProperty("workingDay").GetBoolean());
        Assert.Equal(kind, json.GetProperty("kind").GetString());
        Assert.True(json.TryGetProperty("name", out var nameProperty), "the name property is always present");
        Assert.Equal(name, nameProperty.ValueKind == JsonValueKind.Null ? null : nameProperty.GetString());
    }

    [Fact]
    public async Task Adding_working_days_returns_the_date_the_skipped_days_and_an_explanation()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(U("/api/v1/calendar/add-working-days?from=2024-09-27&days=3"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonOf(response);
        Assert.Equal(["from", "days", "date", "skipped", "explanation"], PropertyNames(json));
        Assert.Equal("2024-09-27", json.GetProperty("from").GetString());
        Assert.Equal(3, json.GetProperty("days").GetInt32());
        Assert.Equal("2024-10-08", json.GetProperty("date").GetString());
        Assert.Equal(
            ["2024-09-28", "2024-10-01", "2024-10-02", "2024-10-03", "2024-10-04", "2024-10-05", "2024-10-06", "2024-10-07"],
            json.GetProperty("skipped").EnumerateArray().Select(d => d.GetString()!).ToList());

        var explanation = json.GetProperty("explanation").EnumerateArray().ToList();
        Assert.Equal("2024-09-27", explanation[0].GetProperty("date").GetString());
        Assert.Contains("民法典", explanation[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        var sunday = explanation.Single(e => e.GetProperty("date").GetString() == "2024-09-29");
        Assert.Equal("星期日，国庆节调休上班，计为第1个工作日", sunday.GetProperty("reason").GetString());
        Assert.Equal("2024-10-08", explanation[^1].GetProperty("date").GetString());
        Assert.Equal(12, explanation.Count);
    }

    [Fact]
    public async Task A_date_in_a_year_without_a_schedule_is_a_422_naming_the_year()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(U("/api/v1/calendar/days/2040-05-06"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonOf(response);
        Assert.Equal("尚未导入2040年的节假日安排，无法计算工作日", problem.GetProperty("detail").GetString());
        Assert.Equal(2040, problem.GetProperty("year").GetInt32());
    }

    [Fact]
    public async Task A_count_running_into_a_year_without_a_schedule_is_a_422()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(U("/api/v1/calendar/add-working-days?from=2039-12-30&days=5"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("2039年", (await JsonOf(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/calendar/days/2024-13-01")]
    [InlineData("/api/v1/calendar/days/20240929")]
    [InlineData("/api/v1/calendar/days/2024-9-29")]
    [InlineData("/api/v1/calendar/days/yesterday")]
    [InlineData("/api/v1/calendar/add-working-days?from=2024-09-27&days=-1")]
    [InlineData("/api/v1/calendar/add-working-days?from=2024-09-27&days=1001")]
    [InlineData("/api/v1/calendar/add-working-days?from=2024-09-27&days=99999999999999")]
    [InlineData("/api/v1/calendar/add-working-days?from=2024-09-27&days=three")]
    [InlineData("/api/v1/calendar/add-working-days?from=2024-09-27")]
    [InlineData("/api/v1/calendar/add-working-days?days=3")]
    [InlineData("/api/v1/calendar/add-working-days?from=2024/09/27&days=3")]
    public async Task Malformed_dates_and_out_of_range_day_counts_are_a_400_problem(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(U(path));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonOf(response);
        Assert.Equal("参数无效", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task One_thousand_working_days_is_the_largest_count_accepted()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(U("/api/v1/calendar/add-working-days?from=2017-01-01&days=1000"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1000, (await JsonOf(response)).GetProperty("days").GetInt32());
    }

    [Fact]
    public async Task The_loaded_years_are_listed()
    {
        using var client = factory.CreateClient();

        var years = (await JsonOf(await client.GetAsync(U("/api/v1/calendar/years")))).EnumerateArray()
            .Select(y => (Year: y.GetProperty("year").GetInt32(), Source: y.GetProperty("source").GetString())).ToList();

        Assert.Contains((2024, CalendarSources.Official), years);
        Assert.Contains((2017, CalendarSources.Official), years);
        Assert.DoesNotContain(years, y => y.Year == 2027);
    }

    // --- Staff edits ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Anonymous_visitors_cannot_change_the_calendar()
    {
        using var client = factory.CreateClient();

        var put = await client.PutAsync(U("/api/v1/calendar/days/2024-10-09"), Json("""{"isOffDay":true,"name":"测试"}"""));
        var post = await client.PostAsync(U("/api/v1/calendar/years"), Json("""{"year":2031,"days":[]}"""));
        var delete = await client.DeleteAsync(U("/api/v1/calendar/days/2024-10-01"));

        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
    }

    [Fact]
    public async Task Staff_without_the_calendar_permission_are_forbidden()
    {
        using var client = await factory.CreateStaffClientAsync("calendar.editor", StaffRoles.Editor);

        var response = await client.PutAsync(U("/api/v1/calendar/days/2024-10-09"), Json("""{"isOffDay":true,"name":"测试"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("workday", (await JsonOf(await client.GetAsync(U("/api/v1/calendar/days/2024-10-09")))).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_system_admin_imports_a_new_year_and_it_is_counted_audited_and_announced()
    {
        using var client = await AdminAsync();
        const string Year2031 = """
            {"year":2031,"papers":[],"days":[
              {"name":"元旦","date":"2030-12-31","isOffDay":true},
              {"name":"国庆节","date":"2031-09-28","isOffDay":false},
              {"name":"国庆节","date":"2031-10-01","isOffDay":true},
              {"name":"国庆节","date":"2031-10-02","isOffDay":true},
              {"name":"国庆节","date":"2031-10-03","isOffDay":true},
              {"name":"国庆节","date":"2031-10-06","isOffDay":true},
              {"name":"国庆节","date":"2031-10-07","isOffDay":true}]}
            """;

        var response = await client.PostAsync(U("/api/v1/calendar/years"), Json(Year2031));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await JsonOf(response);
        Assert.Equal(2031, result.GetProperty("year").GetInt32());
        Assert.Equal(7, result.GetProperty("added").GetInt32());

        var day = await JsonOf(await client.GetAsync(U("/api/v1/calendar/days/2031-09-28")));
        Assert.Equal("adjusted-workday", day.GetProperty("kind").GetString());
        var count = await JsonOf(await client.GetAsync(U("/api/v1/calendar/add-working-days?from=2031-09-26&days=3")));
        // Fri 09-26 → Sat off, Sun 09-28 worked (1), Mon 09-29 (2), Tue 09-30 (3).
        Assert.Equal("2031-09-30", count.GetProperty("date").GetString());
        // The year before is still not loaded, even though the file lists one of its days; that day can still be removed.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.GetAsync(U("/api/v1/calendar/days/2030-12-31"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(U("/api/v1/calendar/days/2030-12-31"))).StatusCode);

        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            var audit = await db.Set<AuditEntry>().Where(a => a.Action == "calendar.year-imported" && a.Target == "calendar-year:2031").ToListAsync();
            Assert.Equal("calendar.admin", Assert.Single(audit).ActorName);
            var changes = await db.Set<ChangeLogEntry>().Where(c => c.Kind == "calendar.changed").Select(c => c.EntityId).ToListAsync();
            Assert.Contains("2031", changes);
            Assert.Contains("2030", changes);
            var year = await db.Set<CalendarYear>().SingleAsync(y => y.Year == 2031);
            Assert.Equal(CalendarSources.Admin, year.Source);
        }
    }

    [Theory]
    [InlineData("{\"year\":2035,\"days\":[", "不是有效的 JSON")]
    [InlineData("{\"year\":2035,\"days\":[{\"name\":\"国庆节\",\"date\":\"2037-10-01\",\"isOffDay\":true}]}", "不在2035年内")]
    [InlineData("{\"year\":2035,\"days\":[{\"name\":\"元旦\",\"date\":\"2035-01-01\",\"isOffDay\":true},{\"name\":\"元旦\",\"date\":\"2035-01-01\",\"isOffDay\":true}]}", "重复出现")]
    public async Task An_invalid_year_file_is_a_400_problem_and_changes_nothing(string json, string expected)
    {
        using var client = await AdminAsync();

        var response = await client.PostAsync(U("/api/v1/calendar/years"), Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonOf(response);
        Assert.Equal("年度安排无效", problem.GetProperty("title").GetString());
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.GetAsync(U("/api/v1/calendar/days/2035-01-01"))).StatusCode);
    }

    [Fact]
    public async Task A_year_file_must_be_sent_as_json()
    {
        using var client = await AdminAsync();
        using var content = new StringContent("""{"year":2031,"days":[]}""", Encoding.UTF8, "text/plain");

        var response = await client.PostAsync(U("/api/v1/calendar/years"), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task An_admin_marks_a_day_off_and_reverts_it_and_both_are_audited()
    {
        using var client = await AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(U("/api/v1/calendar/years"),
            Json("""{"year":2032,"days":[{"name":"元旦","date":"2032-01-01","isOffDay":true}]}"""))).StatusCode);

        var marked = await client.PutAsync(U("/api/v1/calendar/days/2032-03-10"), Json("""{"isOffDay":true,"name":"台风停工"}"""));

        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        var day = await JsonOf(marked);
        Assert.Equal(["date", "workingDay", "kind", "name"], PropertyNames(day));
        Assert.Equal("holiday", day.GetProperty("kind").GetString());
        // The cache was dropped: the next count already skips the new day off.
        var count = await JsonOf(await client.GetAsync(U("/api/v1/calendar/add-working-days?from=2032-03-09&days=1")));
        Assert.Equal("2032-03-11", count.GetProperty("date").GetString());

        var reverted = await client.DeleteAsync(U("/api/v1/calendar/days/2032-03-10"));

        Assert.Equal(HttpStatusCode.OK, reverted.StatusCode);
        var plain = await JsonOf(reverted);
        Assert.Equal("workday", plain.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("name").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync(U("/api/v1/calendar/days/2032-03-10"))).StatusCode);

        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            var actions = await db.Set<AuditEntry>().Where(a => a.Target == "calendar:2032-03-10").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
            Assert.Equal(["calendar.day-marked", "calendar.day-reverted"], actions);
            Assert.Equal(2, await db.Set<ChangeLogEntry>().CountAsync(c => c.Kind == "calendar.changed" && c.EntityId == "2032" && c.Detail == "2032-03-10"));
            Assert.False(await db.Set<CalendarDay>().AnyAsync(d => d.Date == new DateOnly(2032, 3, 10)));
        }
    }

    [Fact]
    public async Task A_marked_day_replaces_the_official_arrangement_and_records_who_changed_it()
    {
        using var client = await AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(U("/api/v1/calendar/years"),
            Json("""{"year":2033,"days":[{"name":"国庆节","date":"2033-10-01","isOffDay":true}]}"""))).StatusCode);

        var response = await client.PutAsync(U("/api/v1/calendar/days/2033-10-01"), Json("""{"isOffDay":true,"name":"国庆"}"""));

        Assert.Equal("国庆", (await JsonOf(response)).GetProperty("name").GetString());
        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            var row = await db.Set<CalendarDay>().SingleAsync(d => d.Date == new DateOnly(2033, 10, 1));
            Assert.Equal(CalendarSources.Admin, row.Source);
            Assert.Equal("calendar.admin", row.UpdatedBy);
            var detail = await db.Set<AuditEntry>().Where(a => a.Target == "calendar:2033-10-01").Select(a => a.Detail).SingleAsync();
            Assert.Contains("国庆节放假", detail, StringComparison.Ordinal);
            Assert.Contains("国庆放假", detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2024-10-09", """{"isOffDay":false,"name":"调休"}""", "本来就是工作日")]
    [InlineData("2024-10-09", """{"isOffDay":true,"name":""}""", "请填写名称")]
    [InlineData("2024-10-09", """{"name":"台风"}""", "isOffDay")]
    [InlineData("2024-10-9", """{"isOffDay":true,"name":"台风"}""", "yyyy-MM-dd")]
    public async Task Invalid_marks_are_a_400_problem(string date, string body, string expected)
    {
        using var client = await AdminAsync();

        var response = await client.PutAsync(U("/api/v1/calendar/days/" + date), Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await JsonOf(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_a_day_in_a_year_not_yet_imported_asks_for_the_year_first()
    {
        using var client = await AdminAsync();

        var response = await client.PutAsync(U("/api/v1/calendar/days/2041-03-06"), Json("""{"isOffDay":true,"name":"台风停工"}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("请先导入", (await JsonOf(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_calendar_endpoints()
    {
        using var client = factory.CreateClient();

        var document = await client.GetStringAsync(U("/openapi/v1.json"));

        Assert.Contains("/api/v1/calendar/add-working-days", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/calendar/days/{date}", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_are_json_with_utf8_chinese()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(U("/api/v1/calendar/days/2024-10-01"));

        Assert.Equal(new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }, response.Content.Headers.ContentType);
        Assert.Contains("国庆节", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
