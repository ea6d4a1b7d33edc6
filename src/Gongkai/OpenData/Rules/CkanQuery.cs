using System.Globalization;
using Gongkai.Platform.Outcomes;

namespace Gongkai.OpenData.Rules;

/// <summary>What <see cref="CkanQuery"/> filters and sorts: a dataset as CKAN's search index sees it.</summary>
public sealed record CkanSearchItem(
    Guid Id,
    string Name,
    string Title,
    string Notes,
    string Organization,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Formats,
    IReadOnlyList<string> Groups,
    string LicenceId,
    DateTimeOffset MetadataCreated,
    DateTimeOffset MetadataModified);

/// <summary>One clause of a filter query: <c>field:value</c>, <c>-field:value</c>, <c>field:(a OR b)</c> or a range
/// <c>field:[X TO Y]</c> (<c>*</c> open).</summary>
public sealed record CkanClause(string Field, IReadOnlyList<string> Values, bool Negated, string? From = null, string? To = null)
{
    public bool IsRange => From is not null || To is not null;
}

/// <summary>
/// The subset of Solr query syntax CKAN clients and harvesters send to <c>package_search</c>: free text in
/// <c>q</c> (<c>*:*</c> for everything, fielded terms allowed), <c>fq</c> clauses ANDed (<c>organization:x</c>,
/// <c>-organization:y</c>, <c>tags:"a b"</c>, <c>res_format:(CSV OR JSON)</c>, <c>metadata_modified:[2024-01-01T00:00:00Z
/// TO *]</c>), and <c>sort</c> as comma-separated "field direction" pairs. Matching is done over the whole (small)
/// catalogue in memory. Pure: no I/O.
/// </summary>
public static class CkanQuery
{
    public const string DefaultSort = "score desc, metadata_modified desc";

    public static IReadOnlyList<string> Fields { get; } =
        ["id", "name", "title", "notes", "text", "organization", "tags", "res_format", "groups", "license_id", "metadata_modified", "metadata_created", "type", "state"];

    private static readonly string[] SortFields = ["score", "name", "title", "title_string", "metadata_modified", "metadata_created", "id"];

    /// <summary>Splits a query into clauses; bare words become <c>text</c> clauses. Unknown fields and unbalanced
    /// quotes, parentheses or brackets are refused (CKAN answers them with a Search Query Error).</summary>
    public static Outcome<IReadOnlyList<CkanClause>> Parse(string? query)
    {
        var clauses = new List<CkanClause>();
        var text = (query ?? "").Trim();
        if (text is "" or "*:*" or "*")
        {
            return clauses;
        }

        var position = 0;
        while (position < text.Length)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            if (position >= text.Length)
            {
                break;
            }

            var negated = false;
            if (text[position] is '-' or '+')
            {
                negated = text[position] == '-';
                position++;
            }

            if (text.AsSpan(position).StartsWith("AND ") || text.AsSpan(position).StartsWith("&& "))
            {
                position += 3;
                continue;
            }

            var (token, next, error) = ReadToken(text, position);
            if (error is not null)
            {
                return Refusal.Invalid(error);
            }

            position = next;
            if (token is "*:*" or "")
            {
                continue;
            }

            var colon = IndexOfFieldColon(token);
            string field;
            string value;
            if (colon > 0)
            {
                field = token[..colon];
                value = token[(colon + 1)..];
            }
            else
            {
                field = "text";
                value = token;
            }

            if (!Fields.Contains(field))
            {
                return Refusal.Invalid($"未知的检索字段“{field}”。可用字段：{string.Join(", ", Fields)}");
            }

            if (value.StartsWith('[') || value.StartsWith('{'))
            {
                var inner = value[1..^1];
                var parts = inner.Split(" TO ", StringSplitOptions.TrimEntries);
                if (parts.Length != 2)
                {
                    return Refusal.Invalid($"范围“{value}”应写作 [起 TO 止]。");
                }

                clauses.Add(new CkanClause(field, [], negated, parts[0] == "*" ? "" : parts[0], parts[1] == "*" ? "" : parts[1]));
                continue;
            }

            IReadOnlyList<string> values = value.StartsWith('(')
                ? value[1..^1].Split(" OR ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Unquote).ToList()
                : [Unquote(value)];
            clauses.Add(new CkanClause(field, values, negated));
        }

        // "a OR b" between bare clauses: fold into one clause of alternatives on the same field.
        return Outcome.Success<IReadOnlyList<CkanClause>>(Fold(clauses));
    }

