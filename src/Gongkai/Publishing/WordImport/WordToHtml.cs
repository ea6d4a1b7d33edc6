using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Platform.Outcomes;
using Gongkai.Publishing.Attachments;
using W = DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Gongkai.Publishing.WordImport;

/// <summary>What a Word file became: the body HTML (still to be sanitised like anything typed), the title Word gives
/// (Title style or the package's title), and what was carried over, for the editor's confirmation.</summary>
public sealed record WordImport(string BodyHtml, string? Title, int Headings, int Lists, int Tables, int Images, IReadOnlyList<string> Notes)
{
    /// <summary>What was carried over, as the editor says it: "3 个标题、2 个列表、1 个表格、1 张图片" (kinds not in the
    /// file are left out; a file of plain paragraphs says so).</summary>
    public string Counts()
    {
        var parts = new List<string>();
        void Add(int count, string unit)
        {
            if (count > 0)
            {
                parts.Add(count.ToString(CultureInfo.InvariantCulture) + unit);
            }
        }

        Add(Headings, " 个标题");
        Add(Lists, " 个列表");
        Add(Tables, " 个表格");
        Add(Images, " 张图片");
        return parts.Count == 0 ? "正文段落（无标题、列表、表格或图片）" : string.Join("、", parts);
    }

    /// <summary>The text of the first heading, for a title the editor has left empty.</summary>
    public string? FirstHeading()
    {
        var match = System.Text.RegularExpressions.Regex.Match(BodyHtml, "<h[2-6]>(.*?)</h[2-6]>", System.Text.RegularExpressions.RegexOptions.Singleline);
        if (!match.Success)
        {
            return null;
        }

        var text = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(match.Groups[1].Value, "<[^>]*>", "")).Trim();
        return text.Length == 0 ? null : text;
    }
}

/// <summary>
/// Turns a .docx into the document body the editor keeps: headings (Word's 标题 1–5 and outline levels become h2–h6,
/// since the page's h1 is the document title), paragraphs with bold, italic, underline, sub/superscript and line
/// breaks, bulleted and numbered lists with their nesting, tables with merged cells (colspan/rowspan, header rows as
/// th), links, and pictures (PNG, JPEG or GIF) inlined as data: URIs — the body then needs no separate files, and the
/// site's CSP already allows data: images. Anything else (text boxes, shapes, fields' codes, comments) is dropped; its
/// text is what a reader would have seen. No I/O beyond the stream given.
/// </summary>
public static class WordToHtml
{
    /// <summary>Pictures above this total are left out with a note: a body is stored in one row and sent in every feed.</summary>
    public const long MaxImageBytes = 4 * 1024 * 1024;

    /// <summary>The largest .docx accepted: official documents with a few pictures stay far below; read whole into memory.</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    public static Outcome<WordImport> Convert(string? fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = string.IsNullOrWhiteSpace(fileName) ? "上传的文件" : fileName.Trim();
        if (!name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            return Refusal.InvalidField("wordFile", $"只能导入 Word 文档（.docx）。“{name}”不是 .docx 文件；旧版 .doc 或 WPS 文件请先另存为 .docx。");
        }

        if (OfficePackageLimits.RefuseExpansion(name, content) is { } refusal)
        {
            return Refusal.InvalidField("wordFile", refusal);
        }

        try
        {
            using var word = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false, OfficePackageLimits.Reading);
            if (word.MainDocumentPart?.Document?.Body is not { } body)
            {
                return Refusal.InvalidField("wordFile", $"“{name}”里没有正文。");
            }

            var converter = new Converter(word.MainDocumentPart, word.PackageProperties.Title);
            converter.Blocks(body.ChildElements);
            var html = converter.Html();
            if (!RichText.HasText(html) && converter.Images == 0)
            {
                return Refusal.InvalidField("wordFile", $"“{name}”的正文是空的。");
            }

