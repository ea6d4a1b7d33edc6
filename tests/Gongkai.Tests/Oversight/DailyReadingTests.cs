using System.Net;
using Gongkai.Organizations;
using Gongkai.Oversight;
using Gongkai.Platform.Data;
using Gongkai.Platform.Notifications;
using Gongkai.Publishing;
using Gongkai.Publishing.Rules;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Oversight;

/// <summary>每日读网 on a fake clock (3 December 2026, 22:00 China time): the body admin sets a rota of two readers; the
/// reader of the day sees what the body published since the day before, marks one item read and raises a problem with
/// the other, which reaches its publisher; the reading is kept; the next day the other reader reads only what was
/// published since.</summary>
public sealed class DailyReadingTests
{
    private static async Task<(HttpStatusCode Status, string Text)> PostAsync(HttpClient client, string page, string handler, params (string Key, string Value)[] fields)
    {
        using var response = await client.SubmitAsync(page, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), handler);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_reader_of_the_day_reads_what_was_published_since_the_last_reading_and_a_problem_reaches_the_publisher()
    {
        await using var host = new OversightClockFactory();
        var china = TimeSpan.FromHours(8);
        Body body;
        int first, second;
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var published = await db.Set<Document>().Where(d => d.Status == DocumentStatus.Published).OrderBy(d => d.Id).ToListAsync();
            var own = published.GroupBy(d => d.BodyId).First(g => g.Count() >= 2).ToList();
            body = await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Id == own[0].BodyId);
            // Two of the body's documents published on 3 December; another body's on 3 December too.
            own[0].PublishedAt = new DateTimeOffset(2026, 12, 3, 9, 0, 0, china).ToUniversalTime();
            own[0].SubmittedBy = "reading.publisher";
            own[1].PublishedAt = new DateTimeOffset(2026, 12, 3, 15, 0, 0, china).ToUniversalTime();
            foreach (var older in own.Skip(2))
            {
                older.PublishedAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, china).ToUniversalTime();
            }
            if (published.FirstOrDefault(d => d.BodyId != body.Id) is { } elsewhere)
            {
                elsewhere.PublishedAt = new DateTimeOffset(2026, 12, 3, 10, 0, 0, china).ToUniversalTime();
            }

            (first, second) = (own[0].Id, own[1].Id);
            await db.SaveChangesAsync();

            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            foreach (var (name, role) in new[] { ("reading.one", StaffRoles.Editor), ("reading.two", StaffRoles.Editor), ("reading.publisher", StaffRoles.Editor), ("reading.admin", StaffRoles.BodyAdmin) })
            {
                var user = new StaffUser { UserName = name, Email = $"{name}@example.cn", BodyId = body.Id, DisplayName = name };
                Assert.True((await users.CreateAsync(user)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            }
        }

        HttpClient Staff(string name, string role) =>
            host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SignedInAs(name, body.Id, role);
        var page = $"/admin/oversight/reading?body={body.Code}";
        using var admin = Staff("reading.admin", StaffRoles.BodyAdmin);
        using var one = Staff("reading.one", StaffRoles.Editor);
        using var two = Staff("reading.two", StaffRoles.Editor);

        // A rota naming someone who is not the body's staff is refused by name, and what was typed is kept.
        var refused = await PostAsync(admin, page, "Rota", ("readers", "reading.one\nnobody.here"), ("startsOn", "2026-12-03"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("nobody.here", refused.Text, StringComparison.Ordinal);
        Assert.Contains("不是", refused.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, page, "Rota", ("readers", "reading.one\nreading.two"), ("startsOn", "2026-12-03"))).Status);
        // An editor cannot change the rota.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(one, page, "Rota", ("readers", "reading.one"), ("startsOn", "2026-12-03"))).Status);

        // Today is reading.one's day; reading.two may not start it.
        var today = await one.GetStringAsync(new Uri(page, UriKind.Relative));
        Assert.Contains("今日读网人员：<strong>reading.one</strong>", today, StringComparison.Ordinal);
        Assert.Contains("上次读网以来新发布 2 条内容", today, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(two, page, "Start")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(one, page, "Start")).Status);

        int firstItem, secondItem;
        using (var scope = host.Services.CreateScope())
        {
            var reading = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<DailyReading>().Include(r => r.Items).SingleAsync(r => r.BodyId == body.Id);
            Assert.Equal(new DateOnly(2026, 12, 3), reading.ReadOn);
            Assert.Equal([first, second], reading.Items.OrderBy(i => i.PublishedAt).Select(i => i.DocumentId));
            firstItem = reading.Items.Single(i => i.DocumentId == first).Id;
            secondItem = reading.Items.Single(i => i.DocumentId == second).Id;
        }

        // An empty problem note is refused; then a problem raised with the first reaches its publisher; the second is read.
        var empty = await PostAsync(one, page, "Problem", ("item", firstItem.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("problem", " "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Contains("请写明发现的问题", empty.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(one, page, "Problem", ("item", firstItem.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("problem", "第二段“绵阳”误作“棉阳”。"))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(one, page, "Read", ("item", secondItem.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Status);
        // Marking an item twice is refused (asked through the admin's page: the reader's has no form left to post from).
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(admin, page, "Read", ("item", secondItem.ToString(System.Globalization.CultureInfo.InvariantCulture)))).Status);

        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var sent = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Kind == DailyReadingDesk.ProblemNotificationKind).ToListAsync();
            var message = Assert.Single(sent);
            Assert.Equal("reading.publisher@example.cn", message.To);
            Assert.Contains("“绵阳”误作“棉阳”", message.Body, StringComparison.Ordinal);
            var reading = await db.Set<DailyReading>().AsNoTracking().SingleAsync(r => r.BodyId == body.Id);
            Assert.NotNull(reading.CompletedAt);
        }

        Assert.Single(await OversightTestData.AuditAsync(host.Services, "reading.problem-raised"));
        var done = await one.GetStringAsync(new Uri(page, UriKind.Relative));
        Assert.Contains("有问题：第二段“绵阳”误作“棉阳”。", done, StringComparison.Ordinal);
        Assert.Contains("已读", done, StringComparison.Ordinal);

        // The next day is reading.two's, and only what was published since the first reading is new.
        host.Clock.Advance(TimeSpan.FromHours(12));
        var nextDay = await two.GetStringAsync(new Uri(page, UriKind.Relative));
        Assert.Contains("今日读网人员：<strong>reading.two</strong>", nextDay, StringComparison.Ordinal);
        Assert.Contains("上次读网以来新发布 0 条内容", nextDay, StringComparison.Ordinal);
        Assert.Contains("reading.one", nextDay, StringComparison.Ordinal);   // yesterday's reading in the record
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(two, page, "Start")).Status);
    }
}
