using QRCoder;

namespace Gongkai.Staff;

/// <summary>What an authenticator app needs to enrol: the shared key in readable groups, the otpauth:// URI that
/// apps read from a QR code, and that QR code as a PNG data URI (an image, so no script is needed to draw it).</summary>
public static class Authenticator
{
    public const string Issuer = "Gongkai";

    /// <summary>“ABCD EFGH …”: easier to type into a phone than 32 letters in a row.</summary>
    public static string FormatKey(string key) =>
        string.Join(' ', key.ToUpperInvariant().Chunk(4).Select(chunk => new string(chunk)));

    public static string OtpAuthUri(string userName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    public static string QrCodeDataUri(string content)
    {
        var png = PngByteQRCodeHelper.GetQRCode(content, QRCodeGenerator.ECCLevel.M, 5, true);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
