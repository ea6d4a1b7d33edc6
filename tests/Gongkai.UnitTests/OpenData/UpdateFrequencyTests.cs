using Gongkai.OpenData.Rules;

namespace Gongkai.UnitTests.OpenData;

public sealed class UpdateFrequencyTests
{
    private static readonly DateOnly December1 = new(2026, 12, 1);

    [Theory]
    [InlineData("每日", "2026-12-03", false)] // due on the 2nd, a day of grace
    [InlineData("每日", "2026-12-04", true)]
    [InlineData("每周", "2026-12-09", false)]
    [InlineData("每周", "2026-12-10", true)]
    [InlineData("每月", "2027-01-02", false)]
    [InlineData("每月", "2027-01-03", true)]
    [InlineData("每季度", "2027-03-02", false)]
    [InlineData("每季度", "2027-03-03", true)]
    [InlineData("每年", "2027-12-02", false)]
    [InlineData("每年", "2027-12-03", true)]
    public void A_dataset_lapses_a_day_after_its_next_update_was_due(string frequency, string today, bool lapsed)
    {
        Assert.Equal(lapsed, UpdateFrequency.Lapsed(frequency, December1, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Months_are_calendar_months_so_a_January_31_update_is_due_at_the_end_of_February()
    {
        Assert.Equal(new DateOnly(2027, 2, 28), UpdateFrequency.DueAfter("每月", new DateOnly(2027, 1, 31)));
        Assert.False(UpdateFrequency.Lapsed("每月", new DateOnly(2027, 1, 31), new DateOnly(2027, 3, 1)));
        Assert.True(UpdateFrequency.Lapsed("每月", new DateOnly(2027, 1, 31), new DateOnly(2027, 3, 2)));
    }

    [Theory]
    [InlineData("实时")]
    [InlineData("不定期")]
    [InlineData("随时")]
    public void Real_time_irregular_and_unknown_frequencies_never_lapse_by_age(string frequency)
    {
        Assert.Null(UpdateFrequency.DueAfter(frequency, December1));
        Assert.False(UpdateFrequency.Lapsed(frequency, December1, December1.AddYears(3)));
    }

    [Fact]
    public void Every_offered_frequency_has_a_DCAT_code()
    {
        Assert.All(UpdateFrequency.All, f => Assert.NotNull(UpdateFrequency.DcatCode(f)));
        Assert.Equal("DAILY", UpdateFrequency.DcatCode("每日"));
        Assert.Equal("IRREG", UpdateFrequency.DcatCode("不定期"));
    }
}
