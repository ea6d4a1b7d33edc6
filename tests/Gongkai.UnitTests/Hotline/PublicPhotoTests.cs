using System.Text;
using Gongkai.Hotline;
using SkiaSharp;

namespace Gongkai.UnitTests.Hotline;

public sealed class PublicPhotoTests
{
    /// <summary>A 4×2 JPEG whose left half is red and right half blue, with an EXIF block (orientation, a GPS note).</summary>
    private static byte[] PhoneJpeg(ushort orientation)
    {
        using var bitmap = new SKBitmap(4, 2);
        for (var x = 0; x < 4; x++)
        {
            for (var y = 0; y < 2; y++)
            {
                bitmap.SetPixel(x, y, x < 2 ? SKColors.Red : SKColors.Blue);
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 100);
        var jpeg = data.ToArray();
        // TIFF header (little-endian), one IFD entry: tag 0x0112 Orientation, SHORT, 1 value; then a GPS text marker.
        var tiff = new List<byte> { 0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01, 0x00, 0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00 };
        tiff.AddRange([(byte)orientation, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
        tiff.AddRange(Encoding.ASCII.GetBytes("GPSLatitude 31.4678N 104.6794E"));
        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).ToArray();
        var length = payload.Length + 2;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF), .. payload];
        return [jpeg[0], jpeg[1], .. app1, .. jpeg[2..]];
    }

    [Fact]
    public void The_public_copy_carries_no_camera_metadata()
    {
        var original = PhoneJpeg(orientation: 1);
        Assert.Contains("GPSLatitude", Encoding.ASCII.GetString(original), StringComparison.Ordinal);

        var copy = PublicPhoto.WithoutMetadata(original, "image/jpeg");

        Assert.NotNull(copy);
        var text = Encoding.ASCII.GetString(copy);
        Assert.DoesNotContain("GPSLatitude", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
        using var seen = SKBitmap.Decode(copy);
        Assert.Equal((4, 2), (seen.Width, seen.Height));
    }

    [Fact]
    public void A_photo_taken_sideways_is_turned_upright_before_its_orientation_tag_is_dropped()
    {
        // Orientation 6: the stored pixels must be turned 90° clockwise to be seen upright.
        var copy = PublicPhoto.WithoutMetadata(PhoneJpeg(orientation: 6), "image/jpeg");

        Assert.NotNull(copy);
        using var seen = SKBitmap.Decode(copy);
        Assert.Equal((2, 4), (seen.Width, seen.Height));
        // Turned clockwise, the stored left half (red) is now at the top and the right half (blue) at the bottom.
        Assert.True(seen.GetPixel(1, 0).Red > 200 && seen.GetPixel(1, 0).Blue < 80, $"top {seen.GetPixel(1, 0)}");
        Assert.True(seen.GetPixel(1, 3).Blue > 200 && seen.GetPixel(1, 3).Red < 80, $"bottom {seen.GetPixel(1, 3)}");
    }

    [Fact]
    public void A_file_that_is_not_a_picture_has_no_public_copy()
    {
        Assert.Null(PublicPhoto.WithoutMetadata(Encoding.ASCII.GetBytes("%PDF-1.4 not a photo"), "image/jpeg"));
        Assert.Null(PublicPhoto.WithoutMetadata(PhoneJpeg(orientation: 1), "application/pdf"));
    }

    [Fact]
    public void A_public_copy_is_made_once_and_served_again_from_the_cache()
    {
        using var cache = new PublicPhotoCache();
        var original = PhoneJpeg(orientation: 1);

        var first = cache.CopyOf("sha-of-original", original, "image/jpeg");
        var again = cache.CopyOf("sha-of-original", original, "image/jpeg");

        Assert.NotNull(first);
        Assert.Same(first, again);
        Assert.DoesNotContain("GPSLatitude", Encoding.ASCII.GetString(first), StringComparison.Ordinal);
        // Something that cannot be decoded is not remembered as a photo.
        Assert.Null(cache.CopyOf("sha-of-letter", Encoding.ASCII.GetBytes("%PDF-1.4"), "image/jpeg"));
    }
}
