using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Calendar;

/// <summary>Where a calendar row came from.</summary>
public static class CalendarSources
{
    /// <summary>The State Council schedule shipped with the application.</summary>
    public const string Official = "official";

    /// <summary>Entered or imported by a system administrator (a newly published year, a one-off closure).</summary>
    public const string Admin = "admin";
}

/// <summary>A date that differs from the weekday/weekend rule: a day off or a make-up working day.</summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }

    /// <summary>True for a day off, false for a make-up working day (调休上班).</summary>
    public bool IsOffDay { get; set; }

    /// <summary>The holiday the arrangement belongs to, e.g. 国庆节.</summary>
    public required string Name { get; set; }

    /// <summary><see cref="CalendarSources.Official"/> or <see cref="CalendarSources.Admin"/>; the startup seeder never
    /// overwrites admin rows.</summary>
    public required string Source { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

/// <summary>A year whose schedule is loaded. Dates in years without a row cannot be counted.</summary>
public sealed class CalendarYear
{
    public int Year { get; set; }

    public required string Source { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}

internal sealed class CalendarConfiguration : IEntityTypeConfiguration<CalendarDay>, IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("calendar_days");
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Name).HasMaxLength(HolidayYearFile.MaxNameLength);
        builder.Property(d => d.Source).HasMaxLength(16);
        builder.Property(d => d.UpdatedBy).HasMaxLength(128);
    }

    public void Configure(EntityTypeBuilder<CalendarYear> builder)
    {
        builder.ToTable("calendar_years");
        builder.HasKey(y => y.Year);
        builder.Property(y => y.Year).ValueGeneratedNever();
        builder.Property(y => y.Source).HasMaxLength(16);
    }
}
