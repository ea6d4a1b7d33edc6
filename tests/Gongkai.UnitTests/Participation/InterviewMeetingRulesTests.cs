using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;

namespace Gongkai.UnitTests.Participation;

/// <summary>The public-seat draw (reproducible from its published seed) and the state machines of interviews and
/// meetings (issue 14).</summary>
public sealed class InterviewMeetingRulesTests
{
    private static readonly long[] Accepted = [1, 2, 3, 4, 5];

    [Fact]
    public void The_same_seed_and_applicants_always_draw_the_same_list_whatever_order_they_are_given_in()
    {
        var first = MeetingRules.Draw("2026demo", Accepted, 3);
        var again = MeetingRules.Draw("2026demo", [5, 3, 1, 4, 2, 2], 3);

        Assert.Equal(first.Entries, again.Entries);
        // The ranking an independent re-run gives (Python: sorted by sha256(f"{seed}:{n}").hexdigest(), then n).
        Assert.Equal([4L, 2L, 1L, 3L, 5L], first.Entries.Select(e => e.ApplicationId));
        Assert.Equal([4L, 2L, 1L], first.SeatedEntries.Select(e => e.ApplicationId));
        Assert.Equal([3L, 5L], first.WaitingEntries.Select(e => e.ApplicationId));
        Assert.Equal([1, 2, 3, 4, 5], first.Entries.Select(e => e.Rank));
    }

    [Fact]
    public void The_key_is_the_documented_sha256_of_seed_colon_number_and_another_seed_draws_differently()
    {
        // The example the public page gives: seed abc, application 12.
        Assert.Equal("dee88baaed0ffb674517c0d08c457a634e59b9e007d91ee28dbc8f18babca9f7", MeetingRules.Key("abc", 12));
        Assert.Contains("abc:12", MeetingRules.AlgorithmDescription, StringComparison.Ordinal);

        var many = Enumerable.Range(1, 40).Select(n => (long)n).ToList();
        Assert.NotEqual(MeetingRules.Draw("seed-a", many, 10).SeatedEntries.Select(e => e.ApplicationId),
            MeetingRules.Draw("seed-b", many, 10).SeatedEntries.Select(e => e.ApplicationId));
    }

    [Fact]
    public void A_seed_is_generated_when_none_is_given_and_an_overlong_one_is_refused()
    {
        var generated = MeetingRules.CheckSeed(" ");
        Assert.Matches("^[0-9a-f]{16}$", generated.Value);
        Assert.Equal("福彩3D 2026338期 517", MeetingRules.CheckSeed(" 福彩3D 2026338期 517 ").Value);
        Assert.Equal(RefusalKind.Invalid, MeetingRules.CheckSeed(new string('x', 65)).Refusal!.Kind);
    }

    [Fact]
    public void Seats_are_filled_only_after_the_deadline_once_every_application_is_checked_and_only_once()
    {
        var applyBy = new DateOnly(2026, 10, 9);
        Assert.Equal(RefusalKind.Conflict, MeetingRules.MayFillSeats(MeetingStage.Announced, applyBy, applyBy, 0).Refusal!.Kind);
        var pending = MeetingRules.MayFillSeats(MeetingStage.Announced, applyBy, applyBy.AddDays(1), 2).Refusal!;
        Assert.Equal(RefusalKind.BlockedByRule, pending.Kind);
        Assert.Contains("2 份报名尚未核验", pending.Message, StringComparison.Ordinal);
        Assert.True(MeetingRules.MayFillSeats(MeetingStage.Announced, applyBy, applyBy.AddDays(1), 0).Succeeded);
        Assert.Equal(RefusalKind.Conflict, MeetingRules.MayFillSeats(MeetingStage.Seated, applyBy, applyBy.AddDays(1), 0).Refusal!.Kind);
    }

    [Fact]
    public void Applications_are_taken_until_the_end_of_the_deadline_day_and_identity_is_checked_until_seats_are_filled()
    {
        var applyBy = new DateOnly(2026, 10, 9);
        Assert.True(MeetingRules.MayApply(MeetingStage.Announced, applyBy, applyBy).Succeeded);
        Assert.Contains("2026年10月9日 截止", MeetingRules.MayApply(MeetingStage.Announced, applyBy, applyBy.AddDays(1)).Refusal!.Message, StringComparison.Ordinal);
        Assert.False(MeetingRules.MayApply(MeetingStage.Draft, applyBy, applyBy).Succeeded);
        Assert.True(MeetingRules.MayCheck(MeetingStage.Announced).Succeeded);
        Assert.False(MeetingRules.MayCheck(MeetingStage.Seated).Succeeded);
    }

