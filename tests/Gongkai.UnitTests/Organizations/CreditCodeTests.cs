using Gongkai.Organizations;

namespace Gongkai.UnitTests.Organizations;

public sealed class CreditCodeTests
{
    [Fact]
    public void The_standard_example_code_is_valid()
    {
        Assert.True(CreditCode.TryValidate("91110000600037341L", out var error), error);
    }

    [Fact]
    public void The_check_character_of_the_standard_example_is_L()
    {
        Assert.Equal('L', CreditCode.ComputeCheckCharacter("91110000600037341"));
    }

    [Fact]
    public void The_embedded_organisation_code_60003734_has_check_digit_1()
    {
        Assert.Equal('1', CreditCode.ComputeOrganizationCodeCheck("60003734"));
    }

    [Theory]
    [InlineData("00700002", 'X')]
    [InlineData("MA6CXY7T", '3')]
    public void Organisation_code_checks_of_ten_and_letters_follow_GB_11714(string first8, char expected)
    {
        Assert.Equal(expected, CreditCode.ComputeOrganizationCodeCheck(first8));
    }

    [Theory]
    [InlineData("Y1110000600037341Y")]
    [InlineData("A1110000600037341K")]
    [InlineData("N21100006000373414")]
    [InlineData("91510700MA6CXY7T3R")]
    public void Letters_in_the_leading_positions_and_the_organisation_code_are_accepted(string code)
    {
        Assert.True(CreditCode.TryValidate(code, out var error), error);
    }

    [Theory]
    [InlineData("91110000600037341M")]
    [InlineData("91110000600037341A")]
    [InlineData("91110000600037341K")]
    public void A_wrong_final_check_character_is_rejected(string code)
    {
        Assert.False(CreditCode.TryValidate(code, out var error));
        Assert.Contains("第18位", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_organisation_code_check_is_rejected_even_when_the_final_check_matches()
    {
        // 91110000600037342P has a correct GB 32100 check but the embedded 60003734-2 is wrong (should be -1).
        Assert.Equal('P', CreditCode.ComputeCheckCharacter("91110000600037342"));
        Assert.False(CreditCode.TryValidate("91110000600037342P", out var error));
        Assert.Contains("组织机构代码", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9111000060003734IL", 'I')]
    [InlineData("O1110000600037341L", 'O')]
    [InlineData("91110000S00037341L", 'S')]
    [InlineData("9V110000600037341L", 'V')]
    [InlineData("91110000600037341Z", 'Z')]
    public void The_letters_I_O_S_V_Z_are_never_valid(string code, char letter)
    {
        Assert.False(CreditCode.TryValidate(code, out var error));
        Assert.Contains("I、O、S、V、Z", error, StringComparison.Ordinal);
        Assert.Contains($"“{letter}”", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("91110000600037341", 17)]
    [InlineData("91110000600037341L0", 19)]
    [InlineData("9111", 4)]
    public void A_code_of_the_wrong_length_is_rejected_with_its_length(string code, int length)
    {
        Assert.False(CreditCode.TryValidate(code, out var error));
        Assert.Equal($"统一社会信用代码应为18位，当前为{length}位。", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_code_asks_to_be_filled_in(string? code)
    {
        Assert.False(CreditCode.TryValidate(code, out var error));
        Assert.Equal("请填写统一社会信用代码。", error);
    }

    [Fact]
    public void A_lowercase_letter_is_rejected_as_given_but_accepted_after_normalising()
    {
        Assert.False(CreditCode.TryValidate("91110000600037341l", out var error));
        Assert.Contains("大写", error, StringComparison.Ordinal);
        Assert.Equal("91110000600037341L", CreditCode.Normalize(" 9111 0000 6000 3734 1l "));
        Assert.True(CreditCode.IsValid(CreditCode.Normalize("91110000600037341l")));
    }

    [Fact]
    public void A_region_code_with_a_letter_is_rejected_even_with_a_matching_check()
    {
        Assert.Equal('G', CreditCode.ComputeCheckCharacter("9111A000600037341"));
        Assert.False(CreditCode.TryValidate("9111A000600037341G", out var error));
        Assert.Contains("行政区划码", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Punctuation_is_named_as_an_invalid_character()
    {
        Assert.False(CreditCode.TryValidate("91110000-00037341L", out var error));
        Assert.Contains("第9位“-”", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_organisation_code_is_printed_with_a_hyphen_before_its_check()
    {
        Assert.Equal("60003734-1", CreditCode.FormatOrganizationCode("91110000600037341L"));
    }
}
