using SkiaSharp;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Gongkai.UnitTests.Platform.Pdf;

/// <summary>Reads the QR codes of a rendered PDF as a phone would: every image on every page is decoded with ZXing
/// (the renderer draws codes as images, so this is the picture a printer prints, not the text it was made from).</summary>
public static class PdfQr
{
    public static IReadOnlyList<string> Decode(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var found = new List<string>();
        foreach (var page in document.GetPages())
        {
            foreach (var image in page.GetImages())
            {
                Assert.True(image.TryGetPng(out var png), "an image in the PDF could not be read");
                found.Add(DecodeImage(png));
            }
        }

        return found;
    }

    /// <summary>The QR code in a picture (PNG or any format Skia reads), found anywhere in it as a camera would.</summary>
    public static string DecodeImage(byte[] png, SKRectI? frame = null)
    {
        using var whole = SKBitmap.Decode(png);
        Assert.True(whole is not null, "the picture could not be decoded");
        using var bitmap = new SKBitmap();
        if (frame is { } area)
        {
            // The code's white plate, as a phone user frames it. (ZXing's detector does not find the code in the whole cover
            // card — the dark red ground around the plate seems to upset its binarizer — so the test frames the plate.)
            var framed = SKRectI.Intersect(area, new SKRectI(0, 0, whole.Width, whole.Height));
            Assert.True(whole.ExtractSubset(bitmap, framed), "the framed part could not be cut out");
        }
        else
        {
            Assert.True(whole.CopyTo(bitmap), "the picture could not be copied");
        }

        var luminance = new byte[bitmap.Width * bitmap.Height];
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                luminance[y * bitmap.Width + x] = (byte)((pixel.Red * 299 + pixel.Green * 587 + pixel.Blue * 114) / 1000);
            }
        }

        var source = new RGBLuminanceSource(luminance, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
            new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = false, [DecodeHintType.TRY_HARDER] = true });
        Assert.True(result is not null, "the picture holds no readable QR code");
        return result.Text;
    }
}
