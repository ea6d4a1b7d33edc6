using Gongkai.Safeguards;
using Gongkai.Safeguards.Detection;
using static Gongkai.UnitTests.Safeguards.SafeguardsTestData;

namespace Gongkai.UnitTests.Safeguards;

public sealed class PersonalDataDetectionTests
{
    private static List<(string Kind, string Text)> Found(string text, DateOnly? date = null) =>
        Check(text, date).Findings.Select(f => (f.Kind.Code(), f.Text)).ToList();

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData("440524188001010014")]
    [InlineData("360426199101010071")]
    public void Reference_id_numbers_are_found(string id)
    {
        Assert.Contains(("id-number", id), Found($"当事人身份证号码：{id}，现已查实。"));
    }

    [Fact]
    public void Id_numbers_are_masked_keeping_four_and_four()
    {
        var result = Check("身份证号码11010519491231002X。");
        Assert.Equal("身份证号码1101**********002X。", result.Masked);
    }

    [Theory]
    [InlineData("110105194912310021")] // wrong check digit
    [InlineData("110105194902300027")] // 30 February
    [InlineData("110105209912310023")] // born in the future
    public void Numbers_failing_the_checksum_or_date_are_not_id_numbers(string number)
    {
        Assert.DoesNotContain(Found($"编号：{number}"), f => f.Kind == "id-number");
    }

    [Fact]
    public void Full_width_and_spaced_id_numbers_are_found_at_their_original_positions()
    {
        var id = Id("51070319850612003");
        var fullWidth = new string(id.Select(c => (char)(c + 0xFEE0)).ToArray());
        var text = $"申请人身份证：{fullWidth}";
        var finding = Assert.Single(Check(text).Findings, f => f.Kind == FindingKind.IdNumber);
        Assert.Equal(text.IndexOf(fullWidth, StringComparison.Ordinal), finding.Start);
        Assert.Equal(18, finding.Length);

        var spaced = $"{id[..6]} {id[6..14]} {id[14..]}";
        Assert.Contains(("id-number", spaced), Found($"身份证号 {spaced} 。"));
    }

    [Fact]
    public void An_id_number_inside_a_longer_digit_run_is_found()
    {
        var id = Id("51070319850612003");
        var finding = Assert.Single(Check($"流水号0099{id}77").Findings);
        Assert.Equal(FindingKind.IdNumber, finding.Kind);
        Assert.Equal(id, finding.Text);
    }

    [Fact]
    public void Old_fifteen_digit_ids_are_found_but_not_fifteen_digit_registration_numbers()
    {
        Assert.Contains(("id-number", "510703850612003"), Found("身份证号：510703850612003"));
        Assert.DoesNotContain(Found("注册号：510700000012345"), f => f.Kind == "id-number");
    }

    [Fact]
    public void Credit_codes_of_enterprises_are_kept()
    {
        Assert.DoesNotContain(Check("统一社会信用代码：91110000600037341L，住所：绵阳市涪城区科创园9号。").Findings, f => f.Kind.IsPersonal());
    }

    [Theory]
    [InlineData("联系电话：13812345678。", "13812345678", "138****5678")]
    [InlineData("手机 138 1234 5678 。", "138 1234 5678", "138 **** 5678")]
    [InlineData("手机+86 13812345678。", "+86 13812345678", "+86 138****5678")]
    [InlineData("手机008613812345678。", "008613812345678", "0086138****5678")]
    [InlineData("手机１３８１２３４５６７８。", "１３８１２３４５６７８", "１３８****５６７８")]
    public void Mobile_numbers_are_found_and_masked(string text, string number, string masked)
    {
        var finding = Assert.Single(Check(text).Findings);
        Assert.Equal(FindingKind.Mobile, finding.Kind);
        Assert.Equal(number, finding.Text);
        Assert.Equal(masked, finding.Replacement);
    }

    [Fact]
    public void A_mobile_number_after_an_amount_is_found_alone()
    {
        Assert.Equal([("mobile", "13812345678")], Found("补助金额 100 13812345678"));
    }

    [Theory]
    [InlineData("市民服务热线12345，消费者投诉举报专线12315，人社服务热线12369。")]
    [InlineData("本单位办公电话：0816-2221234，监督电话0816-2335679。")]
    [InlineData("咨询电话：0816-2987654。")]
    [InlineData("绵府办发〔2018〕12号，2019-06-01印发，金额1234567.89元。")]
    [InlineData("发文日期：2019年6月1日，文号：绵市监罚〔2023〕105号。")]
    public void Public_numbers_are_kept(string text)
    {
        Assert.Empty(Check(text).Findings);
    }

    [Fact]
    public void A_private_landline_is_found_and_keeps_its_area_code()
    {
        var finding = Assert.Single(Check("举报人张三，家庭电话0816-2987654。").Findings, f => f.Kind == FindingKind.Landline);
        Assert.Equal("0816-*****54", finding.Replacement);
    }

    [Fact]
    public void Bank_cards_need_luhn_or_context()
    {
        var card = Card("621700123456789012");
        Assert.Contains(("bank-card", card), Found($"补贴发放至{card}。"));
        Assert.Contains(("bank-card", "6228480000000000001"), Found("银行卡号：6228480000000000001"));
        Assert.DoesNotContain(Found("订单编号1234567890123456"), f => f.Kind == "bank-card");
        var masked = Check($"卡号{card}").Findings.Single().Replacement;
        Assert.Equal(new string('*', 15) + card[^4..], masked);
    }

    [Fact]
    public void Personal_email_is_found_government_mail_is_kept()
    {
        Assert.Equal([("email", "zhangsan88@qq.com")], Found("申请人邮箱 zhangsan88@qq.com，受理邮箱 xxgk@my.gov.cn，另见 bgs@sc.gov.cn。"));
        Assert.Equal("z***@qq.com", Check("邮箱 zhangsan88@qq.com").Findings.Single().Replacement);
        Assert.Empty(Check("来信请寄 myscjg@163.com。").Findings);
    }

    [Theory]
    [InlineData("护照号码：E12345678", "E12345678")]
    [InlineData("往来港澳通行证C87654321", "C87654321")]
    [InlineData("台湾居民来往大陆通行证号：08123456", "08123456")]
    public void Passport_and_permit_numbers_are_found_after_their_labels(string text, string number)
    {
        Assert.Contains(("passport", number), Found(text));
    }

    [Fact]
    public void A_passport_like_code_without_label_is_kept()
    {
        Assert.Empty(Check("项目编号E12345678已立项。").Findings);
    }

    [Fact]
    public void Home_addresses_are_masked_after_the_district()
    {
        var finding = Assert.Single(Check("张某，男，家庭住址：四川省绵阳市涪城区临园路东段12号3栋2单元501室，联系电话略。").Findings);
        Assert.Equal(FindingKind.Address, finding.Kind);
        Assert.Equal("四川省绵阳市涪城区临园路东段12号3栋2单元501室", finding.Text);
        Assert.Equal("四川省绵阳市涪城区****", finding.Replacement);
    }

    [Fact]
    public void Agency_and_enterprise_addresses_are_kept()
    {
        Assert.Empty(Check("办公地址：绵阳市涪城区安昌路17号。").Findings);
        Assert.Empty(Check("当事人：绵阳市好再来餐饮有限公司，住所：绵阳市涪城区长虹大道中段88号。").Findings);
        Assert.Empty(Check("住址：绵阳市游仙区东津路9号（市政务服务中心）").Findings);
    }

    [Theory]
    [InlineData("当事人：张三，男，1985年6月出生。", "张三", "张某")]
    [InlineData("被处罚人：欧阳明月", "欧阳明月", "欧阳某")]
    [InlineData("申请人王小红（以下简称申请人）", "王小红", "王某")]
    [InlineData("法定代表人：李建国", "李建国", "李某")]
    public void Party_names_become_surname_plus_mou(string text, string name, string masked)
    {
        var finding = Assert.Single(Check(text).Findings, f => f.Kind == FindingKind.PersonName);
        Assert.Equal(name, finding.Text);
        Assert.Equal(masked, finding.Replacement);
    }

    [Fact]
    public void A_party_named_again_later_is_masked_everywhere()
    {
        var result = Check("当事人：张三。经查，张三于2023年5月在涪城区销售过期食品。");
        Assert.Equal("当事人：张某。经查，张某于2023年5月在涪城区销售过期食品。", result.Masked);
    }

    [Theory]
    [InlineData("当事人：绵阳市好再来餐饮有限公司")]
    [InlineData("当事人：涪城区老王烧烤店")]
    [InlineData("申请人：张某")]
    [InlineData("被申请人：绵阳市市场监督管理局")]
    [InlineData("申请人：本人")]
    public void Enterprises_agencies_and_masked_names_are_kept(string text)
    {
        Assert.DoesNotContain(Check(text).Findings, f => f.Kind == FindingKind.PersonName);
    }

    [Theory]
    [InlineData("联系人：王老师，电话0816-2221234。")]
    [InlineData("被申请人：绵阳市市场监督管理局，法定代表人：钱雨桐。")]
    public void Forms_of_address_and_heads_of_bodies_are_not_masked(string text)
    {
        Assert.DoesNotContain(Check(text).Findings, f => f.Kind == FindingKind.PersonName);
    }

    [Fact]
    public void A_reply_letters_salutation_is_a_name()
    {
        Assert.Equal("刘某先生：本机关于2023年3月28日收到您的申请。", Check("刘洋先生：本机关于2023年3月28日收到您的申请。").Masked);
    }

    [Fact]
    public void A_plate_tied_to_a_person_is_found_but_not_a_bus_plate()
    {
        Assert.Contains(("plate", "川B12345"), Found("当事人驾驶川B12345小型轿车超速。"));
        Assert.Equal("川B****5", Check("车主李某，车牌川B12345。").Findings.Single(f => f.Kind == FindingKind.Plate).Replacement);
        Assert.Empty(Check("8路公交车川B23456于上午发车。").Findings);
        Assert.Empty(Check("川B12345").Findings);
    }

    [Fact]
    public void Overlapping_findings_keep_the_earlier_then_longer_one()
    {
        var resolved = Overlaps.Resolve([
            new Hit(FindingKind.Mobile, 5, 11, ""),
            new Hit(FindingKind.IdNumber, 0, 18, ""),
            new Hit(FindingKind.BankCard, 0, 18, ""),
            new Hit(FindingKind.PersonName, 20, 2, ""),
        ]);
        Assert.Equal([FindingKind.IdNumber, FindingKind.PersonName], resolved.Select(h => h.Kind));
    }

    [Fact]
    public void Masking_rules_are_configurable_per_kind()
    {
        var masker = new Masker(new Dictionary<FindingKind, MaskRule> { [FindingKind.IdNumber] = new(MaskStyle.Stars, 6, 0) });
        Assert.Equal("110105************", masker.Mask(FindingKind.IdNumber, "11010519491231002X"));
        Assert.Equal("138****5678", masker.Mask(FindingKind.Mobile, "13812345678"));
    }

    [Fact]
    public void Oversized_text_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Check(new string('字', SafeguardsChecker.MaxTextLength + 1)));
    }

    [Fact]
    public void Luhn_and_id_checksums_match_the_reference_vectors()
    {
        Assert.True(Checksums.IsLuhnValid("79927398713"));
        Assert.False(Checksums.IsLuhnValid("79927398710"));
        Assert.Equal('X', Checksums.IdCheckCharacter("11010519491231002"));
    }
}
