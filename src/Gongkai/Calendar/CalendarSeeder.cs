using System.Globalization;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Calendar;

/// <summary>
/// Loads the official schedules shipped with the application for every year the database does not have yet — in demo
/// and in production alike, since deadlines need them. A year already present is left alone, and no stored day is
/// ever overwritten, so an administrator's corrections survive upgrades. Years whose file is still empty (not yet
/// published) are skipped: an administrator imports them when the State Council announces them.
/// </summary>
internal sealed class CalendarSeeder(ILogger<CalendarSeeder> logger) : IStartupSeeder
{
    public const string SystemActor = "system";

    public int Order => 0;

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        var loaded = (await db.Set<CalendarYear>().AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken)).ToHashSet();
        var missing = HolidayYearFile.LoadEmbedded().Where(f => f.IsPublished && !loaded.Contains(f.Year)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var stored = (await db.Set<CalendarDay>().AsNoTracking().Select(d => d.Date).ToListAsync(cancellationToken)).ToHashSet();
        var clock = services.GetRequiredService<TimeProvider>();
        var audit = services.GetRequiredService<AuditLog>();
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var day in HolidayYearFile.Merge(missing).Where(d => !stored.Contains(d.Date)))
        {
            db.Add(new CalendarDay
            {
                Date = day.Date, IsOffDay = day.IsOffDay, Name = day.Name, Source = CalendarSources.Official, UpdatedAt = now, UpdatedBy = SystemActor,
            });
            added++;
        }

        foreach (var file in missing)
        {
            db.Add(new CalendarYear { Year = file.Year, Source = CalendarSources.Official, ImportedAt = now });
            var year = file.Year.ToString(CultureInfo.InvariantCulture);
            db.RecordChange(CalendarChanges.Changed, year);
            audit.Record("calendar.year-imported", CalendarService.TargetYear(file.Year),
                string.Create(CultureInfo.InvariantCulture, $"启动时载入{file.Year}年官方节假日安排（{file.Days.Count}天）"), actorName: SystemActor);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node starting at the same moment may have loaded the same years first; then nothing is lost.
            db.ChangeTracker.Clear();
            if (!await AllPresentAsync(db, missing, cancellationToken))
            {
                throw;
            }

            logger.LogInformation("Holiday schedules were loaded concurrently by another node.");
            return;
        }

        services.GetRequiredService<CalendarCache>().Invalidate();
        logger.LogInformation("Loaded official holiday schedules for {Years} ({Days} days).",
            string.Join(", ", missing.Select(f => f.Year)), added);
    }

    private static async Task<bool> AllPresentAsync(GongkaiDbContext db, List<HolidayYearFile> files, CancellationToken cancellationToken)
    {
        var years = files.Select(f => f.Year).ToList();
        var present = await db.Set<CalendarYear>().AsNoTracking().CountAsync(y => years.Contains(y.Year), cancellationToken);
        return present == years.Count;
    }
}
