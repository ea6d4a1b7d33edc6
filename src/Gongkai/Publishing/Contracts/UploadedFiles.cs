using Gongkai.Platform.Outcomes;
using Gongkai.Publishing.Attachments;

namespace Gongkai.Publishing.Contracts;

/// <summary>An upload that passed the checks: its cleaned name, the media type it is served with, the kind's Chinese
/// name and a readable size.</summary>
public sealed record CheckedUpload(string FileName, string MediaType, string KindName, string Size);

/// <summary>The checks a document attachment passes (name cleaned; PDF, Word, Excel or an image by its bytes, the
/// extension agreeing; Office packages within their expansion limits), for other modules that keep files of their own
/// (a consultation's draft and explanations).</summary>
public static class UploadedFiles
{
    public const string AcceptedExtensions = AttachmentFileType.AcceptedExtensions;

    /// <summary>A size as the attachment lists show it (B, KB, MB).</summary>
    public static string SizeText(long bytes) => AttachmentDesk.Size(bytes);

    public static Outcome<CheckedUpload> Check(string? fileName, byte[] content, long maxBytes)
    {
        var name = AttachmentDesk.CleanName(fileName);
        if (name is null)
        {
            return Refusal.InvalidField("file", "请选择要上传的文件。", "缺少文件");
        }

        if (content.Length > maxBytes)
        {
            return Refusal.InvalidField("file", $"文件过大：附件不能超过 {AttachmentDesk.Size(maxBytes)}。请压缩或拆分后重新上传。", "文件过大");
        }

        var (kind, error) = AttachmentFileType.Check(name, content);
        if (kind is not { } k)
        {
            return Refusal.InvalidField("file", error ?? "无法识别文件类型。", "文件类型有误");
        }

        return new CheckedUpload(name, AttachmentFileType.MediaType(k), AttachmentFileType.ChineseName(k), AttachmentDesk.Size(content.Length));
    }
}
