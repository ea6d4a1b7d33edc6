using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Publishing.Catalogue;
using Gongkai.Publishing.Rules;
using Markdig;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Gongkai.Publishing.Import;

/// <summary>A file that can be imported: its metadata checked and mapped, its Markdown rendered to safe HTML.</summary>
public sealed record ImportedFile(
    string SourceKey,
    string Title,
    string Category,
    IReadOnlyList<string> CategoryPath,
    DateOnly? Issued,
    string? DocNumber,
    string DocumentType,
    string Subject,
    string BodyHtml,
    string ContentHash,
    ReferenceFields? Reference = null,
    IReadOnlyList<string>? Notes = null)
{
    public bool IsReference => Reference is not null;

    /// <summary>SHA-256 of <see cref="SourceKey"/>: the idempotency key within a body (source texts can be long).</summary>
    public string KeyHash => ImportSource.HashOf(SourceKey);
}

/// <summary>Either a file to import or the reason it is rejected, in Chinese.</summary>
public sealed record ImportParse(ImportedFile? File, string? Rejection);

/// <summary>
/// Reads one Markdown file with YAML front matter (<c>title</c>, <c>category</c>, <c>issued</c>, optional
/// <c>docNumber</c>, <c>type</c>, <c>subject</c>, <c>source</c>; for the law library <c>kind</c>, <c>issuer</c>,
/// <c>level</c>, <c>region</c>, <c>status</c>, <c>effective</c>, see <see cref="ReferenceClassification"/>), without I/O and safe to call from several threads.
/// <para>The idempotency key is <c>source</c> when given (it names the text's origin and survives moving the folder),
/// else the path relative to the imported folder. <c>issued</c> may be missing: the first date written as
/// “2004年3月14日” in the first lines of the text is used, else the document has no 成文日期.</para>
/// <para>Markdown is rendered by Markdig with raw HTML disabled (it is shown as text); links and images, the only
/// markup left that could carry a script, go through the same sanitiser as rich text.</para>
/// </summary>
public static partial class ImportSource
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    private static readonly ThreadLocal<IDeserializer> Yaml = new(() =>
        new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).IgnoreUnmatchedProperties().Build());

    public static ImportParse Parse(string relativePath, string text, DateOnly today, string? versionStatus = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = text.StartsWith('\uFEFF') ? text[1..] : text;
        if (!normalised.StartsWith("---", StringComparison.Ordinal))
        {
            return Reject("缺少 YAML front matter（文件应以“---”开头）。");
        }

        var firstLineEnd = normalised.IndexOf('\n', StringComparison.Ordinal);
        var close = firstLineEnd < 0 ? -1 : FrontMatterEnd().Match(normalised, firstLineEnd).Index;
        if (firstLineEnd < 0 || close <= 0)
        {
            return Reject("front matter 没有结束标记“---”。");
        }

        FrontMatter? front;
        try
        {
            front = Yaml.Value!.Deserialize<FrontMatter>(normalised[(firstLineEnd + 1)..close]);
        }
        catch (YamlException exception)
        {
            return Reject($"front matter 不是有效的 YAML（第 {exception.Start.Line} 行）。");
        }

        if (front is null)
        {
            return Reject("front matter 为空。");
        }

        var bodyStart = normalised.IndexOf('\n', close + 1);
        var markdown = bodyStart < 0 ? "" : normalised[(bodyStart + 1)..];
        return Check(front, relativePath, markdown, today, versionStatus);
    }

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static ImportParse Check(FrontMatter front, string relativePath, string markdown, DateOnly today, string? versionStatus)
    {
        var title = front.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            return Reject("front matter 缺少 title（标题）。");
        }

        if (title.Length > DocumentInputRules.MaxTitleLength)
        {
            return Reject($"标题超过 {DocumentInputRules.MaxTitleLength} 个字。");
        }

        var category = front.Category?.Trim() ?? "";
        var path = CatalogueRules.SplitPath(category);
        if (path is null)
        {
            return Reject(category.Length == 0 ? "front matter 缺少 category（目录）。" : $"category“{category}”不是有效的目录路径（各级名称不能为空，且不超过 {CatalogueRules.MaxNameLength} 个字）。");
        }

        DateOnly? issued = null;
        if (!string.IsNullOrWhiteSpace(front.Issued))
        {
            if (!DateOnly.TryParseExact(front.Issued.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Reject($"issued“{front.Issued.Trim()}”不是 yyyy-MM-dd 格式的日期。");
            }

            issued = date;
        }

        if (issued > today)
        {
            return Reject($"issued {issued:yyyy-MM-dd} 晚于今天。");
        }

        string? docNumber = null;
        if (!string.IsNullOrWhiteSpace(front.DocNumber))
        {
            var check = DocumentNumber.Check(front.DocNumber, today.Year);
            if (!check.IsValid)
            {
                return Reject(check.Error!);
            }

            docNumber = check.Value;
        }

        var type = ImportMapping.DocumentType(front.Type);
        if (type is null)
        {
            return Reject($"无法识别的文件类型 type“{front.Type!.Trim()}”。");
        }

        if (string.IsNullOrWhiteSpace(markdown))
        {
            return Reject("正文为空。");
        }

        issued ??= FirstDate(markdown, today);
        var html = Markdown.ToHtml(markdown, Pipeline);
        if (html.Contains("<a ", StringComparison.Ordinal) || html.Contains("<img ", StringComparison.Ordinal))
        {
            html = RichText.Sanitize(html);
        }

        if (!RichText.HasText(html))
        {
            return Reject("正文为空。");
        }

        var subject = ImportMapping.Subject(front.Subject, category);
        var normalisedCategory = string.Join(CatalogueRules.PathSeparator, path);
        var overrides = new ReferenceOverrides(front.Kind, front.Issuer, front.Level, front.Region, front.Status, front.Effective);
        ReferenceFields? reference = null;
        var notes = new List<string>();
        if (ReferenceClassification.IsReference(path, overrides))
        {
            var (fields, ignored) = ReferenceClassification.Derive(path, title, markdown, overrides);
            reference = fields with { Status = fields.Status ?? versionStatus };
            notes.AddRange(ignored);
            if (fields.Missing.Count > 0)
            {
                notes.Add("无法确定" + string.Join("、", fields.Missing) + "，留空");
            }
        }

        // The library fields are part of the content: a re-import after they change (or after this classification
        // first exists) updates the document, which is how existing databases are reclassified.
        var hash = HashOf(DocumentVersion.CanonicalContent(title, docNumber, type, subject, issued, html) + "\n" + normalisedCategory
            + (reference is null ? "" : $"\nref:{reference.Issuer}|{reference.Level}|{reference.Region}|{reference.Status}|{reference.EffectiveOn:yyyy-MM-dd}"));
        var key = string.IsNullOrWhiteSpace(front.Source) ? relativePath.Replace('\\', '/') : front.Source.Trim();
        return new(new ImportedFile(key, title, normalisedCategory, path, issued, docNumber, type, subject, html, hash, reference, notes), null);
    }

    /// <summary>The first “YYYY年M月D日” in the first 300 characters, when it is a real date not after today.</summary>
    private static DateOnly? FirstDate(string markdown, DateOnly today)
    {
        var match = ChineseDate().Match(markdown[..Math.Min(markdown.Length, 300)]);
        if (!match.Success)
        {
            return null;
        }

        var (year, month, day) = (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture));
        return year >= 1900 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) <= today
            ? new DateOnly(year, month, day)
            : null;
    }

    private static ImportParse Reject(string reason) => new(null, reason);

    [GeneratedRegex(@"^---[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex FrontMatterEnd();

    [GeneratedRegex(@"(\d{4})年(\d{1,2})月(\d{1,2})日")]
    private static partial Regex ChineseDate();

    /// <summary>The front matter's fields; dates are read as text so a bad one becomes a clear rejection.</summary>
    private sealed class FrontMatter
    {
        public string? Title { get; set; }

        public string? Category { get; set; }

        public string? Issued { get; set; }

        public string? DocNumber { get; set; }

        public string? Type { get; set; }

        public string? Subject { get; set; }

        public string? Source { get; set; }

        public string? Kind { get; set; }

        public string? Issuer { get; set; }

        public string? Level { get; set; }

        public string? Region { get; set; }

        public string? Status { get; set; }

        public string? Effective { get; set; }
    }

    /// <summary>Title, <c>issued</c> and <c>status</c> from a file's front matter alone (the importer's first pass, which
    /// finds the versions of each law before the files are read in full); null when there is no title.</summary>
    public static (string Title, DateOnly? Issued, string? Status)? Peek(IEnumerable<string> lines)
    {
        string? title = null, status = null;
        DateOnly? issued = null;
        var inside = false;
        foreach (var line in lines.Take(40))
        {
            if (line.TrimStart('\uFEFF').StartsWith("---", StringComparison.Ordinal))
            {
                if (inside)
                {
                    break;
                }

                inside = true;
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (!inside || colon <= 0)
            {
                continue;
            }

            var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim().Trim('"', '\''));
            switch (name)
            {
                case "title": title = value; break;
                case "status": status = value.Length > 0 ? value : null; break;
                case "issued" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date): issued = date; break;
            }
        }

        return title is { Length: > 0 } ? (title, issued, status) : null;
    }
}
