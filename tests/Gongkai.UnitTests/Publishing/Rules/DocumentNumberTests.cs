using Gongkai.Publishing.Rules;

namespace Gongkai.UnitTests.Publishing.Rules;

public sealed class DocumentNumberTests
{
    [Theory]
    [InlineData("绵府办发〔2018〕12号")]
    [InlineData("绵府办发[2018]12号")]
    [InlineData("绵府办发【2018】12号")]
    [InlineData("绵府办发(2018)12号")]
    [InlineData("绵府办发（2018）12号")]
    [InlineData("绵府办发［2018］12号")]
    [InlineData("绵府办发〖2018〗12号")]
    [InlineData(" 绵府办发 [２０１８] １２ 号 ")]
    [InlineData("绵府办发〔2018〕012号")]
    [InlineData("绵府办发〔2018〕第12号")]
    public void Bracket_digit_and_space_variants_normalise_to_the_hexagonal_bracket_form(string input)
    {
        var check = DocumentNumber.Check(input, 2026);

        Assert.True(check.IsValid, check.Error);
        Assert.Equal("绵府办发〔2018〕12号", check.Value);
    }

    [Theory]
    [InlineData("绵府办发2018年12号")]
    [InlineData("绵府办发〔18〕12号")]
    [InlineData("绵府办发〔2018〕12")]
    [InlineData("〔2018〕12号")]
    [InlineData("MFB〔2018〕12号")]
    [InlineData("绵府办发〔2018〕123456号")]
    [InlineData("绵府办发〔2018〕十二号")]
    [InlineData("绵府办发〔2018〕12号<script>")]
    public void Numbers_of_the_wrong_shape_are_rejected_with_an_example_of_the_right_one(string input)
    {
        var check = DocumentNumber.Check(input, 2026);

        Assert.False(check.IsValid);
        Assert.Null(check.Value);
        Assert.Contains("绵府办发〔2018〕12号", check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("绵府发〔2027〕1号")]
    [InlineData("绵府发〔1900〕1号")]
    public void A_year_in_the_future_or_before_1949_is_rejected(string input)
    {
        var check = DocumentNumber.Check(input, 2026);

        Assert.False(check.IsValid);
        Assert.Contains("年份", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sequence_zero_is_rejected()
    {
        Assert.False(DocumentNumber.Check("绵府发〔2018〕0号", 2026).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Blank_input_asks_for_a_number(string? input)
    {
        Assert.Equal("请填写文号。", DocumentNumber.Check(input, 2026).Error);
    }
}
