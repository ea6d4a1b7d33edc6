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
    private const float BodySize = 12f;
    private const float CellPadding = 4f;

    /// <summary>Families tried first, in order; then any font that has 中.</summary>
    private static readonly string[] PreferredFamilies =
        ["Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Source Han Serif SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "AR PL UMing CN"];

    private readonly Lazy<SKTypeface> _typeface = new(FindCjkTypeface);

    /// <summary>The CJK font used; throws <see cref="CjkFontMissingException"/> when there is none.</summary>
    public string FontFamily => _typeface.Value.FamilyName;

    /// <summary>The CJK typeface itself, for other Skia drawings (the new-media cover cards); shared, do not dispose.</summary>
    public SKTypeface Typeface => _typeface.Value;

    public byte[] Render(PdfModel model) => RenderDocument(model).Bytes;

    /// <summary>Renders and tells how many pages it took and where each level-1 heading landed. A table of contents
    /// takes two passes: the first finds the pages, the second prints them (its lines take the same room both times).</summary>
    public PdfRendering RenderDocument(PdfModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var first = RenderPass(model, contents: null);
        return model.Blocks.Any(block => block is PdfContents) ? RenderPass(model, first.Headings) : first;
    }

    private PdfRendering RenderPass(PdfModel model, IReadOnlyList<(string Heading, int Page)>? contents)
    {
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
            // Lossless images: a QR code must keep its sharp module edges (below 101 Skia would store it as JPEG).
            EncodingQuality = 101,
            RasterDpi = 72,
        };
        var (pageWidth, pageHeight) = model.PageSize switch
        {
            PdfPageSize.A5 => (420f, 595f),
            PdfPageSize.A3 => (842f, 1191f),
            _ => (595f, 842f),
        };
        int pages;
        IReadOnlyList<(string, int)> headings;
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            using var writer = new PageWriter(document, typeface, pageWidth, pageHeight, model.PageSize == PdfPageSize.A5 ? 40f : 56f, model.PageNumbers);
            writer.Block(model.Title, model.PageSize == PdfPageSize.A3 ? 30f : 20f, PdfAlignment.Center, bold: true, spaceAfter: 14f);
            foreach (var block in model.Blocks)
            {
                switch (block)
                {
                    case PdfHeading heading:
                        var size = heading.Level <= 1 ? 16f : heading.Level == 2 ? 14f : 13f;
                        if (heading.Level <= 1)
                        {
                            writer.MarkHeading(heading.Text, size * 1.6f + 12f);
                        }

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
                    case PdfQrCode qr:
                        writer.Qr(qr);
                        break;
                    case PdfQrItem item:
                        writer.QrItem(item);
                        break;
                    case PdfContents toc:
                        writer.Contents(toc, contents ?? ContentsPlaceholder(model));
                        break;
                }
            }

            writer.Finish();
            pages = writer.Pages;
            headings = writer.Headings;
        }

        return new PdfRendering(stream.ToArray(), pages, headings);
    }

    /// <summary>The first pass's contents: every level-1 heading after the contents block, on a page not yet known.</summary>
    private static List<(string Heading, int Page)> ContentsPlaceholder(PdfModel model) =>
        model.Blocks.SkipWhile(block => block is not PdfContents).OfType<PdfHeading>().Where(h => h.Level <= 1).Select(h => (h.Text, 0)).ToList();

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
    private sealed class PageWriter(SKDocument document, SKTypeface typeface, float pageWidth, float pageHeight, float margin, bool pageNumbers) : IDisposable
    {
        private const float QrItemSize = 64f;
        private readonly float _contentWidth = pageWidth - 2 * margin;
        private SKCanvas? _canvas;
        private float _y;
        private bool _finished;
        private readonly List<(string Heading, int Page)> _headings = [];
        private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
        private readonly SKPaint _rule = new() { Color = SKColors.Black, IsStroke = true, StrokeWidth = 0.6f };
        private readonly SKPaint _dots = new() { Color = SKColors.Black, IsStroke = true, StrokeWidth = 0.8f, PathEffect = SKPathEffect.CreateDash([0.8f, 3f], 0) };
        private readonly SKPaint _shade = new() { Color = new SKColor(0xEE, 0xEE, 0xEE) };

        public int Pages { get; private set; }

        public IReadOnlyList<(string Heading, int Page)> Headings => _headings;

        /// <summary>Notes the page a level-1 heading lands on (after any page break its height forces).</summary>
        public void MarkHeading(string text, float height)
        {
            Ensure(height);
            _headings.Add((text, Pages));
        }

        public void Block(string text, float size, PdfAlignment alignment, bool bold, float spaceAfter, float spaceBefore = 0f)
        {
            using var font = Font(size, bold);
            var lineHeight = size * 1.6f;
            Ensure(spaceBefore + lineHeight);
            _y += spaceBefore;
            foreach (var line in Wrap(text, font, _contentWidth))
            {
                Ensure(lineHeight);
                var width = font.MeasureText(line);
                var x = alignment switch
                {
                    PdfAlignment.Center => margin + (_contentWidth - width) / 2,
                    PdfAlignment.Right => margin + _contentWidth - width,
                    _ => margin,
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
            var widths = weights.Select(x => _contentWidth * x / total).ToList();
            var lines = row.Cells.Select((cell, i) => Wrap(cell, font, widths[i] - 2 * CellPadding)).ToList();
            var height = lines.Max(l => Math.Max(1, l.Count)) * lineHeight + 2 * CellPadding;
            Ensure(height);
            var x = margin;
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

        public void Qr(PdfQrCode qr)
        {
            using var captionFont = Font(10.5f, bold: false);
            var captionLines = qr.Caption is null ? [] : Wrap(qr.Caption, captionFont, _contentWidth);
            var size = Math.Min(qr.Size, _contentWidth);
            Ensure(size + 6f + captionLines.Count * 10.5f * 1.5f);
            DrawQr(qr.Content, SKRect.Create(margin + (_contentWidth - size) / 2, _y, size, size));
            _y += size + 6f;
            foreach (var line in captionLines)
            {
                DrawText(line, margin + (_contentWidth - captionFont.MeasureText(line)) / 2, _y + 10.5f * 1.15f, captionFont);
                _y += 10.5f * 1.5f;
            }

            _y += 6f;
        }

        public void QrItem(PdfQrItem item)
        {
            using var font = Font(BodySize, bold: false);
            using var detailFont = Font(10f, bold: false);
            var textWidth = _contentWidth - QrItemSize - 12f;
            var lines = Wrap(item.Text, font, textWidth);
            var details = item.Detail is null ? [] : Wrap(item.Detail, detailFont, textWidth);
            var textHeight = lines.Count * BodySize * 1.5f + details.Count * 10f * 1.5f;
            var height = Math.Max(QrItemSize, textHeight) + 8f;
            Ensure(height);
            var y = _y + 2f;
            foreach (var line in lines)
            {
                DrawText(line, margin, y + BodySize * 1.15f, font);
                y += BodySize * 1.5f;
            }

            foreach (var line in details)
            {
                DrawText(line, margin, y + 10f * 1.15f, detailFont);
                y += 10f * 1.5f;
            }

            DrawQr(item.Url, SKRect.Create(margin + _contentWidth - QrItemSize, _y, QrItemSize, QrItemSize));
            _y += height;
            _canvas!.DrawLine(margin, _y - 4f, margin + _contentWidth, _y - 4f, _rule);
        }

        public void Contents(PdfContents toc, IReadOnlyList<(string Heading, int Page)> entries)
        {
            Block(toc.Heading, 16f, PdfAlignment.Center, bold: true, spaceAfter: 8f);
            using var font = Font(BodySize, bold: false);
            var lineHeight = BodySize * 1.8f;
            const float NumberWidth = 36f;
            foreach (var (heading, page) in entries)
            {
                var lines = Wrap(heading, font, _contentWidth - NumberWidth - 12f);
                for (var i = 0; i < lines.Count; i++)
                {
                    Ensure(lineHeight);
                    var baseline = _y + BodySize * 1.2f;
                    DrawText(lines[i], margin, baseline, font);
                    if (i == lines.Count - 1)
                    {
                        var number = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        var numberWidth = font.MeasureText(number);
                        var lineEnd = margin + font.MeasureText(lines[i]) + 4f;
                        _canvas!.DrawLine(lineEnd, baseline, margin + _contentWidth - NumberWidth, baseline, _dots);
                        DrawText(number, margin + _contentWidth - numberWidth, baseline, font);
                    }

                    _y += lineHeight;
                }
            }

            NewPage();
        }

        public void NewPage()
        {
            if (_canvas is not null)
            {
                EndPage();
            }

            _canvas = document.BeginPage(pageWidth, pageHeight);
            Pages++;
            _y = margin;
        }

        /// <summary>Ends the last page and the document.</summary>
        public void Finish()
        {
            if (_finished)
            {
                return;
            }

            _finished = true;
            if (_canvas is null)
            {
                NewPage();
            }

            EndPage();
            document.Close();
        }

        public void Dispose()
        {
            Finish();
            _ink.Dispose();
            _rule.Dispose();
            _dots.Dispose();
            _shade.Dispose();
        }

        private void EndPage()
        {
            if (pageNumbers)
            {
                using var font = Font(10.5f, bold: false);
                var number = "— " + Pages.ToString(System.Globalization.CultureInfo.InvariantCulture) + " —";
                DrawText(number, (pageWidth - font.MeasureText(number)) / 2, pageHeight - margin / 2, font);
            }

            document.EndPage();
        }

        /// <summary>The code as a grey-scale image, 4 pixels a module (quiet zone included), scaled without smoothing.</summary>
        private void DrawQr(string content, SKRect target)
        {
            using var generator = new QRCoder.QRCodeGenerator();
            using var data = generator.CreateQrCode(content, QRCoder.QRCodeGenerator.ECCLevel.M);
            const int PixelsPerModule = 4;
            var modules = data.ModuleMatrix.Count;
            var side = modules * PixelsPerModule;
            using var bitmap = new SKBitmap(new SKImageInfo(side, side, SKColorType.Gray8, SKAlphaType.Opaque));
            var pixels = new byte[side * side];
            for (var row = 0; row < modules; row++)
            {
                for (var column = 0; column < modules; column++)
                {
                    var value = data.ModuleMatrix[row][column] ? (byte)0 : (byte)255;
                    for (var dy = 0; dy < PixelsPerModule; dy++)
                    {
                        Array.Fill(pixels, value, ((row * PixelsPerModule) + dy) * side + column * PixelsPerModule, PixelsPerModule);
                    }
                }
            }

            System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
            using var image = SKImage.FromBitmap(bitmap);
            _canvas!.DrawImage(image, target, new SKSamplingOptions(SKFilterMode.Nearest), null);
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
            if (_canvas is null || _y + height > pageHeight - margin)
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
