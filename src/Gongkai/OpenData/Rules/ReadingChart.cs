using System.Globalization;

namespace Gongkai.OpenData.Rules;

/// <summary>One reading of a series: a day and its value.</summary>
public sealed record ChartPoint(DateOnly Day, decimal Value);

/// <summary>A point placed in the drawing's coordinates.</summary>
public sealed record PlottedPoint(DateOnly Day, decimal Value, double X, double Y);

/// <summary>A horizontal grid line with its label.</summary>
public sealed record ChartTick(double Y, string Label);

/// <summary>The readings of one site and pollutant, oldest first.</summary>
public sealed record ReadingSeries(string Site, string Pollutant, string Unit, IReadOnlyList<ChartPoint> Points);

/// <summary>
/// The geometry of a server-drawn line chart (SVG, no script): the value axis from 0 to a round number above the
/// largest value with five grid lines, days placed by date (a missing day leaves a gap in spacing, not a false even
/// step), and the polyline through the points. A rule without I/O; the page writes the SVG and the table beside it.
/// </summary>
public sealed record ReadingChart(IReadOnlyList<PlottedPoint> Points, IReadOnlyList<ChartTick> Ticks, string Polyline, double Width, double Height)
{
    public const double Left = 56;
    public const double Right = 12;
    public const double Top = 12;
    public const double Bottom = 32;

    /// <summary>The y of the value axis' zero line.</summary>
    public double Baseline => Height - Bottom;

    public static ReadingChart Plot(IReadOnlyList<ChartPoint> points, double width = 560, double height = 220)
    {
        ArgumentNullException.ThrowIfNull(points);
        var ordered = points.OrderBy(p => p.Day).ToList();
        var top = NiceCeiling(ordered.Count == 0 ? 0 : ordered.Max(p => p.Value));
        var plotWidth = width - Left - Right;
        var plotHeight = height - Top - Bottom;
        var first = ordered.Count == 0 ? DateOnly.MinValue : ordered[0].Day;
        var span = ordered.Count < 2 ? 0 : ordered[^1].Day.DayNumber - first.DayNumber;
        var plotted = ordered.Select(p => new PlottedPoint(
            p.Day,
            p.Value,
            Round(span == 0 ? Left + (plotWidth / 2) : Left + (plotWidth * (p.Day.DayNumber - first.DayNumber) / span)),
            Round(Top + (plotHeight * (1 - (double)(p.Value / top)))))).ToList();
        var ticks = Enumerable.Range(0, 5).Select(i => new ChartTick(Round(Top + (plotHeight * (1 - (i / 4.0)))), Number(top * i / 4))).ToList();
        var polyline = string.Join(" ", plotted.Select(p => $"{Number(p.X)},{Number(p.Y)}"));
        return new ReadingChart(plotted, ticks, polyline, width, height);
    }

    /// <summary>1, 2, 2.5 or 5 times a power of ten, at least the value (and at least 1, so an all-zero series draws).</summary>
    public static decimal NiceCeiling(decimal value)
    {
        if (value <= 1)
        {
            return value <= 0 ? 1 : value <= 0.5m ? (value <= 0.25m ? (value <= 0.1m ? 0.1m : 0.25m) : 0.5m) : 1;
        }

        var power = 1m;
        while (power * 10 < value)
        {
            power *= 10;
        }

        foreach (var step in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (power * step >= value)
            {
                return power * step;
            }
        }

        return power * 10;
    }

    /// <summary>Groups readings into one series per site and pollutant (and unit, so mg and μg never share an axis),
    /// each keeping its latest <paramref name="days"/> days, oldest first; series in site order, then pollutant order.</summary>
    public static IReadOnlyList<ReadingSeries> Series(IEnumerable<IReadOnlyDictionary<string, string>> readings, IReadOnlyList<string> pollutantOrder, int days = 30)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(pollutantOrder);
        var points = new List<(string Site, string Pollutant, string Unit, ChartPoint Point)>();
        foreach (var reading in readings)
        {
            if (reading.GetValueOrDefault("site") is { } site && reading.GetValueOrDefault("pollutant") is { } pollutant
                && DateOnly.TryParseExact(reading.GetValueOrDefault("measuredOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                && decimal.TryParse(reading.GetValueOrDefault("value"), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                points.Add((site, pollutant, reading.GetValueOrDefault("unit") ?? "", new ChartPoint(day, value)));
            }
        }

        var order = pollutantOrder.ToList();
        return points
            .GroupBy(p => (p.Site, p.Pollutant, p.Unit))
            .Select(g => new ReadingSeries(g.Key.Site, g.Key.Pollutant, g.Key.Unit,
                g.GroupBy(p => p.Point.Day).Select(d => d.Last().Point).OrderByDescending(p => p.Day).Take(days).OrderBy(p => p.Day).ToList()))
            .OrderBy(s => s.Site, StringComparer.Ordinal)
            .ThenBy(s => order.IndexOf(s.Pollutant) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(s => s.Pollutant, StringComparer.Ordinal)
            .ToList();
    }

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static double Round(double value) => Math.Round(value, 1);
}
