using Gongkai.Publishing;

namespace Gongkai.UnitTests.Publishing;

public sealed class IndexNumberTests
{
    [Fact]
    public void An_index_number_is_the_organisation_code_the_year_and_a_five_digit_sequence()
    {
        Assert.Equal("60003734-1/2018-00012", IndexNumber.Format("91110000600037341L", 2018, 12));
    }

    [Fact]
    public void The_sequence_is_read_back_only_from_numbers_with_the_same_prefix()
    {
        var prefix = IndexNumber.Prefix("91110000600037341L", 2018);
        Assert.Equal(12, IndexNumber.SequenceOf("60003734-1/2018-00012", prefix));
        Assert.Equal(0, IndexNumber.SequenceOf("60003734-1/2019-00012", prefix));
        Assert.Equal(0, IndexNumber.SequenceOf("60003734-1/2018-abc", prefix));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100000)]
    public void Sequences_outside_five_digits_are_refused(int sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IndexNumber.Format("91110000600037341L", 2018, sequence));
    }
}
