using Gongkai.Requests.Rules;

namespace Gongkai.UnitTests.Requests;

public sealed class DuplicateRuleTests
{
    private static readonly DateOnly Day = new(2025, 6, 2);

    private static ApplicationFingerprint App(string number, string description, int daysLater = 0, string id = "360426199101010071", string name = "李四", string phone = "13800000000") =>
        new(number, id, name, phone, description, Day.AddDays(daysLater));

    [Fact]
    public void The_same_applicant_asking_almost_the_same_thing_within_the_window_is_flagged()
    {
        var first = App("A", "涪城路拓宽工程的环境影响评价批复");
        var again = App("B", "涪城路拓宽工程的环境影响评价批复文件", daysLater: 12);

        var matches = new DuplicateRule().Matches(again, [first]);

        var match = Assert.Single(matches);
        Assert.Equal("A", match.Other.TrackingNumber);
        Assert.True(match.Similarity >= 0.6);
    }

    [Fact]
    public void Similarity_is_the_jaccard_index_of_character_bigrams()
    {
        // "ABCD" → AB BC CD; "ABCE" → AB BC CE: 2 shared of 4 distinct = 0.5.
        Assert.Equal(0.5, DuplicateRule.Similarity("ABCD", "ABCE"), 3);
        Assert.Equal(1.0, DuplicateRule.Similarity("公开 目录", "公开目录。"), 3);
        Assert.Equal(0.0, DuplicateRule.Similarity("", ""), 3);
    }

    [Fact]
    public void A_different_subject_is_not_flagged()
    {
        var first = App("A", "涪城路拓宽工程的环境影响评价批复");
        var other = App("B", "2024年度财政预算执行情况报告", daysLater: 3);
        Assert.Empty(new DuplicateRule().Matches(other, [first]));
    }

    [Fact]
    public void Outside_the_window_is_not_flagged_and_the_window_is_configurable()
    {
        var first = App("A", "涪城路拓宽工程的环境影响评价批复");
        var later = App("B", "涪城路拓宽工程的环境影响评价批复", daysLater: 31);
        Assert.Empty(new DuplicateRule().Matches(later, [first]));
        Assert.Single(new DuplicateRule(windowDays: 60).Matches(later, [first]));
    }

    [Fact]
    public void Same_name_and_phone_count_as_the_same_applicant_when_the_id_differs()
    {
        var first = App("A", "涪城路拓宽工程的环境影响评价批复", id: "E12345678", phone: "138-0000-0000");
        var again = App("B", "涪城路拓宽工程的环境影响评价批复", daysLater: 1, id: "G7654321");
        Assert.Single(new DuplicateRule().Matches(again, [first]));

        var stranger = App("C", "涪城路拓宽工程的环境影响评价批复", daysLater: 1, id: "G7654321", name: "王五");
        Assert.Empty(new DuplicateRule().Matches(stranger, [first]));
    }

    [Fact]
    public void An_application_is_never_its_own_duplicate()
    {
        var first = App("A", "涪城路拓宽工程的环境影响评价批复");
        Assert.Empty(new DuplicateRule().Matches(first, [first]));
    }
}
