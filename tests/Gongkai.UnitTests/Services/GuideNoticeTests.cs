using Gongkai.Platform.Pdf;
using Gongkai.Services.Print;
using Gongkai.Services.Rules;
using Gongkai.UnitTests.Platform.Pdf;
using UglyToad.PdfPig;

namespace Gongkai.UnitTests.Services;

/// <summary>The 一次性告知单 of a service guide: one A4 page whose text copies out as written and whose QR code opens the
/// online guide, however long the guide.</summary>
public sealed class GuideNoticeTests
{
    private static readonly PdfRenderer Renderer = new();

    private static GuideNoticeContent Notice(string conditions = "持有本市户籍，共同生活的家庭成员人均收入低于当地最低生活保障标准。", int materials = 2) => new(
        new GuideContent("城乡居民最低生活保障审核确认", "行政给付", "《社会救助暂行办法》第九条", conditions,
            Enumerable.Range(1, materials).Select(i => new GuideMaterial($"材料{i}", "原件", 1, null, null)).ToList(),
            "申请—受理—调查—审核确认—公示—发放", 30, 15, "不收费", "市政务服务中心一楼民政窗口", "工作日 9:00—12:00，13:30—17:00", "乘1路公交车至政务服务中心站",
            "0816-0000001", "12345", "最低生活保障金领取证", null, true, true, "https://example.gov.cn/dibao"),
        "绵阳市民政局", 2, new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 1), "https://www.mianyang.gov.cn/guides/7", new DateOnly(2026, 12, 3));

    private static string Visible(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public void A_guide_prints_on_one_A4_page_whose_text_copies_out_exactly_and_whose_code_opens_the_online_guide()
    {
        var notice = Notice();
        var pdf = GuideNotice.Render(Renderer, notice);

        using (var document = PdfDocument.Open(pdf.Bytes))
        {
            Assert.Equal(1, document.NumberOfPages);
            Assert.Equal(595, document.GetPage(1).Width, 0);
            Assert.Equal(842, document.GetPage(1).Height, 0);
        }

        var expected = "城乡居民最低生活保障审核确认一次性告知单" + "绵阳市民政局第2版本指南于2026年11月20日更新，自2026年12月1日起施行" + "办事要素内容"
            + "事项名称城乡居民最低生活保障审核确认事项类型行政给付实施机关绵阳市民政局设定依据《社会救助暂行办法》第九条"
            + "受理条件持有本市户籍，共同生活的家庭成员人均收入低于当地最低生活保障标准。申请材料1.材料1（原件，1份）2.材料2（原件，1份）"
            + "办理流程申请—受理—调查—审核确认—公示—发放办结时限法定：30个工作日；承诺：15个工作日收费依据及标准不收费"
            + "办理地点市政务服务中心一楼民政窗口办理时间工作日9:00—12:00，13:30—17:00交通指引乘1路公交车至政务服务中心站"
            + "咨询电话0816-0000001监督投诉电话12345办理结果最低生活保障金领取证办理方式最多跑一次：是；全程网办：是；网上办理：https://example.gov.cn/dibao"
            + GuideNotice.QrCaption + notice.OnlineUrl + "印制日期：2026年12月3日";
        Assert.Equal(expected, Visible(PdfText.Of(pdf.Bytes)));
        Assert.Equal([notice.OnlineUrl], PdfQr.Decode(pdf.Bytes));
    }

    [Fact]
    public void A_lengthyguide_still_fits_one_page_with_its_longest_entries_pointing_to_the_online_guide()
    {
        var lengthy = Notice(conditions: string.Concat(Enumerable.Repeat("申请人应当如实申报家庭收入、财产状况，并授权民政部门核对。", 60)), materials: 30);
        var pdf = GuideNotice.Render(Renderer, lengthy);

        using (var document = PdfDocument.Open(pdf.Bytes))
        {
            Assert.Equal(1, document.NumberOfPages);
        }

        var text = Visible(PdfText.Of(pdf.Bytes));
        Assert.Contains(Visible(GuideNotice.Shortened), text, StringComparison.Ordinal);
        Assert.EndsWith(lengthy.OnlineUrl + "印制日期：2026年12月3日", text, StringComparison.Ordinal);
        Assert.Equal([lengthy.OnlineUrl], PdfQr.Decode(pdf.Bytes));
    }

    [Fact]
    public void Cutting_keeps_short_entries_whole_and_marks_cut_ones()
    {
        Assert.Equal("短文本", GuideNotice.Cut("短文本", 40));
        var cut = GuideNotice.Cut(new string('字', 100), 40);
        Assert.Equal(40, cut.Length);
        Assert.EndsWith(GuideNotice.Shortened, cut, StringComparison.Ordinal);
        Assert.Equal(new string('字', 100), GuideNotice.Cut(new string('字', 100), null));
    }
}
