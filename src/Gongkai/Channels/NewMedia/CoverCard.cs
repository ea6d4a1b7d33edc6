using System.Globalization;
using SkiaSharp;

namespace Gongkai.Channels.NewMedia;

/// <summary>The two shapes of a cover card: 微信公众号's 2.35:1 header image (900×383) and a square (600×600) for the
/// second articles of a 微信 push, 微博 and 抖音.</summary>
public enum CoverShape
{
    Wide,
    Square,
}

/// <summary>What a post's cover card shows: its title, the body that publishes it, a QR code of the original document's
/// public address, and the site's name.</summary>
public sealed record CoverContent(string Title, string BodyName, string SiteName, string OriginalUrl);

/// <summary>
/// Draws a post's cover card as PNG with Skia, in the CJK typeface the PDFs use: the title wrapped by character (as
/// Chinese is) and cut with an ellipsis after three lines, the body's name above it, the site's name at the foot, and
/// the QR code drawn module by module in whole pixels on a white quiet zone, so it scans from a phone screen.
/// </summary>
public static class CoverCard
{
    public const string QrCaption = "扫码阅读原文";

    private static readonly SKColor Ground = new(0xA3, 0x1A, 0x1E);
    private static readonly SKColor Ink = SKColors.White;
    private static readonly SKColor Muted = new(0xFF, 0xE3, 0xC2);

    public static (int Width, int Height) Size(CoverShape shape) => shape == CoverShape.Square ? (600, 600) : (900, 383);

    private const int WideQrBox = 232;
    private const int SquareQrBox = 220;

    /// <summary>Where the QR code's white square lies on the card (what a phone frames to scan it).</summary>
    public static SKRectI QrArea(CoverShape shape)
    {
        var (width, height) = Size(shape);
        if (shape == CoverShape.Wide)
        {
            var left = width - 48 - WideQrBox;
            var top = (height - WideQrBox - 34) / 2;
            return new SKRectI(left, top, left + WideQrBox, top + WideQrBox);
        }

        var squareLeft = (width - SquareQrBox) / 2;
        var squareTop = height - SquareQrBox - 96;
        return new SKRectI(squareLeft, squareTop, squareLeft + SquareQrBox, squareTop + SquareQrBox);
    }

    public static byte[] Render(CoverContent content, CoverShape shape, SKTypeface typeface)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(typeface);
        var (width, height) = Size(shape);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(Ground);
        using var band = new SKPaint { Color = new SKColor(0xC8, 0x9B, 0x3C), IsAntialias = false };
        canvas.DrawRect(0, 0, width, 8, band);

        if (shape == CoverShape.Wide)
        {
            const float margin = 48f;
            var area = QrArea(shape);
            var textWidth = area.Left - margin - 36f;
            var y = Lines(canvas, typeface, content.BodyName, 26f, false, Muted, margin, 72f, textWidth, 1);
            Lines(canvas, typeface, content.Title, 42f, true, Ink, margin, y + 18f + 42f, textWidth, 3);
            Lines(canvas, typeface, content.SiteName, 22f, false, Muted, margin, height - 40f, textWidth, 1);
            Qr(canvas, content.OriginalUrl, area);
            Centered(canvas, typeface, QrCaption, 20f, Muted, area.MidX, area.Bottom + 28f);
        }
        else
        {
            const float margin = 44f;
            var textWidth = width - 2 * margin;
            var y = Lines(canvas, typeface, content.BodyName, 26f, false, Muted, margin, 78f, textWidth, 1);
            Lines(canvas, typeface, content.Title, 40f, true, Ink, margin, y + 18f + 40f, textWidth, 3);
            Qr(canvas, content.OriginalUrl, QrArea(shape));
            Centered(canvas, typeface, QrCaption + "　" + content.SiteName, 20f, Muted, width / 2f, height - 48f);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>The text wrapped by character within <paramref name="width"/>, at most <paramref name="maxLines"/> lines (the
    /// last cut with …); returns the baseline of the last line drawn.</summary>
    private static float Lines(SKCanvas canvas, SKTypeface typeface, string text, float size, bool bold, SKColor color, float x, float y, float width, int maxLines)
    {
        using var font = new SKFont(typeface, size) { Embolden = bold, Subpixel = true, Edging = SKFontEdging.Antialias };
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        var lines = Wrap(font, text.Trim(), width, maxLines);
        var lineHeight = size * 1.35f;
        var baseline = y;
        for (var i = 0; i < lines.Count; i++)
        {
            baseline = y + i * lineHeight;
            canvas.DrawText(lines[i], x, baseline, SKTextAlign.Left, font, paint);
        }

        return baseline;
    }

    internal static List<string> Wrap(SKFont font, string text, float width, int maxLines)
    {
        var lines = new List<string>();
        var elements = StringInfo.GetTextElementEnumerator(text);
        var line = "";
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (line.Length > 0 && font.MeasureText(line + element) > width)
            {
                lines.Add(line);
                line = "";
            }

            line += element;
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        if (lines.Count <= maxLines)
        {
            return lines;
        }

        var kept = lines.Take(maxLines).ToList();
        var last = kept[^1];
        while (last.Length > 0 && font.MeasureText(last + "…") > width)
        {
            last = last[..^1];
        }

        kept[^1] = last + "…";
        return kept;
    }

    private static void Centered(SKCanvas canvas, SKTypeface typeface, string text, float size, SKColor color, float centre, float baseline)
    {
        using var font = new SKFont(typeface, size) { Subpixel = true };
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(text, centre, baseline, SKTextAlign.Center, font, paint);
    }

    /// <summary>The code on a white square of <paramref name="box"/> pixels: whole pixels a module, the rest quiet zone.</summary>
    private static void Qr(SKCanvas canvas, string content, SKRectI area)
    {
        var (left, top, box) = (area.Left, area.Top, area.Width);
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCoder.QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix; // includes QRCoder's 4-module quiet zone
        var modules = matrix.Count;
        var pixels = Math.Max(1, box / modules);
        var offset = (box - modules * pixels) / 2;
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = false };
        using var black = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        canvas.DrawRect(left, top, box, box, white);
        for (var row = 0; row < modules; row++)
        {
            for (var column = 0; column < modules; column++)
            {
                if (matrix[row][column])
                {
                    canvas.DrawRect(left + offset + column * pixels, top + offset + row * pixels, pixels, pixels, black);
                }
            }
        }
    }
}