    public static bool Matches(CkanSearchItem item, IReadOnlyList<CkanClause> clauses)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(clauses);
        foreach (var clause in clauses)
        {
            var hit = clause.IsRange ? InRange(item, clause) : clause.Values.Any(v => MatchesValue(item, clause.Field, v));
            if (hit == clause.Negated)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How well free text matches (0 when <paramref name="clauses"/> hold none): title hits count three times.</summary>
    public static int Score(CkanSearchItem item, IReadOnlyList<CkanClause> clauses)
    {
        ArgumentNullException.ThrowIfNull(item);
        var score = 0;
        foreach (var clause in clauses.Where(c => c.Field == "text" && !c.Negated))
        {
            foreach (var value in clause.Values)
            {
                score += (item.Title.Contains(value, StringComparison.OrdinalIgnoreCase) ? 3 : 0)
                    + (item.Notes.Contains(value, StringComparison.OrdinalIgnoreCase) ? 1 : 0)
                    + (item.Tags.Any(t => t.Equals(value, StringComparison.OrdinalIgnoreCase)) ? 2 : 0);
            }
        }

        return score;
    }

    /// <summary>Reads <c>sort</c> ("metadata_modified desc, name asc"); unknown fields or directions are refused.</summary>
    public static Outcome<IReadOnlyList<(string Field, bool Descending)>> ParseSort(string? sort)
    {
        var keys = new List<(string, bool)>();
        foreach (var part in (string.IsNullOrWhiteSpace(sort) ? DefaultSort : sort).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var direction = words.Length > 1 ? words[1].ToLowerInvariant() : "asc";
            if (!SortFields.Contains(words[0]) || direction is not ("asc" or "desc") || words.Length > 2)
            {
                return Refusal.Invalid($"无法按“{part}”排序。可用：{string.Join(", ", SortFields)}，方向 asc 或 desc。");
            }

            keys.Add((words[0], direction == "desc"));
        }

        return keys;
    }

    public static IEnumerable<CkanSearchItem> Sort(IEnumerable<CkanSearchItem> items, IReadOnlyList<(string Field, bool Descending)> keys, IReadOnlyList<CkanClause> clauses)
    {
        var list = items.Select(i => (Item: i, Score: Score(i, clauses))).ToList();
        list.Sort((a, b) =>
        {
            foreach (var (field, descending) in keys)
            {
                var order = field switch
                {
                    "score" => a.Score.CompareTo(b.Score),
                    "name" => string.CompareOrdinal(a.Item.Name, b.Item.Name),
                    "title" or "title_string" => string.Compare(a.Item.Title, b.Item.Title, StringComparison.Ordinal),
                    "metadata_modified" => a.Item.MetadataModified.CompareTo(b.Item.MetadataModified),
                    "metadata_created" => a.Item.MetadataCreated.CompareTo(b.Item.MetadataCreated),
                    "id" => string.CompareOrdinal(a.Item.Id.ToString("D"), b.Item.Id.ToString("D")),
                    _ => 0,
                };
                if (order != 0)
                {
                    return descending ? -order : order;
                }
            }

            return string.CompareOrdinal(a.Item.Name, b.Item.Name);
        });
        return list.Select(x => x.Item);
    }

    private static List<CkanClause> Fold(List<CkanClause> clauses)
    {
        // The tokenizer keeps "OR" as a text clause; merge "x OR y" into one clause when both sides share a field.
        var result = new List<CkanClause>();
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            while (i + 2 < clauses.Count && clauses[i + 1] is { Field: "text", Negated: false } or1 && or1.Values is ["OR"]
                && clauses[i + 2].Field == clause.Field && !clauses[i + 2].IsRange && !clause.IsRange && clauses[i + 2].Negated == clause.Negated)
            {
                clause = clause with { Values = [.. clause.Values, .. clauses[i + 2].Values] };
                i += 2;
            }

            result.Add(clause);
        }

        return result;
    }

