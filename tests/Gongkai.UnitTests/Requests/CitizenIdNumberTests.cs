using Gongkai.Requests.Rules;

namespace Gongkai.UnitTests.Requests;

public class CitizenIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("440524188001010014")]
    [InlineData("360426199101010071")]
    public void Published_test_vectors_are_valid(string number)
    {
        Assert.True(CitizenIdNumber.TryValidate(number, Today, out var error), error);
    }

    [Fact]
    public void A_lower_case_x_is_accepted_after_normalising()
    {
        var normalized = CitizenIdNumber.Normalize(" 11010519491231002x ");
        Assert.Equal("11010519491231002X", normalized);
        Assert.True(CitizenIdNumber.TryValidate(normalized, Today, out _));
    }

    [Fact]
    public void A_mistyped_digit_fails_the_checksum()
    {
        Assert.False(CitizenIdNumber.TryValidate("360426199101010072", Today, out var error));
        Assert.Contains("校验位", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_birth_date_that_does_not_exist_is_refused_even_with_a_matching_check_character()
    {
        var first17 = "11010519990230123";
        var number = first17 + CitizenIdNumber.ComputeCheckCharacter(first17);
        Assert.False(CitizenIdNumber.TryValidate(number, Today, out var error));
        Assert.Contains("出生日期不是有效日期", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_birth_date_in_the_future_is_refused()
    {
        var first17 = "11010520301231123";
        var number = first17 + CitizenIdNumber.ComputeCheckCharacter(first17);
        Assert.False(CitizenIdNumber.TryValidate(number, Today, out var error));
        Assert.Contains("晚于今天", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_old_fifteen_digit_form_is_accepted_with_a_real_birth_date()
    {
        Assert.True(CitizenIdNumber.TryValidate("110105491231002", Today, out _));
        Assert.False(CitizenIdNumber.TryValidate("110105491331002", Today, out _));
    }

    [Theory]
    [InlineData("", "请填写")]
    [InlineData("1101051949123100", "应为18位")]
    [InlineData("11010519491231A02X", "前17位应为数字")]
    [InlineData("11010519491231002Y", "最后一位")]
    public void Malformed_numbers_get_a_chinese_reason(string number, string expected)
    {
        Assert.False(CitizenIdNumber.TryValidate(number, Today, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
