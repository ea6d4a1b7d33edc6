using Gongkai.Calendar;
using Gongkai.OpenData;
using Gongkai.OpenData.Rules;

namespace Gongkai.UnitTests.OpenData;

public sealed class PublishDeadlineTests
{
    // 2024 National Day: 10-01..10-07 off, Sunday 09-29 and Saturday 10-12 adjusted working days.
    private static readonly WorkCalendar Calendar = new(
        [
            .. Enumerable.Range(1, 7).Select(d => new SpecialDay(new DateOnly(2024, 10, d), true, "国庆节")),
            new SpecialDay(new DateOnly(2024, 9, 29), false, "国庆节调休"),
            new SpecialDay(new DateOnly(2024, 10, 12), false, "国庆节调休"),
        ], [2024]);

    private static RecordSchema Type(string key) => ShippedRecordTypes.All.Single(s => s.Key == key);

    [Fact]
    public void A_penalty_decided_before_National_Day_must_be_online_seven_working_days_later_counting_the_adjusted_weekend_days()
    {
        var by = new PublishDeadline(Calendar).PublishBy(Type(ShippedRecordTypes.AdministrativePenalty), new DateOnly(2024, 9, 27));

        Assert.Equal(new DateOnly(2024, 10, 12), by);
    }

    [Fact]
    public void Types_without_a_deadline_and_records_without_a_decision_date_have_none()
    {
        var deadline = new PublishDeadline(Calendar);

        Assert.Null(deadline.PublishBy(Type(ShippedRecordTypes.EnvironmentReading), new DateOnly(2024, 9, 27)));
        Assert.Null(deadline.PublishBy(Type(ShippedRecordTypes.AdministrativeLicence), null));
    }

    [Fact]
    public void A_decision_in_a_year_the_calendar_does_not_cover_gets_no_promised_date()
    {
        Assert.Null(new PublishDeadline(Calendar).PublishBy(Type(ShippedRecordTypes.AdministrativeLicence), new DateOnly(2023, 5, 4)));
        Assert.Null(new PublishDeadline(Calendar).PublishBy(Type(ShippedRecordTypes.AdministrativeLicence), new DateOnly(2024, 12, 30)));
    }

    [Theory]
    [InlineData("2024-10-12", null, "2024-10-12", PublishState.Due)]
    [InlineData("2024-10-12", null, "2024-10-14", PublishState.Overdue)]
    [InlineData("2024-10-12", "2024-10-12", "2024-11-01", PublishState.PublishedOnTime)]
    [InlineData("2024-10-12", "2024-10-14", "2024-11-01", PublishState.PublishedLate)]
    public void The_state_follows_the_deadline_the_publication_date_and_today(string by, string? publishedOn, string today, PublishState expected)
    {
        Assert.Equal(expected, PublishDeadline.StateOf(DateOnly.Parse(by, System.Globalization.CultureInfo.InvariantCulture), publishedOn is null ? null : DateOnly.Parse(publishedOn, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void No_deadline_means_no_state()
    {
        Assert.Equal(PublishState.None, PublishDeadline.StateOf(null, null, new DateOnly(2024, 1, 1)));
    }
}
