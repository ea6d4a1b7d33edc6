using Gongkai.Calendar;
using Gongkai.Publishing;
using Gongkai.Publishing.Rules;

namespace Gongkai.UnitTests.Publishing.Rules;

public sealed class PublicationDeadlineTests
{
    private static readonly WorkCalendar Official = HolidayYearFile.BuildCalendar(HolidayYearFile.LoadEmbedded());

    private static readonly PublicationDeadline Standard = new(Official, PublicationDeadline.StandardLimits);

    private const string Normative = DocumentCatalog.NormativeDocument;
    private const string Notice = DocumentCatalog.Notice;

    [Fact]
    public void A_normative_document_signed_before_national_day_counts_the_make_up_sunday_and_skips_the_holiday()
    {
        // Signed Fri 2024-09-27: Sun 09-29 (make-up day) is 1, Mon 09-30 is 2, 10-01…10-07 are off, Tue 10-08 is 3.
        Assert.Equal(new DateOnly(2024, 10, 8), Standard.DueOn(Normative, new DateOnly(2024, 9, 27)));
    }

    [Fact]
    public void Other_information_is_due_twenty_working_days_after_it_was_formed()
    {
        // Formed Mon 2024-03-04: four full weeks of working days end on Mon 2024-04-01.
        Assert.Equal(new DateOnly(2024, 4, 1), Standard.DueOn(Notice, new DateOnly(2024, 3, 4)));
    }

    [Fact]
    public void Limits_are_settings_per_document_type()
    {
        var custom = new PublicationDeadline(Official, new Dictionary<string, int> { [Notice] = 5 }, defaultWorkingDays: 10);

        Assert.Equal(5, custom.LimitFor(Notice));
        Assert.Equal(10, custom.LimitFor("工作动态"));
        Assert.Equal(new DateOnly(2024, 3, 11), custom.DueOn(Notice, new DateOnly(2024, 3, 4)));
    }

    [Fact]
    public void On_the_due_date_an_unpublished_document_is_due_today()
    {
        var status = Standard.StatusOf(Normative, new DateOnly(2024, 9, 27), today: new DateOnly(2024, 10, 8), publishedOn: null);

        Assert.Equal(DeadlineState.DueToday, status.State);
        Assert.Equal("今日到期", status.ChineseDescription);
    }

    [Fact]
    public void Two_working_days_before_the_due_date_is_due_soon_even_across_the_holiday()
    {
        // From Sun 09-29 (a working day) to Tue 10-08 there are two working days left: 09-30 and 10-08.
        var status = Standard.StatusOf(Normative, new DateOnly(2024, 9, 27), today: new DateOnly(2024, 9, 29), publishedOn: null);

        Assert.Equal(DeadlineState.DueSoon, status.State);
        Assert.Equal(2, status.WorkingDays);
    }

    [Fact]
    public void Three_working_days_before_the_due_date_is_on_track()
    {
        var status = Standard.StatusOf(Notice, new DateOnly(2024, 3, 4), today: new DateOnly(2024, 3, 27), publishedOn: null);

        Assert.Equal(DeadlineState.OnTrack, status.State);
        Assert.Equal(3, status.WorkingDays);
    }

    [Fact]
    public void After_the_due_date_an_unpublished_document_is_overdue_by_working_days()
    {
        // Due Tue 10-08; on Fri 10-11 it is three working days overdue (09, 10, 11).
        var status = Standard.StatusOf(Normative, new DateOnly(2024, 9, 27), today: new DateOnly(2024, 10, 11), publishedOn: null);

        Assert.Equal(DeadlineState.Overdue, status.State);
        Assert.Equal(3, status.WorkingDays);
        Assert.Equal("已逾期 3 个工作日", status.ChineseDescription);
    }

    [Fact]
    public void The_saturday_make_up_day_after_national_day_counts_towards_lateness()
    {
        // Due Tue 10-08, published Mon 10-14: 09, 10, 11, Sat 12 (make-up working day) and 14 make five.
        var status = Standard.StatusOf(Normative, new DateOnly(2024, 9, 27), today: new DateOnly(2024, 10, 20), publishedOn: new DateOnly(2024, 10, 14));

        Assert.Equal(DeadlineState.PublishedLate, status.State);
        Assert.Equal(5, status.WorkingDays);
        Assert.Equal("逾期 5 个工作日公开", status.ChineseDescription);
    }

    [Fact]
    public void Publishing_on_the_due_date_is_on_time()
    {
        var status = Standard.StatusOf(Normative, new DateOnly(2024, 9, 27), today: new DateOnly(2024, 10, 20), publishedOn: new DateOnly(2024, 10, 8));

        Assert.Equal(DeadlineState.PublishedOnTime, status.State);
    }

    [Fact]
    public void A_weekend_day_after_the_due_date_is_already_overdue()
    {
        // Formed Fri 2024-03-01, due Fri 03-29; on Sat 03-30 no working day has passed, yet the deadline has.
        var status = Standard.StatusOf(Notice, new DateOnly(2024, 3, 1), today: new DateOnly(2024, 3, 30), publishedOn: null);

        Assert.Equal(new DateOnly(2024, 3, 29), status.DueOn);
        Assert.Equal(DeadlineState.Overdue, status.State);
        Assert.Equal(1, status.WorkingDays);
    }
}
