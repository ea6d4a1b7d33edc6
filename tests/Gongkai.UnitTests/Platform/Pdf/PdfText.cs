using UglyToad.PdfPig;

namespace Gongkai.UnitTests.Platform.Pdf;

/// <summary>Reads a rendered PDF back as text (shared with the host tests of letters and gazettes).</summary>
public static class PdfText
{
    /// <summary>The PDF's text, NFKC-normalised. Known limitation: Skia's ToUnicode map sends a glyph that a CJK font
    /// shares between an ideograph and a radical code point (人/⼈ U+2F08, 民/⺠ U+2EA0) to the lower code point. NFKC
    /// folds the Kangxi radicals (U+2Fxx) back; the few radicals-supplement ones (⺠) it does not, so assertions
    /// that use it avoid 民 and the page looks right either way.</summary>
    public static string Of(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text)).Normalize(System.Text.NormalizationForm.FormKC);
    }
}
