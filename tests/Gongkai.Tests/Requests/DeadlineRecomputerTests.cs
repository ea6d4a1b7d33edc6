using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Requests;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Requests;

public sealed class DeadlineRecomputerTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    [Fact]
    public async Task Declaring_the_due_date_a_day_off_moves_open_requests_to_the_next_working_day()
    {
        string bodyCode;
        using (var scope = factory.Services.CreateScope())
        {
            bodyCode = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Body>().Where(b => b.Id == 1).Select(b => b.Code).SingleAsync();
        }

        using var officer = await factory.CreateStaffClientAsync("officer.recompute", StaffRoles.RequestOfficer);
        var filed = await (await officer.PostAsJsonAsync(new Uri("/api/v1/requests", UriKind.Relative), new Dictionary<string, object?>
        {
            ["applicantType"] = "其他", ["name"] = "某协会", ["idType"] = "其他证件", ["idNumber"] = "登记证123", ["email"] = "a@example.cn",
            ["description"] = "某文件", ["form"] = "electronic", ["delivery"] = "email", ["body"] = bodyCode, ["channel"] = "fax", ["receivedOn"] = "2024-09-27",
        })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2024-10-30", filed.GetProperty("dueOn").GetString());
        var number = filed.GetProperty("trackingNumber").GetString();

        using var scope2 = factory.Services.CreateScope();
        var services = scope2.ServiceProvider;
        await services.GetRequiredService<CalendarService>().MarkDayAsync(new DateOnly(2024, 10, 30), isOffDay: true, "测试停工日", "test");
        var follower = services.GetServices<IChangeLogFollower>().OfType<DeadlineRecomputer>().Single();
        await follower.ApplyAsync([new ChangeLogEntry { Kind = CalendarChanges.Changed.Name, Entity = CalendarChanges.Changed.Entity, EntityId = "2024" }], CancellationToken.None);

        using var check = factory.Services.CreateScope();
        var stored = await check.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<DisclosureRequest>().SingleAsync(r => r.TrackingNumber == number);
        Assert.Equal(new DateOnly(2024, 10, 31), stored.DueOn);
    }
}
