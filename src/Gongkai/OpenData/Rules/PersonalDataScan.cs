using System.Text;
using Gongkai.Safeguards;

namespace Gongkai.OpenData.Rules;

/// <summary>How staff declared a column the scan flagged: its values are not personal data (a body's own hotline, a
/// company's registered address), or they are already masked in the file (110***********1234).</summary>
public enum ColumnDeclaration
{
    NotPersonal,
    Masked,
}

/// <summary>Personal data of one kind found in one column: how many cells, and the first rows (data rows counted from
/// 1, the header not counted).</summary>
public sealed record ColumnFinding(string Column, FindingKind Kind, int Count, IReadOnlyList<int> Rows);

/// <summary>
/// The personal-data scan of an uploaded file dataset's cells with the safeguards' detectors (ID numbers, phones, bank
/// cards, e-mail, passports, addresses, names, plates). Each cell is checked as “列名：值”, so a labelled detector sees
/// the column's name as the label (a column 姓名 holding 张三). Cells are checked a column at a time in chunks, so a
/// large table costs a few hundred checks rather than one per cell. No I/O.
/// </summary>
public static class PersonalDataScan
{
    /// <summary>Rows named per finding; the count says how many more.</summary>
    public const int RowsListed = 10;

    /// <summary>Characters per check: well under <see cref="SafeguardsChecker.MaxTextLength"/>.</summary>
    private const int ChunkLength = 100_000;

    public static IReadOnlyList<ColumnFinding> Scan(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<string>> rows, SafeguardsProfile profile, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(profile);
        var found = new List<ColumnFinding>();
        for (var c = 0; c < columns.Count; c++)
        {
            var label = columns[c] + "：";
            var byKind = new SortedDictionary<FindingKind, (int Count, List<int> Rows, int LastRow)>();
            var text = new StringBuilder();
            var lineStarts = new List<(int Start, int Row)>();

            void Flush()
            {
                if (text.Length == 0)
                {
                    return;
                }

                var result = SafeguardsChecker.Check(text.ToString(), null, profile, today);
                foreach (var finding in result.Findings.Where(f => f.Kind.IsPersonal()))
                {
                    var row = RowAt(lineStarts, finding.Start);
                    var entry = byKind.TryGetValue(finding.Kind, out var e) ? e : (Count: 0, Rows: new List<int>(), LastRow: 0);
                    if (entry.LastRow == row)
                    {
                        continue; // one cell, one count
                    }

                    entry.Count++;
                    if (entry.Rows.Count < RowsListed)
                    {
                        entry.Rows.Add(row);
                    }

                    byKind[finding.Kind] = (entry.Count, entry.Rows, row);
                }

                text.Clear();
                lineStarts.Clear();
            }

            for (var r = 0; r < rows.Count; r++)
            {
                var value = c < rows[r].Count ? rows[r][c] : "";
                if (string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                // One cell per line: line breaks inside a cell are flattened, an overlong cell is cut to fit a chunk.
                var cell = value.Replace('\r', ' ').Replace('\n', ' ');
                if (cell.Length > ChunkLength - label.Length - 1)
                {
                    cell = cell[..(ChunkLength - label.Length - 1)];
                }

                if (text.Length + label.Length + cell.Length + 1 > ChunkLength)
                {
                    Flush();
                }

                lineStarts.Add((text.Length, r + 1));
                text.Append(label).Append(cell).Append('\n');
            }

            Flush();
            found.AddRange(byKind.Select(k => new ColumnFinding(columns[c], k.Key, k.Value.Count, k.Value.Rows)));
        }

        return found;
    }

    /// <summary>The findings that block approval: those in columns not declared (declared columns are staff's answer).</summary>
    public static IReadOnlyList<ColumnFinding> Blocking(IReadOnlyList<ColumnFinding> findings, IReadOnlyDictionary<string, ColumnDeclaration> declarations) =>
        findings.Where(f => !declarations.ContainsKey(f.Column)).ToList();

    /// <summary>One Chinese line per finding: “列“身份证号”：身份证号码 3 处（数据第 1、2、5 行）”.</summary>
    public static IReadOnlyList<string> Describe(IReadOnlyList<ColumnFinding> findings) =>
        findings.Select(f => $"列“{f.Column}”：{f.Kind.DisplayName()} {f.Count} 处（数据第 {string.Join("、", f.Rows)} 行{(f.Count > f.Rows.Count ? " 等" : "")}）").ToList();

    /// <summary>The refusal's message when <paramref name="blocking"/> is not empty.</summary>
    public static string Refusal(IReadOnlyList<ColumnFinding> blocking) =>
        "数据中发现疑似个人信息，不能通过审核：" + string.Join("；", Describe(blocking))
        + "。请上传去除或遮蔽后的新版本，或在“个人信息检查”中声明该列不是个人信息或已遮蔽。";

    public static string Name(ColumnDeclaration declaration) => declaration switch
    {
        ColumnDeclaration.NotPersonal => "不是个人信息",
        _ => "已遮蔽",
    };

    private static int RowAt(List<(int Start, int Row)> lineStarts, int offset)
    {
        var low = 0;
        var high = lineStarts.Count - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (lineStarts[mid].Start <= offset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return lineStarts[low].Row;
    }
}
