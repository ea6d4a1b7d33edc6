using Gongkai.Platform.Pdf;
using UglyToad.PdfPig;

namespace Gongkai.UnitTests.Platform.Pdf;

/// <summary>Reads a rendered PDF back as the text a reader copying it gets (shared with the host tests of letters and
/// gazettes): exactly the characters drawn, with no normalisation that could hide a wrong character.</summary>
public static class PdfText
{
    public static string Of(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(PdfTextLayer.Of));
    }
}
