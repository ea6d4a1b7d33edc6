using Gongkai.Publishing.Attachments;

namespace Gongkai.UnitTests.Publishing.Attachments;

public sealed class AttachmentFileTypeTests
{
    [Fact]
    public void Each_accepted_kind_is_recognised_from_its_content()
    {
        Assert.Equal(AttachmentKind.Docx, AttachmentFileType.Check("通知.docx", AttachmentFixtures.Docx("正文")).Kind);
        Assert.Equal(AttachmentKind.Xlsx, AttachmentFileType.Check("名单.XLSX", AttachmentFixtures.Xlsx(["姓名"])).Kind);
        Assert.Equal(AttachmentKind.Pdf, AttachmentFileType.Check("公告.pdf", AttachmentFixtures.Pdf("Notice")).Kind);
        Assert.Equal(AttachmentKind.Png, AttachmentFileType.Check("图.png", AttachmentFixtures.Png()).Kind);
        Assert.Equal(AttachmentKind.Jpeg, AttachmentFileType.Check("照片.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]).Kind);
        Assert.Equal(AttachmentKind.Gif, AttachmentFileType.Check("动图.gif", "GIF89a\0\0"u8.ToArray()).Kind);
    }

    [Fact]
    public void A_pdf_renamed_to_docx_is_refused_saying_what_it_really_is()
    {
        var (kind, error) = AttachmentFileType.Check("实施方案.docx", AttachmentFixtures.Pdf("x"));
        Assert.Null(kind);
        Assert.Contains("Word 文档", error, StringComparison.Ordinal);
        Assert.Contains("内容实际是PDF 文档", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_document_renamed_to_xlsx_is_refused()
    {
        var (kind, error) = AttachmentFileType.Check("表格.xlsx", AttachmentFixtures.Docx("正文"));
        Assert.Null(kind);
        Assert.Contains("内容实际是Word 文档", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_zip_or_text_named_like_an_office_file_is_not_recognised()
    {
        Assert.Contains("无法识别", AttachmentFileType.Check("a.docx", AttachmentFixtures.PlainZip()).Error, StringComparison.Ordinal);
        Assert.Contains("无法识别", AttachmentFileType.Check("a.pdf", "just text"u8.ToArray()).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_extensions_and_empty_files_are_refused_in_Chinese()
    {
        Assert.Contains("不支持", AttachmentFileType.Check("setup.exe", AttachmentFixtures.Pdf("x")).Error, StringComparison.Ordinal);
        Assert.Contains("空的", AttachmentFileType.Check("a.pdf", []).Error, StringComparison.Ordinal);
    }
}
