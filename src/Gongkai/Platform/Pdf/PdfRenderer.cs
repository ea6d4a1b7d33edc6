using System.Text;
using SkiaSharp;

namespace Gongkai.Platform.Pdf;

/// <summary>The machine has no font that can show Chinese text.</summary>
public sealed class CjkFontMissingException(string message) : InvalidOperationException(message);

/// <summary>
/// Renders a <see cref="PdfModel"/> to PDF with Skia's PDF backend (A4, CJK text in a font found through the system's
/// font manager, wrapped by character as Chinese text is). Thread-safe: the typeface is found once and shared.
/// </summary>
public sealed class PdfRenderer
{
    private const float PageWidth = 595f;   // A4 in points
    private const float PageHeight = 842f;
    private const float Margin = 56f;
    private const float BodySize = 12f;
    private const float CellPadding = 4f;

    /// <summary>Families tried first, in order; then any font that has 中.</summary>
    private static readonly string[] PreferredFamilies =
        ["Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Source Han Serif SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "AR PL UMing CN"];

    private readonly Lazy<SKTypeface> _typeface = new(FindCjkTypeface);

    /// <summary>The CJK font used; throws <see cref="CjkFontMissingException"/> when there is none.</summary>
    public string FontFamily => _typeface.Value.FamilyName;

    public byte[] Render(PdfModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var typeface = _typeface.Value;
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = model.Title,
            Author = model.Author ?? "",
            Creator = "Gongkai",
            Producer = "Gongkai",
            Creation = DateTime.UtcNow,
            Modified = DateTime.UtcNow,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            using var writer = new PageWriter(document, typeface);
            writer.Block(model.Title, 20f, PdfAlignment.Center, bold: true, spaceAfter: 14f);
            foreach (var block in model.Blocks)
            {
                switch (block)
                {
                    case PdfHeading heading:
                        var size = heading.Level <= 1 ? 16f : heading.Level == 2 ? 14f : 13f;
                        writer.Block(heading.Text, size, PdfAlignment.Left, bold: true, spaceAfter: 6f, spaceBefore: 6f);
                        break;
                    case PdfParagraph paragraph:
                        writer.Block((paragraph.Indent ? "\u3000\u3000" : "") + paragraph.Text, BodySize, paragraph.Alignment, bold: false, spaceAfter: 6f);
                        break;
                    case PdfTableRow row:
                        writer.Row(row);
                        break;
                    case PdfPageBreak:
                        writer.NewPage();
                        break;
                }
            }
        }

        return stream.ToArray();
    }

    private static SKTypeface FindCjkTypeface()
    {
        var manager = SKFontManager.Default;
        foreach (var family in PreferredFamilies)
        {
            var typeface = manager.MatchFamily(family, SKFontStyle.Normal);
            if (typeface is not null && HasChinese(typeface))
            {
                return typeface;
            }

            typeface?.Dispose();
        }

        var any = manager.MatchCharacter(null, SKFontStyle.Normal, ["zh-Hans", "zh-CN", "zh"], '中');
        if (any is not null && HasChinese(any))
        {
            return any;
        }

        throw new CjkFontMissingException(
            "未找到可显示中文的字体，无法生成 PDF。请安装中文字体（Debian/Ubuntu：apt-get install fonts-noto-cjk）后重试。");
    }

    private static bool HasChinese(SKTypeface typeface)
    {
        using var font = new SKFont(typeface, BodySize);
        return font.ContainsGlyphs("中文公报");
    }

    /// <summary>Lays text out top to bottom, starting a new page when the next line does not fit.</summary>
    private sealed class PageWriter(SKDocument document, SKTypeface typeface) : IDisposable
    {
        private const float ContentWidth = PageWidth - 2 * Margin;
        private SKCanvas? _canvas;
        private float _y;
        private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
        private readonly SKPaint _rule = new() { Color = SKColors.Black, IsStroke = true, StrokeWidth = 0.6f };
        private readonly SKPaint _shade = new() { Color = new SKColor(0xEE, 0xEE, 0xEE) };

        public void Block(string text, float size, PdfAlignment alignment, bool bold, float spaceAfter, float spaceBefore = 0f)
        {
            using var font = Font(size, bold);
            var lineHeight = size * 1.6f;
            Ensure(spaceBefore + lineHeight);
            _y += spaceBefore;
            foreach (var line in Wrap(text, font, ContentWidth))
            {
                Ensure(lineHeight);
                var width = font.MeasureText(line);
                var x = alignment switch
                {
                    PdfAlignment.Center => Margin + (ContentWidth - width) / 2,
                    PdfAlignment.Right => Margin + ContentWidth - width,
                    _ => Margin,
                };
                DrawText(line, x, _y + size * 1.2f, font);
                _y += lineHeight;
            }

            _y += spaceAfter;
        }

