using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Requests;

/// <summary>An application is received whatever the calendar holds: when the reply period needs a year whose holiday
/// schedule is not imported yet, the application is accepted without a due date instead of being refused.</summary>
public sealed class MissingCalendarYearTests(FrozenClockFactory factory) : IClassFixture<FrozenClockFactory>
{
    [Fact]
    public async Task A_citizen_can_apply_while_the_year_of_the_deadline_is_not_loaded_and_gets_no_guessed_due_date()
    {
        string body;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            body = await db.Set<Body>().Where(b => b.Id == 1).Select(b => b.Code).SingleAsync();
            // "Today" is 2 June 2025, and as if the State Council had not yet published 2025's schedule, the
            // calendar ends with 2024: no deadline can be counted from today.
            await db.Set<CalendarDay>().Where(d => d.Date.Year >= 2025).ExecuteDeleteAsync();
            await db.Set<CalendarYear>().Where(y => y.Year >= 2025).ExecuteDeleteAsync();
        }

        factory.Services.GetRequiredService<CalendarCache>().Invalidate();
        using var citizen = factory.CreateClient();
        var response = await citizen.PostAsJsonAsync(new Uri("/api/v1/requests", UriKind.Relative), new Dictionary<string, object?>
        {
            ["applicantType"] = "自然人",
            ["name"] = "张三",
            ["idType"] = "居民身份证",
            ["idNumber"] = "11010519491231002x",
            ["phone"] = "13800000000",
            ["description"] = "本市2025年老旧小区改造项目清单",
            ["form"] = "electronic",
            ["delivery"] = "email",
            ["email"] = "zhangsan@example.cn",
            ["body"] = body,
        });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var filed = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(filed.GetProperty("trackingNumber").GetString()));
        Assert.Equal("2025-06-02", filed.GetProperty("receivedOn").GetString());
        Assert.Equal(JsonValueKind.Null, filed.GetProperty("dueOn").ValueKind);
    }
}
