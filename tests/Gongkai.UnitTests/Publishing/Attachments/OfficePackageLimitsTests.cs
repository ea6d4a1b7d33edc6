using System.IO.Compression;
using System.Text;
using Gongkai.Publishing.Attachments;

namespace Gongkai.UnitTests.Publishing.Attachments;

public sealed class OfficePackageLimitsTests
{
    /// <summary>A real Word file whose body part carries 70 MB of blank XML: a few hundred kilobytes on disk.</summary>
    private static byte[] DocxBomb()
    {
        var docx = AttachmentFixtures.Docx("关于开展安全检查的通知");
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            var bomb = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var writer = new StreamWriter(bomb.Open(), new UTF8Encoding(false));
            var cut = xml.LastIndexOf("</w:body>", StringComparison.Ordinal);
            writer.Write(xml[..cut]);
            var blanks = new string(' ', 1024 * 1024);
            for (var i = 0; i < 70; i++)
            {
                writer.Write(blanks);
            }

            writer.Write(xml[cut..]);
        }

        return stream.ToArray();
    }

    [Fact]
    public void A_word_file_that_expands_past_the_part_limit_is_refused_naming_the_part()
    {
        var bomb = DocxBomb();
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the fixture is {bomb.Length} bytes");

        var (kind, error) = AttachmentFileType.Check("通知.docx", bomb);

        Assert.Null(kind);
        Assert.Contains("word/document.xml", error, StringComparison.Ordinal);
        Assert.Contains("压缩炸弹", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_office_files_pass()
    {
        Assert.Equal(AttachmentKind.Docx, AttachmentFileType.Check("通知.docx", AttachmentFixtures.Docx("正文")).Kind);
        Assert.Equal(AttachmentKind.Xlsx, AttachmentFileType.Check("名单.xlsx", AttachmentFixtures.Xlsx(["姓名", "金额"])).Kind);
    }

    [Fact]
    public void A_package_read_past_the_character_cap_is_unreadable_not_a_memory_spike()
    {
        // The extractor's cap applies whatever the package declares; the bomb is read as a failure, not into memory.
        var result = AttachmentTextExtractor.Extract(AttachmentKind.Docx, DocxBomb());
        Assert.Equal(AttachmentTextStatus.Failed, result.Status);
    }
}
