using System.IO.Compression;
using System.Xml;

namespace Gongkai.Publishing.Attachments;

/// <summary>The kinds of file a document may carry.</summary>
public enum AttachmentKind
{
    Pdf,
    Docx,
    Xlsx,
    Png,
    Jpeg,
    Gif,
}

/// <summary>What an uploaded file is, decided from its bytes: the magic number, and for the Office formats (which are
/// ZIP packages) the main part's content type in <c>[Content_Types].xml</c>. The name's extension must agree with the
/// content; a file renamed to look like something else is refused with a Chinese message.</summary>
public static class AttachmentFileType
{
    private const string WordMainPart = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMainPart = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    /// <summary>A ZIP package's [Content_Types].xml larger than this is not an Office file we accept.</summary>
    private const long MaxContentTypesBytes = 1024 * 1024;

    private static readonly Dictionary<string, AttachmentKind> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = AttachmentKind.Pdf,
        [".docx"] = AttachmentKind.Docx,
        [".xlsx"] = AttachmentKind.Xlsx,
        [".png"] = AttachmentKind.Png,
        [".jpg"] = AttachmentKind.Jpeg,
        [".jpeg"] = AttachmentKind.Jpeg,
        [".gif"] = AttachmentKind.Gif,
    };

    public const string AcceptedExtensions = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif";

    public static string MediaType(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => "application/pdf",
        AttachmentKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        AttachmentKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        AttachmentKind.Png => "image/png",
        AttachmentKind.Jpeg => "image/jpeg",
        AttachmentKind.Gif => "image/gif",
        _ => "application/octet-stream",
    };

    public static string ChineseName(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => "PDF 文档",
        AttachmentKind.Docx => "Word 文档",
        AttachmentKind.Xlsx => "Excel 表格",
        AttachmentKind.Png => "PNG 图片",
        AttachmentKind.Jpeg => "JPEG 图片",
        AttachmentKind.Gif => "GIF 图片",
        _ => kind.ToString(),
    };

    public static bool IsImage(AttachmentKind kind) => kind is AttachmentKind.Png or AttachmentKind.Jpeg or AttachmentKind.Gif;

    /// <summary>The kind the extension of <paramref name="fileName"/> claims, or null for a type not accepted.</summary>
    public static AttachmentKind? ClaimedBy(string fileName) =>
        Extensions.TryGetValue(Path.GetExtension(fileName), out var kind) ? kind : null;

    /// <summary>The kind the content is, or null when it is none of the accepted kinds.</summary>
    public static AttachmentKind? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return AttachmentKind.Pdf;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return AttachmentKind.Png;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return AttachmentKind.Jpeg;
        }

        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8))
        {
            return AttachmentKind.Gif;
        }

        return null;
    }

    /// <summary>The kind of the whole file: the magic number, or for a ZIP package the Office main part's type.</summary>
    public static AttachmentKind? Detect(byte[] content)
    {
        if (Sniff(content) is { } kind)
        {
            return kind;
        }

        return content.AsSpan().StartsWith("PK\x03\x04"u8) ? OfficeKind(content) : null;
    }

    /// <summary>Checks an upload: the name must have an accepted extension and the content must be of that kind.
    /// Returns the kind, or a Chinese message saying what is wrong.</summary>
    public static (AttachmentKind? Kind, string? Error) Check(string fileName, byte[] content)
    {
        var claimed = ClaimedBy(fileName);
        if (claimed is null)
        {
            return (null, $"不支持“{Path.GetExtension(fileName)}”类型的文件。附件只能是 PDF、Word（.docx）、Excel（.xlsx）或 PNG、JPEG、GIF 图片。");
        }

        if (content.Length == 0)
        {
            return (null, "上传的文件是空的（0 字节），请检查后重新上传。");
        }

        var actual = Detect(content);
        if (actual is null)
        {
            return (null, $"文件“{fileName}”的内容不是{ChineseName(claimed.Value)}，无法识别其真实类型。请确认文件没有损坏或被改过扩展名。");
        }

        if (actual != claimed)
        {
            return (null, $"文件“{fileName}”的扩展名表明是{ChineseName(claimed.Value)}，但内容实际是{ChineseName(actual.Value)}。请使用与内容一致的扩展名后重新上传。");
        }

        if (actual is AttachmentKind.Docx or AttachmentKind.Xlsx && OfficePackageLimits.RefuseExpansion(fileName, content) is { } tooLarge)
        {
            return (null, tooLarge);
        }

        return (actual, null);
    }

    private static AttachmentKind? OfficeKind(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var entry = zip.GetEntry("[Content_Types].xml");
            if (entry is null || entry.Length > MaxContentTypesBytes)
            {
                return null;
            }

            using var stream = entry.Open();
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
                // The main part is usually an Override; some writers declare it as the Default of its extension.
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName is not ("Override" or "Default"))
                {
                    continue;
                }

                switch (reader.GetAttribute("ContentType"))
                {
                    case WordMainPart:
                        return AttachmentKind.Docx;
                    case ExcelMainPart:
                        return AttachmentKind.Xlsx;
                }
            }

            return null;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            return null;
        }
    }
}