        public void Row(PdfTableRow row)
        {
            if (row.Cells.Count == 0)
            {
                return;
            }

            using var font = Font(10.5f, row.Header);
            var lineHeight = 10.5f * 1.5f;
            var weights = row.Widths is { Count: > 0 } w && w.Count == row.Cells.Count ? w : Enumerable.Repeat(1f, row.Cells.Count).ToList();
            var total = weights.Sum();
            var widths = weights.Select(x => ContentWidth * x / total).ToList();
            var lines = row.Cells.Select((cell, i) => Wrap(cell, font, widths[i] - 2 * CellPadding)).ToList();
            var height = lines.Max(l => Math.Max(1, l.Count)) * lineHeight + 2 * CellPadding;
            Ensure(height);
            var x = Margin;
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = SKRect.Create(x, _y, widths[i], height);
                if (row.Header)
                {
                    _canvas!.DrawRect(cell, _shade);
                }

                _canvas!.DrawRect(cell, _rule);
                var lineY = _y + CellPadding;
                foreach (var line in lines[i])
                {
                    DrawText(line, x + CellPadding, lineY + 10.5f * 1.15f, font);
                    lineY += lineHeight;
                }

                x += widths[i];
            }

            _y += height;
        }

        public void NewPage()
        {
            if (_canvas is not null)
            {
                document.EndPage();
            }

            _canvas = document.BeginPage(PageWidth, PageHeight);
            _y = Margin;
        }

        public void Dispose()
        {
            if (_canvas is null)
            {
                NewPage();
            }

            document.EndPage();
            document.Close();
            _ink.Dispose();
            _rule.Dispose();
            _shade.Dispose();
        }

        /// <summary>Draws the line as a text run that carries its own characters: the PDF then maps each glyph back to the
        /// character it was drawn for. (Drawn from glyphs alone, Skia maps a glyph that a CJK font shares between an
        /// ideograph and a radical — 人 and ⼈, 民 and ⺠ — to the lower code point, and copied text reads ⼈⺠.)</summary>
        private void DrawText(string line, float x, float y, SKFont font)
        {
            var glyphs = font.GetGlyphs(line);
            if (glyphs.Length == 0)
            {
                return;
            }

            var utf8 = Encoding.UTF8.GetBytes(line);
            var clusters = new uint[glyphs.Length];
            var glyph = 0;
            var offset = 0;
            foreach (var rune in line.EnumerateRunes())
            {
                clusters[glyph++] = (uint)offset;
                offset += rune.Utf8SequenceLength;
            }

            using var builder = new SKTextBlobBuilder();
            var run = builder.AllocateTextRun(font, glyphs.Length, x, y, utf8.Length);
            run.SetGlyphs(glyphs);
            run.SetText(utf8);
            run.SetClusters(clusters);
            using var blob = builder.Build();
            _canvas!.DrawText(blob, 0, 0, _ink);
        }

        private void Ensure(float height)
        {
            if (_canvas is null || _y + height > PageHeight - Margin)
            {
                NewPage();
            }
        }

        private SKFont Font(float size, bool bold) => new(typeface, size) { Embolden = bold, Subpixel = true };

        /// <summary>Breaks text into lines that fit: at any character (Chinese has no spaces), keeping Latin words
        /// whole where they fit, and at every newline.</summary>
        private static List<string> Wrap(string text, SKFont font, float width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var start = 0;
                while (start < paragraph.Length)
                {
                    var end = start;
                    while (end < paragraph.Length && font.MeasureText(paragraph.AsSpan(start, end - start + 1)) <= width)
                    {
                        end++;
                    }

                    if (end == start)
                    {
                        end = start + 1; // a single glyph wider than the column still takes a line
                    }
                    else if (end < paragraph.Length && IsWordChar(paragraph[end]) && IsWordChar(paragraph[end - 1]))
                    {
                        var space = paragraph.LastIndexOf(' ', end - 1, end - start);
                        if (space > start)
                        {
                            end = space + 1;
                        }
                    }

                    lines.Add(paragraph[start..end].TrimEnd());
                    start = end;
                }

                if (paragraph.Length == 0)
                {
                    lines.Add("");
                }
            }

            return lines;
        }

        private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c);
    }
}
