using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Platform.Notifications;
using Gongkai.Requests;
using Gongkai.Requests.Rules;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Tests.Requests;

/// <summary>A host whose clock the test moves.</summary>
public sealed class MovableClockFactory : TestAuthFactory
{
    public FakeTimeProvider Clock { get; } = new(FrozenClockFactory.Now);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class RequestReminderJobTests(MovableClockFactory factory) : IClassFixture<MovableClockFactory>
{
    [Theory]
    [InlineData(9, null)]
    [InlineData(6, null)]
    [InlineData(5, 5)]
    [InlineData(2, 5)]
    [InlineData(1, 1)]
    [InlineData(0, 1)]
    [InlineData(-1, null)]
    public void The_rule_names_the_threshold_due_for_the_working_days_left(int left, int? threshold)
    {
        Assert.Equal(threshold, ReminderRule.Due(left));
    }

    /// <summary>China-time morning of <paramref name="date"/>.</summary>
    private void SetToday(DateOnly date) => factory.Clock.SetUtcNow(new DateTimeOffset(date.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero));

    private async Task<int> RunAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RequestReminderJob>().SendDueRemindersAsync();
    }

    [Fact]
    public async Task Officers_are_reminded_five_and_one_working_days_before_the_due_date_once_each()
    {
        SetToday(new DateOnly(2025, 6, 2));
        await factory.CreateStaffClientAsync("officer.reminded", StaffRoles.RequestOfficer);
        string number;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var body = await db.Set<Body>().SingleAsync(b => b.Id == 1);
            var outcome = await scope.ServiceProvider.GetRequiredService<RequestDesk>().FileAsync(new RequestApplication
            {
                ApplicantType = "自然人", Name = "郑十", IdType = "护照", IdNumber = "REM000001", Phone = "13700000000",
                Description = "某桥梁的检测报告", Form = "electronic", Delivery = "online", Body = body.Code,
            }, null);
            Assert.True(outcome.Succeeded, outcome.Refusal?.Message);
            var filed = outcome.Value;
            number = filed.Request.TrackingNumber;
            // Received Mon 2025-06-02 (端午), due Mon 2025-06-30 (see the fee test for the count).
            Assert.Equal(new DateOnly(2025, 6, 30), filed.Request.DueOn);
        }

        async Task<List<OutboxMessage>> RemindersAsync()
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<OutboxMessage>()
                .Where(m => m.Kind == "request.due-soon" && m.Subject.Contains(number)).ToListAsync();
        }

        // Mon 06-16: 10 working days left — nothing yet.
        SetToday(new DateOnly(2025, 6, 16));
        await RunAsync();
        Assert.Empty(await RemindersAsync());

        // Mon 06-23: 5 working days left (24, 25, 26, 27, 30).
        SetToday(new DateOnly(2025, 6, 23));
        await RunAsync();
        await RunAsync();
        // One message per request officer of the body (the case is unassigned), all the same reminder.
        var fiveDay = await RemindersAsync();
        Assert.True(fiveDay.Count >= 2, "every officer of the body is reminded");
        Assert.Equal(fiveDay.Count, fiveDay.Select(m => m.To).Distinct().Count());
        var five = Assert.Single(fiveDay.Select(m => m.Subject).Distinct());
        Assert.Contains("还有5个工作日", five, StringComparison.Ordinal);

        // Tue 06-24 and Thu 06-26: the 5-day reminder is not repeated.
        SetToday(new DateOnly(2025, 6, 26));
        await RunAsync();
        Assert.Equal(fiveDay.Count, (await RemindersAsync()).Count);

        // Fri 06-27: one working day left; sent once however often the job runs.
        SetToday(new DateOnly(2025, 6, 27));
        await RunAsync();
        await RunAsync();
        var reminders = await RemindersAsync();
        Assert.Equal(2 * fiveDay.Count, reminders.Count);
        Assert.Equal(2, reminders.Select(r => r.Subject).Distinct().Count());
        Assert.Contains(reminders, r => r.Subject.Contains("还有1个工作日", StringComparison.Ordinal));

        using var check = factory.Services.CreateScope();
        var rows = await check.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<RequestReminder>()
            .Join(check.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<DisclosureRequest>(), r => r.RequestId, d => d.Id, (r, d) => new { d.TrackingNumber, r.WorkingDaysBefore })
            .Where(r => r.TrackingNumber == number).Select(r => r.WorkingDaysBefore).OrderBy(t => t).ToListAsync();
        Assert.Equal([1, 5], rows);
    }
}
