using System.Globalization;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Channels.Rules;

/// <summary>One section of a notice board (公示栏): its heading, the catalogue columns it shows, how many items.</summary>
public sealed record NoticeBoardSection(string Heading, IReadOnlyList<int> NodeIds, int Count);

/// <summary>
/// 标准化公示栏 (work plan 十一): the body configures the sections of its board, each showing the latest items of chosen
/// columns of its 主动公开目录. Sections are entered one a line as “栏目名称|栏目编号,栏目编号|条数”.
/// </summary>
public static class NoticeBoardRules
{
    public const int MaxSections = 8;
    public const int MaxItemsPerSection = 10;
    public const int MaxHeadingLength = 20;

    public static Outcome<IReadOnlyList<NoticeBoardSection>> ParseSections(string? text, IReadOnlySet<int> bodyColumns)
    {
        ArgumentNullException.ThrowIfNull(bodyColumns);
        var sections = new List<NoticeBoardSection>();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            return Refusal.InvalidField("sections", "请至少设置一个栏目（每行一个：栏目名称|栏目编号,栏目编号|条数）。", "公示栏栏目有误");
        }

        if (lines.Count > MaxSections)
        {
            return Refusal.InvalidField("sections", $"公示栏最多 {MaxSections} 个栏目。", "公示栏栏目有误");
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var parts = lines[i].Split('|', '｜').Select(p => p.Trim()).ToArray();
            if (parts.Length != 3)
            {
                return Invalid($"第 {number} 行应为“栏目名称|栏目编号,栏目编号|条数”三部分。");
            }

            if (parts[0].Length == 0 || parts[0].Length > MaxHeadingLength)
            {
                return Invalid($"第 {number} 行的栏目名称应为 1 至 {MaxHeadingLength} 个字。");
            }

            var nodes = new List<int>();
            foreach (var id in parts[1].Split(',', '，', '、', ' ').Where(p => p.Length > 0))
            {
                if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var node) || !bodyColumns.Contains(node))
                {
                    return Invalid($"第 {number} 行的栏目编号“{id}”不是本单位主动公开目录中的栏目。");
                }

                nodes.Add(node);
            }

            if (nodes.Count == 0)
            {
                return Invalid($"第 {number} 行请填写至少一个栏目编号。");
            }

            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > MaxItemsPerSection)
            {
                return Invalid($"第 {number} 行的条数应为 1 至 {MaxItemsPerSection}。");
            }

            sections.Add(new NoticeBoardSection(parts[0], nodes.Distinct().ToList(), count));
        }

        // Through Success: a conversion to Outcome<T> is not applied where T is an interface type.
        return Outcome.Success<IReadOnlyList<NoticeBoardSection>>(sections);
    }

    public static string Format(IEnumerable<NoticeBoardSection> sections) =>
        string.Join('\n', sections.Select(s => $"{s.Heading}|{string.Join(',', s.NodeIds)}|{s.Count}"));

    /// <summary>Reads sections stored by <see cref="Format"/> (already checked when saved).</summary>
    public static IReadOnlyList<NoticeBoardSection> Stored(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('|')).Where(p => p.Length == 3)
            .Select(p => new NoticeBoardSection(p[0], p[1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList(),
                int.Parse(p[2], CultureInfo.InvariantCulture)))
            .ToList();

    private static Refusal Invalid(string message) => Refusal.InvalidField("sections", message, "公示栏栏目有误");
}