            return new WordImport(html, converter.Title, converter.Headings, converter.Lists, converter.Tables, converter.Images, converter.Notes);
        }
        catch (Exception error) when (error is OpenXmlPackageException or InvalidDataException or FormatException or System.Xml.XmlException or IOException or InvalidOperationException)
        {
            return Refusal.InvalidField("wordFile", $"“{name}”无法作为 Word 文档读取（文件可能已损坏或不是 .docx 格式）。");
        }
    }

    private sealed class Converter(MainDocumentPart main, string? packageTitle)
    {
        private readonly StringBuilder _html = new();
        private readonly Stack<(int Level, string Tag)> _openLists = new();
        private long _imageBytes;

        public string? Title { get; private set; } = string.IsNullOrWhiteSpace(packageTitle) ? null : packageTitle.Trim();

        public int Headings { get; private set; }

        public int Lists { get; private set; }

        public int Tables { get; private set; }

        public int Images { get; private set; }

        public List<string> Notes { get; } = [];

        public string Html()
        {
            CloseLists(-1);
            return _html.ToString();
        }

        public void Blocks(IEnumerable<OpenXmlElement> elements)
        {
            foreach (var element in elements)
            {
                switch (element)
                {
                    case W.Paragraph paragraph:
                        Paragraph(paragraph);
                        break;
                    case W.Table table:
                        CloseLists(-1);
                        Table(table);
                        break;
                    case W.SdtBlock content when content.SdtContentBlock is { } inner:
                        Blocks(inner.ChildElements);
                        break;
                }
            }
        }

        private void Paragraph(W.Paragraph paragraph)
        {
            var properties = paragraph.ParagraphProperties;
            var styleId = properties?.ParagraphStyleId?.Val?.Value;
            var inline = Inline(paragraph.ChildElements);
            if (IsTitleStyle(styleId))
            {
                CloseLists(-1);
                var text = WebUtility.HtmlDecode(StripTags(inline)).Trim();
                if (text.Length > 0)
                {
                    Title ??= text;
                }

                return;
            }

            if (HeadingLevel(properties, styleId) is { } level)
            {
                CloseLists(-1);
                if (inline.Trim().Length == 0)
                {
                    return;
                }

                var tag = "h" + Math.Min(level + 1, 6).ToString(CultureInfo.InvariantCulture);
                _html.Append('<').Append(tag).Append('>').Append(inline.Trim()).Append("</").Append(tag).Append(">\n");
                Headings++;
                return;
            }

            if (ListItem(properties, styleId) is { } item)
            {
                OpenList(item.Level, item.Ordered);
                _html.Append("<li>").Append(inline.Trim());
                return;
            }

            CloseLists(-1);
            if (inline.Trim().Length == 0)
            {
                return;
            }

            _html.Append("<p>").Append(inline.Trim()).Append("</p>\n");
        }

        /// <summary>Starts a list item at <paramref name="level"/>: deeper lists are closed, a list of the other kind at
        /// this level is closed, the previous item at this level ends, a deeper level opens inside the open item.</summary>
        private void OpenList(int level, bool ordered)
        {
            var tag = ordered ? "ol" : "ul";
            CloseLists(level);
            if (_openLists.TryPeek(out var top) && top.Level == level)
            {
                if (top.Tag == tag)
                {
                    _html.Append("</li>\n");
                    return;
                }

                _html.Append("</li></").Append(top.Tag).Append(">\n");
                _openLists.Pop();
            }

            if (_openLists.Count == 0)
            {
                Lists++;
            }

            _html.Append('<').Append(tag).Append(">\n");
            _openLists.Push((level, tag));
        }

        /// <summary>Closes the lists nested deeper than <paramref name="level"/> (all of them for −1), each with its open item.</summary>
        private void CloseLists(int level)
        {
            while (_openLists.TryPeek(out var open) && open.Level > level)
            {
                _html.Append("</li></").Append(open.Tag).Append(">\n");
                _openLists.Pop();
            }
        }

        private void Table(W.Table table)
        {
            var rows = table.Elements<W.TableRow>().ToList();
            var grid = rows.Select(Cells).ToList();

            // A vertically merged cell starts with vMerge="restart" and continues in the cells below at the same grid
            // column with a bare vMerge: the first becomes rowspan=n, the others are left out.
            var spans = new Dictionary<(int Row, int Column), int>();
            for (var r = 0; r < grid.Count; r++)
            {
                foreach (var cell in grid[r].Where(c => c.Merge == MergeKind.Restart))
                {
                    var span = 1;
                    while (r + span < grid.Count && grid[r + span].Any(c => c.Column == cell.Column && c.Merge == MergeKind.Continue))
                    {
                        span++;
                    }

                    spans[(r, cell.Column)] = span;
                }
            }

            _html.Append("<table>\n");
            var headerRows = rows.TakeWhile(row => row.TableRowProperties?.GetFirstChild<W.TableHeader>() is not null).Count();
            for (var r = 0; r < grid.Count; r++)
            {
                if (r == 0 && headerRows > 0)
                {
                    _html.Append("<thead>\n");
                }

                if (r == headerRows)
                {
                    _html.Append(headerRows > 0 ? "</thead>\n<tbody>\n" : "<tbody>\n");
                }

                var tag = r < headerRows ? "th" : "td";
                _html.Append("<tr>");
                foreach (var cell in grid[r].Where(c => c.Merge != MergeKind.Continue))
                {
                    _html.Append('<').Append(tag);
                    if (cell.ColumnSpan > 1)
                    {
                        _html.Append(" colspan=\"").Append(cell.ColumnSpan.ToString(CultureInfo.InvariantCulture)).Append('"');
                    }

                    if (spans.TryGetValue((r, cell.Column), out var rowSpan) && rowSpan > 1)
                    {
                        _html.Append(" rowspan=\"").Append(rowSpan.ToString(CultureInfo.InvariantCulture)).Append('"');
                    }

                    _html.Append('>').Append(cell.Html).Append("</").Append(tag).Append('>');
                }

                _html.Append("</tr>\n");
            }

            _html.Append(grid.Count > headerRows ? "</tbody>\n" : "</thead>\n").Append("</table>\n");
            Tables++;
        }

        private enum MergeKind { None, Restart, Continue }

        private sealed record Cell(int Column, int ColumnSpan, MergeKind Merge, string Html);

        private List<Cell> Cells(W.TableRow row)
        {
            var cells = new List<Cell>();
            var column = row.TableRowProperties?.GetFirstChild<W.GridBefore>()?.Val?.Value ?? 0;
            foreach (var cell in row.Elements<W.TableCell>())
            {
                var properties = cell.TableCellProperties;
                var span = Math.Max(1, properties?.GridSpan?.Val?.Value ?? 1);
                var merge = properties?.VerticalMerge switch
                {
                    null => MergeKind.None,
                    { Val: null } => MergeKind.Continue,
                    { Val.Value: var value } when value == W.MergedCellValues.Restart => MergeKind.Restart,
                    _ => MergeKind.Continue,
                };

                // A cell's paragraphs are joined by line breaks: lists and headings inside a cell read as lines.
                var lines = cell.Elements<W.Paragraph>().Select(p => Inline(p.ChildElements).Trim()).Where(l => l.Length > 0);
                cells.Add(new Cell(column, span, merge, string.Join("<br>", lines)));
                column += span;
            }

            return cells;
        }

        private string Inline(IEnumerable<OpenXmlElement> elements)
        {
            var html = new StringBuilder();
            foreach (var element in elements)
            {
                switch (element)
                {
                    case W.Run run:
                        html.Append(Run(run));
                        break;
                    case W.Hyperlink link:
                        var inner = Inline(link.ChildElements);
                        var target = link.Id?.Value is { } id ? main.HyperlinkRelationships.FirstOrDefault(h => h.Id == id)?.Uri : null;
                        html.Append(target is { IsAbsoluteUri: true } uri && uri.Scheme is "http" or "https" or "mailto"
                            ? $"<a href=\"{WebUtility.HtmlEncode(uri.ToString())}\">{inner}</a>"
                            : inner);
                        break;
                    case W.SimpleField or W.InsertedRun or W.SdtRun:
                        html.Append(Inline(element.ChildElements));
                        break;
                    case W.SdtContentRun content:
                        html.Append(Inline(content.ChildElements));
                        break;
                }
            }

            return html.ToString();
        }

        private string Run(W.Run run)
        {
            var text = new StringBuilder();
            foreach (var child in run.ChildElements)
            {
                switch (child)
                {
                    case W.Text t:
                        text.Append(WebUtility.HtmlEncode(t.Text));
                        break;
                    case W.TabChar:
                        text.Append(' ');
                        break;
                    case W.Break:
                    case W.CarriageReturn:
                        text.Append("<br>");
                        break;
                    case W.NoBreakHyphen:
                        text.Append('-');
                        break;
                    case W.Drawing drawing:
                        text.Append(Picture(drawing));
                        break;
                }
            }

            if (text.Length == 0)
            {
                return "";
            }

            var properties = run.RunProperties;
            var result = text.ToString();
            if (properties?.VerticalTextAlignment?.Val?.Value is { } align)
            {
                if (align == W.VerticalPositionValues.Superscript)
                {
                    result = $"<sup>{result}</sup>";
                }
                else if (align == W.VerticalPositionValues.Subscript)
                {
                    result = $"<sub>{result}</sub>";
                }
            }

            if (properties?.Underline is { Val.Value: var underline } && underline != W.UnderlineValues.None)
            {
                result = $"<u>{result}</u>";
            }

            if (properties?.Italic is { } italic && (italic.Val is null || italic.Val.Value))
            {
                result = $"<em>{result}</em>";
            }

            if (properties?.Bold is { } bold && (bold.Val is null || bold.Val.Value))
            {
                result = $"<strong>{result}</strong>";
            }

            return result;
        }

        private string Picture(W.Drawing drawing)
        {
            var blip = drawing.Descendants<A.Blip>().FirstOrDefault();
            if (blip?.Embed?.Value is not { } relationship || main.GetPartById(relationship) is not ImagePart image)
            {
                return "";
            }

            var mediaType = image.ContentType;
            if (mediaType is not ("image/png" or "image/jpeg" or "image/gif"))
            {
                Notes.Add($"一张 {mediaType} 格式的图片未导入（只导入 PNG、JPEG、GIF），请另存为图片后作为附件上传。");
                return "";
            }

            using var stream = image.GetStream();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            if (_imageBytes + buffer.Length > MaxImageBytes)
            {
                Notes.Add($"图片合计超过 {MaxImageBytes / 1024 / 1024} MB，其余图片未导入，请作为附件上传。");
                return "";
            }

            _imageBytes += buffer.Length;
            Images++;
            var properties = drawing.Descendants<Wp.DocProperties>().FirstOrDefault();
            var alt = properties?.Description?.Value is { Length: > 0 } description ? description
                : properties?.Title?.Value is { Length: > 0 } title ? title
                : "图" + Images.ToString(CultureInfo.InvariantCulture);
            return $"<img src=\"data:{mediaType};base64,{System.Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length)}\" alt=\"{WebUtility.HtmlEncode(alt)}\">";
        }

        private bool IsTitleStyle(string? styleId) =>
            styleId is not null && StyleName(styleId) is { } name && (name.Equals("Title", StringComparison.OrdinalIgnoreCase) || name == "标题");

        /// <summary>1 for Word's 标题 1 (heading 1) or outline level 0, and so on.</summary>
        private int? HeadingLevel(W.ParagraphProperties? properties, string? styleId)
        {
            if (properties?.OutlineLevel?.Val?.Value is { } direct && direct < 9)
            {
                return direct + 1;
            }

            if (styleId is null)
            {
                return null;
            }

            foreach (var style in StyleChain(styleId))
            {
                var name = style.StyleName?.Val?.Value ?? "";
                foreach (var prefix in new[] { "heading ", "Heading ", "标题 ", "标题" })
                {
                    if (name.StartsWith(prefix, StringComparison.Ordinal)
                        && int.TryParse(name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 1 and <= 9)
                    {
                        return level;
                    }
                }

                if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } outline && outline < 9)
                {
                    return outline + 1;
                }
            }

            return null;
        }

        private (int Level, bool Ordered)? ListItem(W.ParagraphProperties? properties, string? styleId)
        {
            var numbering = properties?.NumberingProperties;
            if (numbering?.NumberingId is null && styleId is not null)
            {
                numbering = StyleChain(styleId).Select(s => s.StyleParagraphProperties?.NumberingProperties).FirstOrDefault(n => n?.NumberingId is not null);
            }

            if (numbering?.NumberingId?.Val?.Value is not { } numberId || numberId == 0)
            {
                return null;
            }

            var level = numbering.NumberingLevelReference?.Val?.Value ?? 0;
            var definitions = main.NumberingDefinitionsPart?.Numbering;
            var instance = definitions?.Elements<W.NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numberId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var format = definitions?.Elements<W.AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId)
                ?.Elements<W.Level>().FirstOrDefault(l => l.LevelIndex?.Value == level)?.NumberingFormat?.Val?.Value;
            return (level, format is not null && format != W.NumberFormatValues.Bullet && format != W.NumberFormatValues.None);
        }

        private string? StyleName(string styleId) => StyleChain(styleId).FirstOrDefault()?.StyleName?.Val?.Value;

        /// <summary>The style and the styles it is based on, nearest first.</summary>
        private IEnumerable<W.Style> StyleChain(string styleId)
        {
            var styles = main.StyleDefinitionsPart?.Styles;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var id = styleId;
            while (styles is not null && id is not null && seen.Add(id))
            {
                var style = styles.Elements<W.Style>().FirstOrDefault(s => s.StyleId?.Value == id);
                if (style is null)
                {
                    yield break;
                }

                yield return style;
                id = style.BasedOn?.Val?.Value;
            }
        }

        private static string StripTags(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", "");
    }
}
