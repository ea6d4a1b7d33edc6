using Gongkai.Platform.Text;

namespace Gongkai.UnitTests.Platform;

public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("\u202Egpj.pdf", "gpj.pdf")]               // a right-to-left override would show it as "fdp.jpg"
    [InlineData("张\u200B三", "张三")]                      // zero-width space: looks like another person's name
    [InlineData("报告\u0000.docx", "报告.docx")]
    [InlineData("\uFEFF关于做好2026年政务公开工作的通知\r\n", "关于做好2026年政务公开工作的通知")]
    [InlineData("a\u2066b\u2069c\u200Ed\u00ADe", "abcde")]
    [InlineData("绵阳市 人民政府", "绵阳市 人民政府")]
    [InlineData("名单\U000E0041\U000E0042.pdf", "名单.pdf")]   // tag characters, outside the BMP
    [InlineData("𠀀字 (CJK Ext. B) 👍", "𠀀字 (CJK Ext. B) 👍")]
    public void Only_characters_that_show_are_kept(string input, string expected) =>
        Assert.Equal(expected, VisibleText.Clean(input));
}
