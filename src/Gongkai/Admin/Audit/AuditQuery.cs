using Gongkai.Platform.Audit;
using System.Globalization;
using System.Security.Claims;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Time;

namespace Gongkai.Admin.Audit;

/// <summary>What to look for in the audit log. Days are China days, both ends included.</summary>
public sealed record AuditFilter(DateOnly? From, DateOnly? To, string? Actor, string? Action, int? BodyId, string? Target, int Page, int Size)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    /// <summary>Reads the filter from query-string text, collecting Chinese messages per field for what cannot be read.</summary>
    public static (AuditFilter Filter, Dictionary<string, string[]> Errors) Parse(
        string? from, string? to, string? actor, string? action, string? bodyId, string? target, string? page, string? size)
    {
        var errors = new Dictionary<string, string[]>();
        DateOnly? Day(string name, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            errors[name] = ["日期格式应为 yyyy-MM-dd，例如 2026-03-01。"];
            return null;
        }

        int? Number(string name, string? text, int min, int max, string message)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            errors[name] = [message];
            return null;
        }

        var fromDay = Day("from", from);
        var toDay = Day("to", to);
        if (fromDay is not null && toDay is not null && fromDay > toDay)
        {
            errors["to"] = ["结束日期不能早于开始日期。"];
        }

        var filter = new AuditFilter(
            fromDay,
            toDay,
            Blank(actor),
            Blank(action),
            Number("bodyId", bodyId, 1, int.MaxValue, "单位编号应为正整数。"),
            Blank(target),
            Number("page", page, 1, 100_000, "页码应为正整数。") ?? 1,
            Number("size", size, 1, MaxSize, $"每页条数应在 1 到 {MaxSize} 之间。") ?? DefaultSize);
        return (filter, errors);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed record AuditRow(long Id, DateTimeOffset At, string? ActorId, string ActorName, int? BodyId, string? BodyName,
    string Action, string Target, string? Detail, string? ClientAddress);

public sealed record AuditPage(IReadOnlyList<AuditRow> Items, int Page, int Size, bool HasMore);

/// <summary>Reading the audit log, newest first, limited to the bodies the viewer may see (system admins: all,
/// including rows without a body such as sign-in attempts with unknown names; body admins: their body and its
/// sub-bodies; auditors: their body).</summary>
/// <remarks>The audit log is append-only: the application offers no way to edit or delete an entry — not in the
/// console, not in the API, not on the command line. Only <see cref="AuditLog"/> writes, and only inserts.</remarks>
public sealed class AuditQuery(GongkaiDbContext db, BodyScope scope, BodyDirectory directory)
{
    /// <summary>The page of entries, or null when the filter asks for a body outside the viewer's scope.</summary>
    public async Task<AuditPage?> SearchAsync(ClaimsPrincipal viewer, AuditFilter filter, CancellationToken cancellationToken = default)
    {
        var inScope = await scope.BodiesInScopeAsync(viewer, cancellationToken);
        if (filter.BodyId is { } wanted && inScope is not null && !inScope.Contains(wanted))
        {
            return null;
        }

        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (inScope is not null)
        {
            entries = entries.Where(e => e.BodyId != null && inScope.Contains(e.BodyId.Value));
        }

        if (filter.BodyId is { } bodyId)
        {
            entries = entries.Where(e => e.BodyId == bodyId);
        }

        if (filter.From is { } from)
        {
            var start = ChinaTime.StartOfDay(from);
            entries = entries.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = ChinaTime.StartOfDay(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }

        if (filter.Actor is { } actor)
        {
            entries = entries.Where(e => e.ActorName.Contains(actor));
        }

        if (filter.Action is { } action)
        {
            entries = entries.Where(e => e.Action.StartsWith(action));
        }

        if (filter.Target is { } target)
        {
            entries = entries.Where(e => e.Target.Contains(target));
        }

        // One row more than the page tells whether there is a next page, without counting a large table.
        var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((filter.Page - 1) * filter.Size).Take(filter.Size + 1)
            .ToListAsync(cancellationToken);
        var names = (await directory.LoadAsync(cancellationToken)).All.ToDictionary(b => b.Id, b => b.Name);
        var items = rows.Take(filter.Size)
            .Select(e => new AuditRow(e.Id, e.At, e.ActorId, e.ActorName, e.BodyId, e.BodyId is { } id ? names.GetValueOrDefault(id) : null,
                e.Action, e.Target, e.Detail, e.ClientAddress))
            .ToList();
        return new AuditPage(items, filter.Page, filter.Size, rows.Count > filter.Size);
    }

    /// <summary>The bodies a viewer may filter by.</summary>
    public async Task<List<Body>> BodiesAsync(ClaimsPrincipal viewer, CancellationToken cancellationToken = default)
    {
        var inScope = await scope.BodiesInScopeAsync(viewer, cancellationToken);
        return (await directory.LoadAsync(cancellationToken)).All.Where(b => inScope == null || inScope.Contains(b.Id))
            .OrderBy(b => b.Kind).ThenBy(b => b.SortOrder).ThenBy(b => b.Id).ToList();
    }
}
