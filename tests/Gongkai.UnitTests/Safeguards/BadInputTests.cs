using Gongkai.Safeguards;
using static Gongkai.UnitTests.Safeguards.SafeguardsTestData;

namespace Gongkai.UnitTests.Safeguards;

/// <summary>Bad input the issue names: mixed full-width digits, numbers split by spaces or dashes, ID numbers inside
/// longer digit runs. Each is found at its original place, masked keeping its original characters, never a crash.</summary>
public sealed class BadInputTests
{
    private static Finding Single(string text, FindingKind kind) => Assert.Single(Check(text).Findings, f => f.Kind == kind);

    [Fact]
    public void A_mobile_number_mixing_full_width_and_ascii_digits_is_found_and_masked_in_its_own_characters()
    {
        const string number = "１３８1234５６７８";
        var finding = Single($"联系人手机{number}。", FindingKind.Mobile);

        Assert.Equal(number, finding.Text);
        Assert.Equal("１３８****５６７８", finding.Replacement);
    }

    [Theory]
    [InlineData("138-1234-5678", "138-****-5678")]
    [InlineData("138 1234 5678", "138 **** 5678")]
    [InlineData("138－1234－5678", "138－****－5678")]
    public void A_mobile_number_split_by_dashes_or_spaces_is_found(string number, string masked)
    {
        var finding = Single($"申请人电话：{number}。", FindingKind.Mobile);

        Assert.Equal((number, masked), (finding.Text, finding.Replacement));
    }

    [Fact]
    public void An_id_number_split_by_dashes_is_found_and_keeps_its_dashes_when_masked()
    {
        var id = Id("51070319850612003");
        var dashed = $"{id[..6]}-{id[6..14]}-{id[14..]}";

        var finding = Single($"身份证号码：{dashed}。", FindingKind.IdNumber);

        Assert.Equal(dashed, finding.Text);
        Assert.Equal($"5107**-********-{id[14..]}", finding.Replacement);
    }

    [Fact]
    public void A_full_width_id_number_inside_a_longer_digit_run_is_found()
    {
        var id = Id("51070319850612003");
        Assert.NotEqual('X', id[^1]);
        var fullWidth = new string(id.Select(c => (char)(c + 0xFEE0)).ToArray());
        var text = $"业务流水号０００１{fullWidth}９９";

        var finding = Single(text, FindingKind.IdNumber);

        Assert.Equal(fullWidth, finding.Text);
        Assert.Equal(text.IndexOf(fullWidth, StringComparison.Ordinal), finding.Start);
    }

    [Fact]
    public void An_id_number_ending_in_x_inside_a_longer_digit_run_is_found()
    {
        var finding = Single("业务流水号009911010519491231002X77", FindingKind.IdNumber);

        Assert.Equal("11010519491231002X", finding.Text);
    }

    [Fact]
    public void A_bank_card_split_into_groups_of_four_is_found_with_its_context()
    {
        var card = Card("622202020011223344");
        var grouped = string.Join(' ', card.Chunk(4).Select(c => new string(c)));

        var finding = Single($"补贴发放至本人银行卡号 {grouped} 。", FindingKind.BankCard);

        Assert.Equal(grouped, finding.Text);
        Assert.EndsWith(card[^4..], finding.Replacement.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(card[..4], finding.Replacement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("１")]
    [InlineData("--- 12 -- 34 ---")]
    [InlineData("XXXXXXXXXXXXXXXXXX")]
    [InlineData("0000000000000000000000000000000000000000000000000000")]
    [InlineData("\uD83D\uDE00\uD83D")]
    public void Odd_input_gives_no_personal_findings_and_no_crash(string text)
    {
        Assert.DoesNotContain(Check(text).Findings, f => f.Kind.IsPersonal());
    }
}
