using Gongkai.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Calendar;

/// <summary>Loading the shipped schedules at startup, and leaving administrators' corrections alone.</summary>
public sealed class CalendarSeederTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private async Task RunSeederAgainAsync()
    {
        using var scope = factory.Services.CreateScope();
        var seeder = scope.ServiceProvider.GetServices<IStartupSeeder>().OfType<CalendarSeeder>().Single();
        await seeder.SeedAsync(scope.ServiceProvider, demo: false, CancellationToken.None);
    }

    [Fact]
    public async Task Startup_loads_every_published_official_year_and_not_the_empty_2027_file()
    {
        _ = factory.Server;
        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            var years = await db.Set<CalendarYear>().OrderBy(y => y.Year).ToListAsync();
            Assert.Equal(Enumerable.Range(2017, 10), years.Select(y => y.Year));
            Assert.All(years, y => Assert.Equal(CalendarSources.Official, y.Source));

            var nationalDay = await db.Set<CalendarDay>().SingleAsync(d => d.Date == new DateOnly(2024, 10, 1));
            Assert.True(nationalDay.IsOffDay);
            Assert.Equal("国庆节", nationalDay.Name);
            Assert.Equal(CalendarSources.Official, nationalDay.Source);
            // December days published in the next year's file are loaded too.
            Assert.False((await db.Set<CalendarDay>().SingleAsync(d => d.Date == new DateOnly(2018, 12, 29))).IsOffDay);
        }
    }

    [Fact]
    public async Task Seeding_again_changes_nothing_and_keeps_administrators_corrections()
    {
        _ = factory.Server;
        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            // An administrator corrected a 2019 day; then 2019 is found missing (say, restored from an old backup).
            var day = await db.Set<CalendarDay>().SingleAsync(d => d.Date == new DateOnly(2019, 10, 7));
            day.Name = "国庆节（更正）";
            day.Source = CalendarSources.Admin;
            db.Remove(await db.Set<CalendarYear>().SingleAsync(y => y.Year == 2019));
            await db.SaveChangesAsync();
        }

        var daysBefore = await CountAsync<CalendarDay>();
        await RunSeederAgainAsync();
        await RunSeederAgainAsync();

        db = factory.NewDbContext(out scope);
        using (scope)
        {
            Assert.True(await db.Set<CalendarYear>().AnyAsync(y => y.Year == 2019));
            var day = await db.Set<CalendarDay>().SingleAsync(d => d.Date == new DateOnly(2019, 10, 7));
            Assert.Equal("国庆节（更正）", day.Name);
            Assert.Equal(CalendarSources.Admin, day.Source);
            Assert.Equal(daysBefore, await db.Set<CalendarDay>().CountAsync());
            Assert.Equal(2, await db.Set<ChangeLogEntry>().CountAsync(c => c.Kind == "calendar.changed" && c.EntityId == "2019"));
        }
    }

    private async Task<int> CountAsync<T>()
        where T : class
    {
        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<T>().CountAsync();
        }
    }
}
