using Gongkai.Platform.Outcomes;
using Gongkai.Publishing.Contracts;
using Gongkai.Requests;

namespace Gongkai.Admin;

/// <summary>Requests' reply files pass Publishing's attachment checks: Requests sits beside Publishing, so the shell,
/// which may use both, joins them.</summary>
internal sealed class ReplyFileCheck : IReplyFileCheck
{
    public string AcceptedExtensions => UploadedFiles.AcceptedExtensions;

    public Outcome<CheckedReplyFile> Check(string? fileName, byte[] content, long maxBytes)
    {
        var checkedUpload = UploadedFiles.Check(fileName, content, maxBytes);
        return checkedUpload.Value is { } file
            ? new CheckedReplyFile(file.FileName, file.MediaType, file.KindName, file.Size)
            : checkedUpload.Refusal ?? Refusal.InvalidField("file", "无法识别文件类型。");
    }
}
