using Gongkai.Publishing.Rules;

namespace Gongkai.UnitTests.Publishing.Rules;

public sealed class ReferenceClassificationTests
{
    private static (ReferenceFields Fields, IReadOnlyList<string> Ignored) Derive(string category, string title, string text, ReferenceOverrides? overrides = null) =>
        ReferenceClassification.Derive(category.Split('/'), title, text, overrides ?? new ReferenceOverrides());

    [Theory]
    [InlineData("行政法规", "工伤保险条例", "2003年4月27日 中华人民共和国国务院令第375号公布\n\n## 第一章 总则\n第一条", "国务院", "行政法规", "全国")]
    [InlineData("社会法", "中华人民共和国劳动合同法", "2007年6月29日 第十届全国人民代表大会常务委员会第二十八次会议通过\n\n第一条", "全国人民代表大会常务委员会", "法律", "全国")]
    [InlineData("宪法", "中华人民共和国宪法", "1982年12月4日 第五届全国人民代表大会第五次会议通过\n第一条", "全国人民代表大会", "宪法", "全国")]
    [InlineData("部门规章/市场监督管理总局", "食品生产经营监督检查管理办法", "第一条 为了……", "市场监督管理总局", "部门规章", "全国")]
    [InlineData("DLC/广东地方法规/地方性法规/广东", "深圳经济特区细胞和基因产业促进条例", "2022年12月29日 深圳市第七届人民代表大会常务委员会第十四次会议通过\n\n第一条", "深圳市人民代表大会常务委员会", "地方性法规", "广东省/深圳市")]
    [InlineData("DLC/山东地方法规/地方性法规/山东", "青岛市国有土地上房屋征收与补偿条例", "2013年2月26日 青岛市第十五届人民代表大会常务委员会\n第九次会议通过\n2013年3月29日 山东省第十二届人民代表大会常务委员会第一次会议批准\n第一条", "青岛市人民代表大会常务委员会", "地方性法规", "山东省/青岛市")]
    [InlineData("DLC/北京地方法规/地方性法规/北京", "北京市养犬管理规定", "2003年9月5日 北京市第十二届人民代表大会常务委员会第六次会议通过\n第一条", "北京市人民代表大会常务委员会", "地方性法规", "北京市")]
    [InlineData("行政法规", "治安保卫委员会暂行组织条例", "1952年6月27日 政务院批准\n1952年8月11日 公安部发布\n第一条", "政务院", "行政法规", "全国")]
    public void Issuer_level_and_region_come_from_the_category_and_the_first_lines(string category, string title, string text, string issuer, string level, string region)
    {
        var (fields, ignored) = Derive(category, title, text);
        Assert.Equal((issuer, level, region), (fields.Issuer, fields.Level, fields.Region));
        Assert.Empty(ignored);
        Assert.Empty(fields.Missing);
    }

    [Fact]
    public void What_the_text_does_not_say_stays_empty_and_is_named()
    {
        var (fields, _) = Derive("行政法规", "某条例", "第一条 没有公布机关。");
        Assert.Null(fields.Issuer);
        Assert.Equal(["制定机关"], fields.Missing);

        var (unknown, _) = Derive("其他", "人体损伤程度鉴定标准", "1 范围");
        Assert.Equal((null, null, null), (unknown.Issuer, unknown.Level, unknown.Region));
        Assert.Equal(["制定机关", "效力级别", "地域"], unknown.Missing);
    }

    [Fact]
    public void Front_matter_overrides_win_and_unusable_ones_are_reported()
    {
        var (fields, ignored) = Derive("行政法规", "某条例", "2003年4月27日 中华人民共和国国务院令第375号公布",
            new ReferenceOverrides(Issuer: "国务院办公厅", Level: "规范性文件", Region: "四川省", Status: "已废止", Effective: "2004-01-01"));
        Assert.Equal(("国务院办公厅", "规范性文件", "四川省", "已废止", new DateOnly(2004, 1, 1)),
            (fields.Issuer, fields.Level, fields.Region, fields.Status, fields.EffectiveOn));
        Assert.Empty(ignored);

        var (kept, bad) = Derive("行政法规", "某条例", "国务院令第1号公布", new ReferenceOverrides(Level: "超级法", Status: "有效吧", Effective: "明年"));
        Assert.Equal(("行政法规", null, null), (kept.Level, kept.Status, kept.EffectiveOn));
        Assert.Equal(3, bad.Count);
    }

    [Theory]
    [InlineData("行政法规", true)]
    [InlineData("DLC/浙江地方法规/地方性法规/浙江", true)]
    [InlineData("部门规章/公安部", true)]
    [InlineData("通知公告", false)]
    [InlineData("法定主动公开内容/规章和规范性文件", false)]
    public void Only_law_collection_categories_are_reference_documents(string category, bool reference) =>
        Assert.Equal(reference, ReferenceClassification.IsReference(category.Split('/'), new ReferenceOverrides()));

    [Fact]
    public void Front_matter_kind_decides_either_way()
    {
        Assert.True(ReferenceClassification.IsReference(["通知公告"], new ReferenceOverrides(Kind: "reference")));
        Assert.False(ReferenceClassification.IsReference(["行政法规"], new ReferenceOverrides(Kind: "own")));
    }

    [Fact]
    public void The_newest_version_is_in_force_older_ones_amended_unless_told_otherwise()
    {
        var today = new DateOnly(2026, 1, 1);
        var statuses = ReferenceClassification.VersionStatuses(
            [(new DateOnly(2023, 3, 13), null, null), (new DateOnly(2015, 3, 15), null, null), (new DateOnly(2000, 3, 15), null, "已废止")], today);
        Assert.Equal(["现行有效", "已修改", "已废止"], statuses);
        Assert.Equal(["尚未生效"], ReferenceClassification.VersionStatuses([(new DateOnly(2025, 12, 1), new DateOnly(2026, 6, 1), null)], today));
        Assert.Equal("劳动合同法", ReferenceClassification.VersionKey("中华人民共和国劳动合同法"));
    }
}
