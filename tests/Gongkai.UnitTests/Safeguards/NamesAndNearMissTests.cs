using Gongkai.Safeguards;
using static Gongkai.UnitTests.Safeguards.SafeguardsTestData;

namespace Gongkai.UnitTests.Safeguards;

/// <summary>Issue 13's examples: names without labels, near-miss numbers, agency contact blocks kept public, and the
/// existing heads (PublicContacts) and leader-title rules working beside the new name detection.</summary>
public sealed class NamesAndNearMissTests
{
    private static List<string> Names(string text) =>
        Check(text).Findings.Where(f => f.Kind == FindingKind.PersonName).Select(f => f.Text).Distinct().ToList();

    [Fact]
    public void Names_in_a_relief_list_beside_id_and_card_numbers_are_found()
    {
        var text = $"救助金发放名单：1. 黄志强 身份证 {Id("51070719700212201")} 银行卡号 {Card("622848041234512345")} 金额 800元；2. 何秀兰 身份证 {Id("51070719650817302")} 金额 600元。";
        Assert.Equal(["黄志强", "何秀兰"], Names(text));
    }

    [Fact]
    public void A_list_of_names_after_a_list_word_is_found() =>
        Assert.Equal(["曾德胜", "邓玉梅", "韩超"], Names("低保对象名单：曾德胜、邓玉梅、韩超。"));

    [Fact]
    public void The_account_holder_after_hu_ming_is_found() =>
        Assert.Equal(["蒋志明"], Names($"收款账户：{Card("622848012345678901")}，户名：蒋志明，开户行：中国农业银行。"));

    [Theory]
    [InlineData("当事人郭建平驾驶川B·5T8K2号小型轿车在绵州大道超速行驶。", "郭建平")]
    [InlineData("兹有我区村民唐秀英（身份证号510703197603212021），系本区低保对象。", "唐秀英")]
    [InlineData("联络员：曾晓丽，13908161234。", "曾晓丽")]
    [InlineData("家属田玉梅代为签收。", "田玉梅")]
    public void Names_after_role_words_without_a_colon_are_found(string text, string name) => Assert.Contains(name, Names(text));

    [Fact]
    public void An_agencys_own_office_phone_in_its_contact_block_is_not_personal()
    {
        var findings = Check("本局地址：绵阳市涪城区剑南路西段12号，联系电话：0816-2331000。").Findings;
        Assert.DoesNotContain(findings, f => f.Kind.IsPersonal());
    }

    [Fact]
    public void A_persons_phone_in_the_same_document_as_the_agency_block_is_still_personal()
    {
        var findings = Check("本局联系电话：0816-2331000；申请人联系电话：0816-2278899。").Findings;
        var landline = Assert.Single(findings, f => f.Kind == FindingKind.Landline);
        Assert.Equal("0816-2278899", landline.Text);
    }

    [Fact]
    public void An_id_number_with_a_wrong_check_digit_is_flagged_and_says_why()
    {
        var finding = Assert.Single(Check("身份证号 510703198203151234，现住址不详。").Findings, f => f.Kind == FindingKind.IdNumber);
        Assert.Equal("510703198203151234", finding.Text);
        Assert.Contains("校验位不符", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registration_number_that_looks_like_an_old_id_number_is_not_flagged() =>
        Assert.DoesNotContain(Check("登记证号：510703600123456（个体工商户营业执照注册号）").Findings, f => f.Kind == FindingKind.IdNumber);

    [Fact]
    public void A_home_address_down_to_the_flat_is_flagged_without_a_label()
    {
        var finding = Assert.Single(Check("居住在涪城区园艺街道富乐山庄5栋3单元502室的群众反映楼上漏水。").Findings, f => f.Kind == FindingKind.Address);
        Assert.EndsWith("3单元502室", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_meeting_room_is_not_a_home_address() =>
        Assert.DoesNotContain(Check("会议地点：市政府3号楼501室。").Findings, f => f.Kind == FindingKind.Address);

    [Fact]
    public void Officials_attending_a_meeting_and_a_head_from_the_bodies_data_stay_public()
    {
        Assert.Empty(Names("出席：赵立新、殷建平、邵红、徐志勇"));
        Assert.Empty(Names("评标委员会成员：涂明、成小华、苗建国（采购人代表）、谷晓玲、盛永康。"));

        // 钱雨桐 heads a body (SafeguardsTestData): public even in a list of people and beside a party label.
        Assert.DoesNotContain("钱雨桐", Names("被申请人绵阳市市场监督管理局，法定代表人钱雨桐，局长。"));
    }

    [Fact]
    public void The_leader_title_check_still_runs_beside_the_name_detection()
    {
        var findings = Check("副市长赵立新出席会议，低保对象名单：曾德胜、邓玉梅。").Findings;
        Assert.Contains(findings, f => f.Kind == FindingKind.LeaderTitle);
        Assert.DoesNotContain(findings, f => f.Kind == FindingKind.PersonName && f.Text == "赵立新");
        Assert.Contains(findings, f => f.Kind == FindingKind.PersonName && f.Text == "曾德胜");
    }

    [Fact]
    public void Ordinary_lists_of_places_materials_and_weekdays_are_not_names()
    {
        Assert.Empty(Names("参加本次培训的有涪城区、游仙区、安州区的业务骨干。"));
        Assert.Empty(Names("本次检查涉及石材、木材、钢材等建筑材料。"));
        Assert.Empty(Names("会议要求各单位于周一、周三、周五报送进度。"));
    }

    [Fact]
    public void A_table_of_thousands_of_rows_is_checked_without_error()
    {
        var rows = string.Join('\n', Enumerable.Range(1, 3000).Select(i => $"{i} 黄志强 {Id("51070719700212201")} 800"));
        var result = Check("序号 姓名 身份证号 金额\n" + rows[..Math.Min(rows.Length, SafeguardsChecker.MaxTextLength - 40)]);
        Assert.Contains(result.Findings, f => f.Kind == FindingKind.PersonName);
    }
}
