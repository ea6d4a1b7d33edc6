using Gongkai.Publishing.Attachments;

namespace Gongkai.UnitTests.Publishing.Attachments;

public sealed class AttachmentTextExtractorTests
{
    [Fact]
    public void Word_text_is_read_paragraph_by_paragraph_joining_runs()
    {
        var text = AttachmentTextExtractor.Extract(AttachmentKind.Docx, AttachmentFixtures.Docx(["第一", "段"], ["第二段"]));
        Assert.Equal(AttachmentTextStatus.Extracted, text.Status);
        Assert.Equal("第一段\n第二段", text.Text);
    }

    [Fact]
    public void Excel_cells_are_read_row_by_row_with_shared_strings()
    {
        var text = AttachmentTextExtractor.Extract(AttachmentKind.Xlsx, AttachmentFixtures.Xlsx(["姓名", "金额"], ["张三", "1200"]));
        Assert.Equal(AttachmentTextStatus.Extracted, text.Status);
        Assert.Equal("姓名\t金额\n张三\t1200", text.Text);
    }

    [Fact]
    public void Pdf_text_is_read()
    {
        var text = AttachmentTextExtractor.Extract(AttachmentKind.Pdf, AttachmentFixtures.Pdf("Subsidy list 2024"));
        Assert.Equal(AttachmentTextStatus.Extracted, text.Status);
        Assert.Contains("Subsidy list 2024", text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_file_is_flagged_not_thrown()
    {
        var word = AttachmentTextExtractor.Extract(AttachmentKind.Docx, AttachmentFixtures.BrokenDocx());
        Assert.Equal(AttachmentTextStatus.Failed, word.Status);
        Assert.StartsWith(AttachmentTextExtractor.FailedLabel, word.Problem, StringComparison.Ordinal);

        var pdf = AttachmentTextExtractor.Extract(AttachmentKind.Pdf, "%PDF-1.7\n garbage without objects"u8.ToArray());
        Assert.Equal(AttachmentTextStatus.Failed, pdf.Status);
        Assert.Equal("", pdf.Text);
    }

    [Fact]
    public void Very_long_text_is_capped_and_says_so()
    {
        var paragraph = new string('文', 60_000);
        var text = AttachmentTextExtractor.Extract(AttachmentKind.Docx, AttachmentFixtures.Docx(paragraph, paragraph, paragraph, paragraph));
        Assert.True(text.Truncated);
        Assert.True(text.Text.Length <= AttachmentTextExtractor.MaxChars);
    }

    [Fact]
    public void Images_have_no_text_to_read()
    {
        Assert.Equal(AttachmentTextStatus.NotApplicable, AttachmentTextExtractor.Extract(AttachmentKind.Png, AttachmentFixtures.Png()).Status);
    }

    [Fact]
    public void Masking_a_word_file_rewrites_only_text_inside_one_run()
    {
        var docx = AttachmentFixtures.Docx(["申请人张三，身份证号码", AttachmentFixtures.IdNumber], ["联系电话 138", "12345678"]);
        Assert.Equal(new HashSet<string> { AttachmentFixtures.IdNumber }, DocxMasker.FindableInOneNode(docx, [AttachmentFixtures.IdNumber, "13812345678"]));

        var (masked, count) = DocxMasker.Mask(docx, [(AttachmentFixtures.IdNumber, "1101**********002X"), ("13812345678", "138****5678")]);
        Assert.Equal(1, count);
        var text = AttachmentTextExtractor.Extract(AttachmentKind.Docx, masked).Text;
        Assert.Contains("1101**********002X", text, StringComparison.Ordinal);
        Assert.DoesNotContain(AttachmentFixtures.IdNumber, text, StringComparison.Ordinal);
        Assert.Contains("13812345678", text, StringComparison.Ordinal);
    }
}
