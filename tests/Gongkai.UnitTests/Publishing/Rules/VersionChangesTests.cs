using Gongkai.Publishing;
using Gongkai.Publishing.Rules;

namespace Gongkai.UnitTests.Publishing.Rules;

public sealed class VersionChangesTests
{
    private static DocumentVersion Version(string title = "关于停水的通知", string? docNumber = "绵府办发〔2024〕7号", string subject = "综合政务",
        DateOnly? signedOn = null, string bodyHtml = "<p>因管网改造停水。</p>\n") => new()
    {
        Kind = DocumentVersion.Corrected,
        Title = title,
        DocNumber = docNumber,
        DocumentType = "通知公告",
        Subject = subject,
        SignedOn = signedOn ?? new DateOnly(2024, 3, 1),
        BodyHtml = bodyHtml,
        ContentHash = "",
    };

    [Fact]
    public void Each_changed_field_is_named_in_page_order()
    {
        var changed = VersionChanges.Between(Version(), Version(title: "关于临时停水的通知", docNumber: null, signedOn: new DateOnly(2024, 3, 2), bodyHtml: "<p>因管网改造临时停水。</p>"));

        Assert.Equal(["标题", "文号", "成文日期", "正文"], changed);
    }

    [Fact]
    public void Text_saved_again_through_the_sanitiser_with_other_line_breaks_counts_as_unchanged()
    {
        var changed = VersionChanges.Between(Version(bodyHtml: "<p>“停水”&#39;通知&#39;</p>\n<p>第二段</p>\n"), Version(subject: "城乡建设、环境保护", bodyHtml: "<p>“停水”'通知'</p><p>第二段</p>"));

        Assert.Equal(["主题分类"], changed);
    }

    [Fact]
    public void A_correction_of_nothing_visible_names_no_field()
    {
        Assert.Empty(VersionChanges.Between(Version(), Version()));
    }
}
