using Microsoft.Extensions.Caching.Memory;
using SkiaSharp;

namespace Gongkai.Hotline;

/// <summary>
/// The copy of a caller's photo that the public sees: decoded, turned upright by its EXIF orientation and encoded
/// again, so nothing of the camera's metadata (GPS position, time, device) leaves with it. Staff keep the original.
/// </summary>
public static class PublicPhoto
{
    /// <summary>The photo without metadata, in its own format; null when it cannot be decoded.</summary>
    public static byte[]? WithoutMetadata(byte[] content, string mediaType)
    {
        var format = mediaType switch
        {
            "image/jpeg" => SKEncodedImageFormat.Jpeg,
            "image/png" => SKEncodedImageFormat.Png,
            _ => (SKEncodedImageFormat?)null,
        };
        if (format is null)
        {
            return null;
        }

        using var codec = SKCodec.Create(new MemoryStream(content, writable: false));
        if (codec is null)
        {
            return null;
        }

        var origin = codec.EncodedOrigin;
        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return null;
        }

        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        using var upright = new SKBitmap(turned ? decoded.Height : decoded.Width, turned ? decoded.Width : decoded.Height, decoded.ColorType, decoded.AlphaType);
        using (var canvas = new SKCanvas(upright))
        {
            canvas.SetMatrix(Upright(origin, decoded.Width, decoded.Height));
            canvas.DrawBitmap(decoded, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        }

        using var data = upright.Encode(format.Value, 90);
        return data?.ToArray();
    }

    /// <summary>Maps a pixel of the stored image to where it is seen (x' = sx·x + kx·y + tx, y' = ky·x + sy·y + ty).</summary>
    private static SKMatrix Upright(SKEncodedOrigin origin, float width, float height) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, height, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, height, -1, 0, width, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, width, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}

/// <summary>
/// Public copies already made, by the original's SHA-256. A photo is marked public at upload and never changes or
/// becomes private afterwards, so each node decodes and encodes it once instead of on every view.
/// </summary>
public sealed class PublicPhotoCache : IDisposable
{
    private readonly MemoryCache copies = new(new MemoryCacheOptions
    {
        SizeLimit = 64L * 1024 * 1024, // bytes of copies kept; the least used go first
    });

    /// <summary>The public copy of a stored photo (see <see cref="PublicPhoto.WithoutMetadata"/>); null when it cannot be decoded.</summary>
    public byte[]? CopyOf(string sha256, byte[] content, string mediaType)
    {
        var key = sha256 + "|" + mediaType;
        if (copies.TryGetValue(key, out byte[]? copy))
        {
            return copy;
        }

        copy = PublicPhoto.WithoutMetadata(content, mediaType);
        if (copy is not null)
        {
            copies.Set(key, copy, new MemoryCacheEntryOptions { Size = copy.Length });
        }

        return copy;
    }

    public void Dispose() => copies.Dispose();
}
