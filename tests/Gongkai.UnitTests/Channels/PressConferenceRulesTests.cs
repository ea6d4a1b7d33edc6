using Gongkai.Channels.Rules;
using Gongkai.Platform.Outcomes;

namespace Gongkai.UnitTests.Channels;

public sealed class PressConferenceRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    private static PressConferenceInput Valid(string? speakers = "李明 市民政局局长\n王芳，市民政局副局长", string? first = "李明", string? video = null, string? transcript = null) =>
        new("《城乡低保标准调整方案》新闻发布会", "介绍调整内容", "市政府新闻发布厅", At, speakers, first, transcript, video);

    [Fact]
    public void Speakers_are_read_one_a_line_with_name_and_post()
    {
        Assert.Equal(
            [new PressSpeaker("李明", "市民政局局长"), new PressSpeaker("王芳", "市民政局副局长"), new PressSpeaker("赵强", "")],
            PressConferenceRules.SpeakerList("李明 市民政局局长\r\n\n 王芳，市民政局副局长 \n赵强"));
        Assert.Equal("李明（市民政局局长）", new PressSpeaker("李明", "市民政局局长").ToString());
    }

    [Fact]
    public void A_valid_conference_is_accepted_with_its_speakers_and_first_interpreter()
    {
        var checkedInput = PressConferenceRules.Check(Valid(video: "https://video.example.cn/fbh/1"));

        Assert.True(checkedInput.Succeeded);
        Assert.Equal("李明", checkedInput.Value.FirstInterpreter);
        Assert.Equal(2, checkedInput.Value.Speakers.Count);
        Assert.Equal(At, checkedInput.Value.StartsAt);
    }

    [Fact]
    public void The_first_interpreter_must_be_one_of_the_speakers()
    {
        var refused = PressConferenceRules.Check(Valid(first: "张三"));

        Assert.False(refused.Succeeded);
        Assert.Equal(["第一解读人“张三”应是发布人之一。"], refused.Refusal.Errors["firstInterpreter"]);
        var blank = PressConferenceRules.Check(Valid(first: " "));
        Assert.False(blank.Succeeded);
        Assert.Equal(["请填写第一解读人（一般为本单位主要负责人）。"], blank.Refusal.Errors["firstInterpreter"]);
    }

    [Theory]
    [InlineData("http://video.example.cn/1")]
    [InlineData("javascript:alert(1)")]
    [InlineData("视频")]
    public void A_video_link_must_be_https(string video) =>
        Assert.True(PressConferenceRules.Check(Valid(video: video)).Refusal?.Errors.ContainsKey("videoUrl"));

    [Fact]
    public void Missing_title_time_and_speakers_are_named_together()
    {
        var refused = PressConferenceRules.Check(new PressConferenceInput(" ", null, null, null, "", "李明", null, null));

        Assert.Equal(RefusalKind.Invalid, refused.Refusal?.Kind);
        Assert.Equal(["speakers", "startsAt", "title"], refused.Refusal?.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_conference_is_announced_once_and_marked_held_only_after_it_began_with_its_transcript()
    {
        Assert.True(PressConferenceRules.MaySchedule(PressStage.Draft).Succeeded);
        Assert.Equal(RefusalKind.Conflict, PressConferenceRules.MaySchedule(PressStage.Scheduled).Refusal?.Kind);
        Assert.Equal(RefusalKind.Conflict, PressConferenceRules.MaySchedule(PressStage.Held).Refusal?.Kind);

        Assert.Equal("请先发布发布会预告，再登记举行情况。", PressConferenceRules.MayMarkHeld(PressStage.Draft, At, At.AddHours(2), "实录").Refusal?.Message);
        Assert.Equal("发布会尚未开始，不能登记为已举行。", PressConferenceRules.MayMarkHeld(PressStage.Scheduled, At, At.AddMinutes(-1), "实录").Refusal?.Message);
        Assert.Equal(RefusalKind.Invalid, PressConferenceRules.MayMarkHeld(PressStage.Scheduled, At, At.AddHours(2), " ").Refusal?.Kind);
        Assert.True(PressConferenceRules.MayMarkHeld(PressStage.Scheduled, At, At, "主持人：各位记者朋友……").Succeeded);
        Assert.Equal(RefusalKind.Conflict, PressConferenceRules.MayMarkHeld(PressStage.Held, At, At.AddHours(2), "实录").Refusal?.Kind);
    }
}
