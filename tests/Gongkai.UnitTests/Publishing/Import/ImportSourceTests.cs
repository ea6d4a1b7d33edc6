using Gongkai.Publishing;
using Gongkai.Publishing.Import;

namespace Gongkai.UnitTests.Publishing.Import;

public sealed class ImportSourceTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static ImportParse Parse(string text, string path = "a/b.md") => ImportSource.Parse(path, text, Today);

    [Fact]
    public void A_corpus_file_becomes_a_policy_document_filed_under_its_category()
    {
        var file = Parse("---\ntitle: \"中华人民共和国治安管理处罚法\"\ncategory: \"部门规章/公安部\"\nissued: 2012-10-26\nsource: \"LawRefBook/Laws:治安.md\"\n---\n\n第一条　为维护社会治安秩序，制定本法。\n\n第二条　扰乱公共秩序……\n").File!;
        Assert.Equal("中华人民共和国治安管理处罚法", file.Title);
        Assert.Equal(["部门规章", "公安部"], file.CategoryPath);
        Assert.Equal(new DateOnly(2012, 10, 26), file.Issued);
        Assert.Equal(DocumentCatalog.OtherPolicyDocument, file.DocumentType);
        Assert.Equal("公安、安全、司法", file.Subject);
        Assert.Equal("LawRefBook/Laws:治安.md", file.SourceKey);
        Assert.Equal("<p>第一条　为维护社会治安秩序，制定本法。</p>\n<p>第二条　扰乱公共秩序……</p>\n", file.BodyHtml);
    }

    [Fact]
    public void Without_a_source_the_relative_path_is_the_key_and_without_issued_the_first_date_in_the_text_is_used()
    {
        var file = Parse("---\ntitle: 宪法修正案\ncategory: 宪法\n---\n\n2004年3月14日 第十届全国人民代表大会第二次会议通过\n", "宪法\\修正案.md").File!;
        Assert.Equal("宪法/修正案.md", file.SourceKey);
        Assert.Equal(new DateOnly(2004, 3, 14), file.Issued);
        Assert.Equal("综合政务", file.Subject);
    }

    [Fact]
    public void Raw_html_is_shown_as_text_and_script_links_are_removed()
    {
        var html = Parse("---\ntitle: t\ncategory: c\nissued: 2020-01-01\n---\n<script>alert(1)</script>\n\n[点我](javascript:alert(1)) [政府网站](https://www.gov.cn/)\n").File!.BodyHtml;
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.gov.cn/\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("第一条 没有 front matter。", "缺少 YAML front matter")]
    [InlineData("---\ntitle: t\ncategory: c\n", "没有结束标记")]
    [InlineData("---\ntitle: \"未闭合\ncategory: c\n---\n正文", "不是有效的 YAML")]
    [InlineData("---\ncategory: c\n---\n正文", "缺少 title")]
    [InlineData("---\ntitle: t\n---\n正文", "缺少 category")]
    [InlineData("---\ntitle: t\ncategory: a//b\n---\n正文", "不是有效的目录路径")]
    [InlineData("---\ntitle: t\ncategory: c\nissued: 2019-13-01\n---\n正文", "不是 yyyy-MM-dd")]
    [InlineData("---\ntitle: t\ncategory: c\nissued: 2027-01-01\n---\n正文", "晚于今天")]
    [InlineData("---\ntitle: t\ncategory: c\ndocNumber: 第12号文\n---\n正文", "格式不正确")]
    [InlineData("---\ntitle: t\ncategory: c\ntype: 会议纪要\n---\n正文", "无法识别的文件类型")]
    [InlineData("---\ntitle: t\ncategory: c\n---\n\n   \n", "正文为空")]
    public void Bad_files_are_rejected_with_a_reason(string text, string reason)
    {
        var parse = Parse(text);
        Assert.Null(parse.File);
        Assert.Contains(reason, parse.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Type_words_map_to_document_types_and_document_numbers_are_normalised()
    {
        Assert.Equal(DocumentCatalog.Notice, ImportMapping.DocumentType("公告"));
        Assert.Equal(DocumentCatalog.NormativeDocument, ImportMapping.DocumentType("规范性文件"));
        Assert.Equal(DocumentCatalog.PlanDocument, ImportMapping.DocumentType("规划计划"));
        Assert.Null(ImportMapping.DocumentType("会议纪要"));
        Assert.Equal("劳动、人事、监察", ImportMapping.Subject(null, "部门规章/人力资源社会保障部"));
        Assert.Equal("卫生、体育", ImportMapping.Subject("卫生、体育", "宪法"));
        var file = Parse("---\ntitle: t\ncategory: c\ndocNumber: 国发[2019]5号\nissued: 2019-04-03\n---\n正文").File!;
        Assert.Equal("国发〔2019〕5号", file.DocNumber);
    }

    [Fact]
    public void The_progress_bar_shows_the_share_done()
    {
        Assert.Equal("[###############---------------] 5/10 50 %", ConsoleImportProgress.Bar(5, 10));
        Assert.StartsWith("[##############################] 0/0", ConsoleImportProgress.Bar(0, 0), StringComparison.Ordinal);
    }
}