    private static bool MatchesValue(CkanSearchItem item, string field, string value)
    {
        var any = value == "*";
        return field switch
        {
            "id" => any || item.Id.ToString("D").Equals(value, StringComparison.OrdinalIgnoreCase),
            "name" => any || item.Name.Equals(value, StringComparison.OrdinalIgnoreCase),
            "title" => any || item.Title.Contains(value, StringComparison.OrdinalIgnoreCase),
            "notes" => any || item.Notes.Contains(value, StringComparison.OrdinalIgnoreCase),
            "organization" => any || item.Organization.Equals(value, StringComparison.OrdinalIgnoreCase),
            "tags" => any ? item.Tags.Count > 0 : item.Tags.Any(t => t.Equals(value, StringComparison.OrdinalIgnoreCase)),
            "res_format" => any ? item.Formats.Count > 0 : item.Formats.Any(t => t.Equals(value, StringComparison.OrdinalIgnoreCase)),
            "groups" => any ? item.Groups.Count > 0 : item.Groups.Any(t => t.Equals(value, StringComparison.OrdinalIgnoreCase)),
            "license_id" => any || item.LicenceId.Equals(value, StringComparison.OrdinalIgnoreCase),
            "type" => any || value == "dataset",
            "state" => any || value == "active",
            "metadata_modified" or "metadata_created" => any,
            _ => any || item.Title.Contains(value, StringComparison.OrdinalIgnoreCase)
                || item.Notes.Contains(value, StringComparison.OrdinalIgnoreCase)
                || item.Name.Contains(value, StringComparison.OrdinalIgnoreCase)
                || item.Organization.Equals(value, StringComparison.OrdinalIgnoreCase)
                || item.Tags.Any(t => t.Contains(value, StringComparison.OrdinalIgnoreCase)),
        };
    }

    private static bool InRange(CkanSearchItem item, CkanClause clause)
    {
        var at = clause.Field switch
        {
            "metadata_modified" => item.MetadataModified,
            "metadata_created" => item.MetadataCreated,
            _ => (DateTimeOffset?)null,
        };
        if (at is null)
        {
            // Text ranges compare names (what Solr does for string fields).
            var text = clause.Field == "name" ? item.Name : item.Title;
            return (string.IsNullOrEmpty(clause.From) || string.CompareOrdinal(text, clause.From) >= 0)
                && (string.IsNullOrEmpty(clause.To) || string.CompareOrdinal(text, clause.To) <= 0);
        }

        return (string.IsNullOrEmpty(clause.From) || at >= ReadInstant(clause.From))
            && (string.IsNullOrEmpty(clause.To) || at <= ReadInstant(clause.To));
    }

    /// <summary>Solr dates (2024-01-01T00:00:00Z, also with NOW); an unreadable bound matches nothing below it.</summary>
    private static DateTimeOffset ReadInstant(string text) =>
        text.StartsWith("NOW", StringComparison.Ordinal) ? DateTimeOffset.MaxValue
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
        : DateTimeOffset.MaxValue;

    private static (string Token, int Next, string? Error) ReadToken(string text, int start)
    {
        var i = start;
        var depth = 0;
        var quoted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (!quoted && c is ')' or ']' or '}')
            {
                depth--;
                if (depth < 0)
                {
                    return ("", i, $"第 {i + 1} 个字符“{c}”没有对应的左括号。");
                }
            }
            else if (!quoted && depth == 0 && char.IsWhiteSpace(c))
            {
                break;
            }

            i++;
        }

        if (quoted)
        {
            return ("", i, "引号没有闭合。");
        }

        if (depth != 0)
        {
            return ("", i, "括号没有闭合。");
        }

        return (text[start..i], i, null);
    }

    private static int IndexOfFieldColon(string token)
    {
        if (token.StartsWith('"'))
        {
            return -1;
        }

        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && token[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? colon : -1;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal) : value;
}