    [Fact]
    public void The_record_is_kept_after_the_meeting_has_begun_and_once()
    {
        var heldAt = new DateTimeOffset(2026, 10, 15, 9, 0, 0, TimeSpan.FromHours(8));
        Assert.Contains("会后才能记录", MeetingRules.MayRecord(MeetingStage.Seated, heldAt, heldAt.AddMinutes(-1)).Refusal!.Message, StringComparison.Ordinal);
        Assert.True(MeetingRules.MayRecord(MeetingStage.Seated, heldAt, heldAt).Succeeded);
        Assert.False(MeetingRules.MayRecord(MeetingStage.Recorded, heldAt, heldAt.AddDays(1)).Succeeded);
        Assert.False(MeetingRules.MayRecord(MeetingStage.Announced, heldAt, heldAt.AddDays(1)).Succeeded);
    }

    [Fact]
    public void An_application_needs_a_valid_id_number_and_every_field_and_the_id_number_is_masked_in_lists()
    {
        var today = new DateOnly(2026, 9, 29);
        var ok = MeetingRules.CheckApplication(" 张三 ", "11010519491231002x", "13800000000", "关心停车收费", today);
        Assert.Equal("11010519491231002X", ok.Value!.IdNumber);
        Assert.Equal("张三", ok.Value.Name);

        var bad = MeetingRules.CheckApplication("", "110105194912310021", "", "", today).Refusal!;
        Assert.Equal(["contact", "idNumber", "name", "reason"], bad.Errors.Keys.Order());
        Assert.Contains("18 位", bad.Errors["idNumber"][0], StringComparison.Ordinal);

        Assert.Equal("110105********002X", MeetingRules.MaskIdNumber("11010519491231002X"));
        Assert.Equal("张*", MeetingRules.MaskName("张三"));
    }

    [Fact]
    public void An_interview_goes_from_draft_to_announced_to_live_to_archived_and_not_back()
    {
        Assert.True(InterviewRules.MayAnnounce(InterviewStage.Draft).Succeeded);
        Assert.False(InterviewRules.MayAnnounce(InterviewStage.Announced).Succeeded);
        Assert.False(InterviewRules.MayStart(InterviewStage.Draft).Succeeded);
        Assert.True(InterviewRules.MayStart(InterviewStage.Announced).Succeeded);
        Assert.False(InterviewRules.MayStart(InterviewStage.Archived).Succeeded);
        Assert.True(InterviewRules.MayArchive(InterviewStage.Live).Succeeded);
        Assert.False(InterviewRules.MayArchive(InterviewStage.Archived).Succeeded);
        Assert.False(InterviewRules.MayEdit(InterviewStage.Announced).Succeeded);
    }

    [Fact]
    public void Questions_are_taken_before_and_during_an_interview_and_answers_only_while_it_is_live()
    {
        Assert.False(InterviewRules.MayAsk(InterviewStage.Draft).Succeeded);
        Assert.True(InterviewRules.MayAsk(InterviewStage.Announced).Succeeded);
        Assert.True(InterviewRules.MayAsk(InterviewStage.Live).Succeeded);
        Assert.Contains("已经结束", InterviewRules.MayAsk(InterviewStage.Archived).Refusal!.Message, StringComparison.Ordinal);

        Assert.Contains("访谈开始后", InterviewRules.MayAnswer(InterviewStage.Announced, QuestionState.Picked).Refusal!.Message, StringComparison.Ordinal);
        Assert.True(InterviewRules.MayAnswer(InterviewStage.Live, QuestionState.Picked).Succeeded);
        Assert.False(InterviewRules.MayAnswer(InterviewStage.Live, QuestionState.Answered).Succeeded);
        Assert.False(InterviewRules.MayAnswer(InterviewStage.Archived, QuestionState.Picked).Succeeded);
        Assert.False(InterviewRules.MayModerate(InterviewStage.Live, QuestionState.Answered).Succeeded);
    }

    [Fact]
    public void A_question_follows_the_comment_rules_empty_too_long_no_contact_and_markup_kept_as_text()
    {
        var empty = InterviewRules.CheckQuestion(null, "", "  ").Refusal!;
        Assert.Equal(["contact", "text"], empty.Errors.Keys.Order());
        Assert.Contains("5000", InterviewRules.CheckQuestion(null, "x@example.com", new string('问', 5001)).Refusal!.Errors["text"][0], StringComparison.Ordinal);

        var markup = InterviewRules.CheckQuestion(null, "x@example.com", "<script>alert(1)</script>医保怎么交？").Value!;
        Assert.True(markup.HadMarkup);
        Assert.Equal("<script>alert(1)</script>医保怎么交？", markup.Text);
    }
}
