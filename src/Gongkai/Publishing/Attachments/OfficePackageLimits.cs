using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;

namespace Gongkai.Publishing.Attachments;

/// <summary>
/// Word and Excel files are ZIP packages: a few megabytes can expand to gigabytes of XML (a "zip bomb") and cost
/// seconds and a gigabyte of memory per upload. An upload whose parts declare more than these sizes is refused, and
/// every reader opens packages with a cap on the characters of one part, so a package that lies about its sizes
/// fails as unreadable instead of filling the memory.
/// </summary>
public static class OfficePackageLimits
{
    /// <summary>One XML part (the document body, a worksheet, the shared strings) expanded.</summary>
    public const long MaxXmlPartBytes = 64L * 1024 * 1024;

    /// <summary>The whole package expanded (images included).</summary>
    public const long MaxExpandedBytes = 256L * 1024 * 1024;

    /// <summary>Settings for every OpenXml open: the XML reader stops after this many characters in one part.</summary>
    public static OpenSettings Reading => new() { MaxCharactersInPart = MaxXmlPartBytes };

    /// <summary>Why the package expands too far, or null when it does not.</summary>
    public static string? RefuseExpansion(string fileName, byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length > MaxXmlPartBytes && entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                {
                    return $"文件“{fileName}”解压后其中的“{entry.FullName}”有 {Megabytes(entry.Length)}，超过 {Megabytes(MaxXmlPartBytes)} 的上限，疑似“压缩炸弹”，已拒绝。正常的公文不会这么大，请检查文件来源。";
                }
            }

            return total > MaxExpandedBytes
                ? $"文件“{fileName}”解压后共 {Megabytes(total)}，超过 {Megabytes(MaxExpandedBytes)} 的上限，已拒绝。请压缩其中的图片或拆分后重新上传。"
                : null;
        }
        catch (InvalidDataException)
        {
            return null; // Not a readable ZIP: the type check and the text reader report it.
        }
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024):N0} MB";
}
