using Gongkai.Calendar;

namespace Gongkai.UnitTests.Platform.Calendar;

public sealed class HolidayYearFileTests
{
    [Fact]
    public void A_holiday_cn_file_is_read_with_its_days()
    {
        var file = HolidayYearFile.Parse("""
            {"$schema":"x","year":2031,"papers":[],"days":[
              {"name":"元旦","date":"2030-12-31","isOffDay":true},
              {"name":"元旦","date":"2031-01-01","isOffDay":true},
              {"name":"春节","date":"2031-01-19","isOffDay":false}]}
            """, out var errors);

        Assert.Empty(errors);
        Assert.NotNull(file);
        Assert.Equal(2031, file.Year);
        Assert.Equal(
            [new SpecialDay(new DateOnly(2030, 12, 31), true, "元旦"), new SpecialDay(new DateOnly(2031, 1, 1), true, "元旦"), new SpecialDay(new DateOnly(2031, 1, 19), false, "春节")],
            file.Days);
    }

    [Theory]
    [InlineData("not json", "不是有效的 JSON")]
    [InlineData("{\"days\":[]}", "缺少 year")]
    [InlineData("{\"year\":2031}", "缺少 days")]
    [InlineData("{\"year\":1999,\"days\":[]}", "超出允许范围")]
    [InlineData("{\"year\":2031,\"days\":[]}", "尚未公布的年份不能导入")]
    [InlineData("{\"year\":2031,\"days\":[{\"name\":\"元旦\",\"date\":\"2031/01/01\",\"isOffDay\":true}]}", "不是 yyyy-MM-dd 格式")]
    [InlineData("{\"year\":2031,\"days\":[{\"name\":\"元旦\",\"date\":\"2031-02-30\",\"isOffDay\":true}]}", "不是 yyyy-MM-dd 格式")]
    [InlineData("{\"year\":2031,\"days\":[{\"name\":\"国庆节\",\"date\":\"2032-10-01\",\"isOffDay\":true}]}", "不在2031年内")]
    [InlineData("{\"year\":2031,\"days\":[{\"name\":\"国庆节\",\"date\":\"2030-11-30\",\"isOffDay\":true}]}", "不在2031年内")]
    [InlineData("{\"year\":2031,\"days\":[{\"name\":\"元旦\",\"date\":\"2031-01-01\"}]}", "缺少 isOffDay")]
    [InlineData("{\"year\":2031,\"days\":[{\"name\":\" \",\"date\":\"2031-01-01\",\"isOffDay\":true}]}", "缺少名称")]
    [InlineData("{\"year\":2031,\"days\":[{\"name\":\"元旦\",\"date\":\"2031-01-01\",\"isOffDay\":true},{\"name\":\"元旦\",\"date\":\"2031-01-01\",\"isOffDay\":true}]}", "重复出现")]
    public void Unacceptable_files_are_refused_with_a_chinese_reason(string json, string expected)
    {
        var file = HolidayYearFile.Parse(json, out var errors);

        Assert.Null(file);
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        HolidayYearFile.Parse("""
            {"year":2031,"days":[
              {"name":"国庆节","date":"2033-10-01","isOffDay":true},
              {"name":"","date":"2031-10-02","isOffDay":true}]}
            """, out var errors);

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("第1项", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("第2项", errors[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2030, 12, 1, true)]
    [InlineData(2031, 6, 15, true)]
    [InlineData(2032, 1, 31, true)]
    [InlineData(2030, 11, 30, false)]
    [InlineData(2032, 2, 1, false)]
    public void A_file_may_reach_into_december_before_and_january_after(int year, int month, int day, bool belongs)
    {
        Assert.Equal(belongs, HolidayYearFile.BelongsToYear(new DateOnly(year, month, day), 2031));
    }

    [Fact]
    public void Every_shipped_year_from_2017_to_2027_is_embedded_and_only_2027_is_unpublished()
    {
        var files = HolidayYearFile.LoadEmbedded();

        Assert.Equal(Enumerable.Range(2017, 11), files.Select(f => f.Year));
        Assert.Equal([2027], files.Where(f => !f.IsPublished).Select(f => f.Year));
    }

    [Fact]
    public void Merging_lets_the_later_years_file_decide_a_shared_date()
    {
        var date = new DateOnly(2030, 12, 31);
        var older = new HolidayYearFile(2030, [new SpecialDay(date, false, "旧安排")]);
        var newer = new HolidayYearFile(2031, [new SpecialDay(date, true, "元旦")]);

        Assert.Equal([new SpecialDay(date, true, "元旦")], HolidayYearFile.Merge([newer, older]));
    }
}
