using Gongkai.Requests.Rules;

namespace Gongkai.UnitTests.Requests;

/// <summary>The 信息处理费 schedules of 国办函〔2020〕109号, computed by hand.</summary>
public sealed class FeeScheduleTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]
    [InlineData(11, 100)]
    [InlineData(30, 100)]
    [InlineData(31, 200)]
    [InlineData(40, 200)]
    [InlineData(41, 300)]
    [InlineData(50, 300)]
    [InlineData(51, 400)]
    [InlineData(95, 800)]
    public void Per_application_fee_follows_the_applicants_count_in_the_month(int ordinal, int yuan)
    {
        Assert.Equal(yuan, FeeSchedule.PerApplicationYuan(ordinal));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(30, 0)]
    [InlineData(31, 10)]
    [InlineData(100, 700)]
    [InlineData(101, 720)]
    [InlineData(200, 2700)]
    [InlineData(201, 2740)]
    [InlineData(250, 4700)]
    public void Per_page_fee_charges_each_band_only_for_its_own_pages(int pages, int yuan)
    {
        // 100 pages: 70 × 10 = 700; 200 pages: 700 + 100 × 20 = 2700; 250 pages: 2700 + 50 × 40 = 4700.
        Assert.Equal(yuan, FeeSchedule.PerPageYuan(pages));
    }

    [Fact]
    public void A_quote_explains_the_bands_in_chinese()
    {
        var quote = FeeSchedule.Quote(FeeMethod.PerPage, 120);
        Assert.Equal(1100, quote.AmountYuan);
        Assert.Contains("第31–100页每页10元", quote.Explanation, StringComparison.Ordinal);
        Assert.Contains("第101–120页每页20元", quote.Explanation, StringComparison.Ordinal);
        Assert.Contains("合计1100元", quote.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_ten_applications_of_a_month_are_free_and_say_so()
    {
        var quote = FeeSchedule.Quote(FeeMethod.PerApplication, 7);
        Assert.False(quote.Chargeable);
        Assert.Contains("10件以内不收费", quote.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_count_below_one_or_negative_pages_are_programming_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeSchedule.PerApplicationYuan(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeSchedule.PerPageYuan(-1));
    }

    [Theory]
    [InlineData("per-application", FeeMethod.PerApplication)]
    [InlineData("per-page", FeeMethod.PerPage)]
    public void Method_codes_round_trip(string code, FeeMethod method)
    {
        Assert.Equal(method, FeeSchedule.Parse(code));
        Assert.Equal(code, FeeSchedule.Code(method));
    }
}
