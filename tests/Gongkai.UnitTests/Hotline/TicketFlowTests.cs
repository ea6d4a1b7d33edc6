using Gongkai.Hotline.Rules;
using Gongkai.Platform.Outcomes;

namespace Gongkai.UnitTests.Hotline;

public sealed class TicketFlowTests
{
    private static readonly TicketState Received = new(TicketStatus.Received, 0, null, false);

    private static TicketState Walk(params TicketStep[] steps)
    {
        var state = Received;
        foreach (var step in steps)
        {
            var next = TicketFlow.Apply(state, step);
            Assert.True(next.Succeeded, next.Refusal?.Message);
            state = next.Value!;
        }

        return state;
    }

    private static readonly TicketStep Dispatch = new(TicketEventType.Dispatched, BodyGiven: true);
    private static readonly TicketStep Sign = new(TicketEventType.SignedFor);
    private static readonly TicketStep Return = new(TicketEventType.Returned, Reason: "不属于本单位职责");
    private static readonly TicketStep Extend = new(TicketEventType.ExtensionApproved, WorkingDays: 3);
    private static readonly TicketStep Reply = new(TicketEventType.Replied, Text: "已清理占道摊点。");
    private static readonly TicketStep Ask = new(TicketEventType.ExtensionRequested, Reason: "需协调供电公司迁改线路", WorkingDays: 5);
    private static readonly TicketStep Unsatisfied = new(TicketEventType.Evaluated, Rating: Rating.Unsatisfied);
    private static readonly TicketStep Reopen = new(TicketEventType.Reopened, Reason: "摊点次日又出现；中心决定重办");

    [Fact]
    public void The_whole_journey_with_a_return_an_extension_and_one_reopening_ends_evaluated()
    {
        var state = Walk(Dispatch, Return, Dispatch, Sign, Extend, Reply, Unsatisfied, Reopen, Reply,
            new TicketStep(TicketEventType.Evaluated, Rating: Rating.BasicallySatisfied));
        Assert.Equal(TicketStatus.Evaluated, state.Status);
        Assert.Equal(1, state.ReopenCount);
        Assert.Equal(Rating.BasicallySatisfied, state.LastRating);
    }

    [Fact]
    public void A_reply_before_signing_is_refused_with_the_reason()
    {
        var state = Walk(Dispatch);
        var refused = TicketFlow.Apply(state, Reply);
        Assert.False(refused.Succeeded);
        Assert.Equal(RefusalKind.Conflict, refused.Refusal!.Kind);
        Assert.Contains("须先签收", refused.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_reopening_is_refused_even_after_another_unsatisfied_rating()
    {
        var state = Walk(Dispatch, Sign, Reply, Unsatisfied, Reopen, Reply, Unsatisfied);
        var refused = TicketFlow.Apply(state, Reopen);
        Assert.False(refused.Succeeded);
        Assert.Contains("只能重办一次", refused.Refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_return_after_the_reply_is_refused()
    {
        var refused = TicketFlow.Apply(Walk(Dispatch, Sign, Reply), Return);
        Assert.False(refused.Succeeded);
        Assert.Contains("已经办结，不能退单", refused.Refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reopening_needs_an_unsatisfied_rating_and_a_reason()
    {
        var satisfied = Walk(Dispatch, Sign, Reply, new TicketStep(TicketEventType.Evaluated, Rating: Rating.Satisfied));
        Assert.False(TicketFlow.Apply(satisfied, Reopen).Succeeded);
        var unsatisfied = Walk(Dispatch, Sign, Reply, Unsatisfied);
        var noReason = TicketFlow.Apply(unsatisfied, new TicketStep(TicketEventType.Reopened));
        Assert.Equal(RefusalKind.Invalid, noReason.Refusal!.Kind);
        Assert.True(noReason.Refusal.Errors.ContainsKey("reason"));
    }

    [Fact]
    public void Details_each_type_needs_are_checked()
    {
        Assert.True(TicketFlow.Apply(Received, new TicketStep(TicketEventType.Dispatched)).Refusal!.Errors.ContainsKey("body"));
        var dispatched = Walk(Dispatch);
        Assert.True(TicketFlow.Apply(dispatched, new TicketStep(TicketEventType.Returned)).Refusal!.Errors.ContainsKey("reason"));
        var signed = Walk(Dispatch, Sign);
        Assert.True(TicketFlow.Apply(signed, new TicketStep(TicketEventType.ExtensionApproved, WorkingDays: 0)).Refusal!.Errors.ContainsKey("workingDays"));
        Assert.True(TicketFlow.Apply(signed, new TicketStep(TicketEventType.ExtensionApproved, WorkingDays: 31)).Refusal!.Errors.ContainsKey("workingDays"));
        Assert.True(TicketFlow.Apply(signed, new TicketStep(TicketEventType.Replied, Text: " ")).Refusal!.Errors.ContainsKey("text"));
        Assert.True(TicketFlow.Apply(Walk(Dispatch, Sign, Reply), new TicketStep(TicketEventType.Evaluated)).Refusal!.Errors.ContainsKey("rating"));
    }

    [Fact]
    public void A_received_ticket_may_be_answered_at_once_and_is_then_closed()
    {
        var state = Walk(new TicketStep(TicketEventType.AnsweredDirectly, Text: "办理居住证请带身份证到派出所。"));
        Assert.False(TicketFlow.IsOpen(state.Status));
        Assert.False(TicketFlow.Apply(state, Dispatch).Succeeded);
        Assert.False(TicketFlow.Apply(Walk(Dispatch), new TicketStep(TicketEventType.AnsweredDirectly, Text: "x")).Succeeded);
    }

    [Fact]
    public void The_next_possible_events_follow_the_status()
    {
        Assert.Equal([TicketEventType.Dispatched, TicketEventType.AnsweredDirectly, TicketEventType.Merged], TicketFlow.Next(Received));
        Assert.Equal([TicketEventType.SignedFor, TicketEventType.Returned], TicketFlow.Next(Walk(Dispatch)));
        Assert.Equal([TicketEventType.Returned, TicketEventType.ExtensionApproved, TicketEventType.Replied, TicketEventType.ExtensionRequested], TicketFlow.Next(Walk(Dispatch, Sign)));
        // While a request waits, the centre decides it (approve or refuse); the body may still return or reply.
        Assert.Equal([TicketEventType.Returned, TicketEventType.ExtensionApproved, TicketEventType.Replied, TicketEventType.ExtensionRefused],
            TicketFlow.Next(Walk(Dispatch, Sign, Ask)));
        Assert.Equal([TicketEventType.Reopened], TicketFlow.Next(Walk(Dispatch, Sign, Reply, Unsatisfied)));
        Assert.Empty(TicketFlow.Next(Walk(Dispatch, Sign, Reply, Unsatisfied, Reopen, Reply, Unsatisfied)));
    }

    [Fact]
    public void A_duplicate_is_merged_only_before_it_reaches_a_body_and_then_stays_merged()
    {
        var merge = new TicketStep(TicketEventType.Merged, IntoGiven: true);
        var merged = TicketFlow.Apply(Received, merge);
        Assert.Equal(TicketStatus.Merged, merged.Value!.Status);
        Assert.False(TicketFlow.IsOpen(TicketStatus.Merged));
        Assert.Empty(TicketFlow.Next(merged.Value));
        Assert.Equal(TicketStatus.Merged, TicketFlow.Apply(Walk(Dispatch, new TicketStep(TicketEventType.Returned, Reason: "非本单位职责")), merge).Value!.Status);
        Assert.Equal(RefusalKind.Conflict, TicketFlow.Apply(Walk(Dispatch), merge).Refusal!.Kind);
        Assert.Equal("into", TicketFlow.Apply(Received, new TicketStep(TicketEventType.Merged)).Refusal!.Errors.Keys.Single());
    }

    [Fact]
    public void A_limit_ending_at_china_midnight_reads_as_24_of_the_day_before() =>
        Assert.Equal("2026-10-08 24时", TicketClock.FormatDue(new DateTimeOffset(2026, 10, 9, 0, 0, 0, TimeSpan.FromHours(8))));

    [Theory]
    [InlineData("满意", Rating.Satisfied)]
    [InlineData("basically-satisfied", Rating.BasicallySatisfied)]
    [InlineData("不满意", Rating.Unsatisfied)]
    public void Ratings_are_read_as_codes_or_chinese_words(string text, Rating expected) =>
        Assert.Equal(expected, TicketVocabulary.ParseRating(text));

    [Fact]
    public void The_body_asks_for_an_extension_and_the_centre_approves_the_days_asked_for()
    {
        var asked = Walk(Dispatch, Sign, Ask);
        Assert.Equal(5, asked.PendingExtensionDays);
        Assert.Equal(TicketStatus.Handling, asked.Status);
        var approved = TicketFlow.Apply(asked, new TicketStep(TicketEventType.ExtensionApproved));
        Assert.True(approved.Succeeded, approved.Refusal?.Message);
        Assert.Null(approved.Value!.PendingExtensionDays);
        Assert.Equal(TicketStatus.Handling, approved.Value.Status);
    }

    [Fact]
    public void A_refusal_needs_a_reason_and_clears_the_request_so_the_body_may_ask_again()
    {
        var asked = Walk(Dispatch, Sign, Ask);
        var noReason = TicketFlow.Apply(asked, new TicketStep(TicketEventType.ExtensionRefused));
        Assert.True(noReason.Refusal!.Errors.ContainsKey("reason"));
        var refused = Walk(Dispatch, Sign, Ask, new TicketStep(TicketEventType.ExtensionRefused, Reason: "线路迁改可先行临时处置"));
        Assert.Null(refused.PendingExtensionDays);
        Assert.True(TicketFlow.Apply(refused, Ask).Succeeded);
    }

    [Fact]
    public void A_second_request_while_one_waits_is_refused_naming_the_waiting_days()
    {
        var second = TicketFlow.Apply(Walk(Dispatch, Sign, Ask), Ask);
        Assert.Equal(RefusalKind.Conflict, second.Refusal!.Kind);
        Assert.Contains("5个工作日", second.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_needs_a_reason_and_one_to_thirty_working_days_and_only_while_handling()
    {
        var signed = Walk(Dispatch, Sign);
        Assert.True(TicketFlow.Apply(signed, Ask with { Reason = " " }).Refusal!.Errors.ContainsKey("reason"));
        Assert.True(TicketFlow.Apply(signed, Ask with { WorkingDays = 0 }).Refusal!.Errors.ContainsKey("workingDays"));
        Assert.True(TicketFlow.Apply(signed, Ask with { WorkingDays = 31 }).Refusal!.Errors.ContainsKey("workingDays"));
        Assert.Equal(RefusalKind.Conflict, TicketFlow.Apply(Walk(Dispatch), Ask).Refusal!.Kind);
        Assert.Equal(RefusalKind.Conflict, TicketFlow.Apply(Walk(Dispatch, Sign, Reply), Ask).Refusal!.Kind);
    }

    [Fact]
    public void Refusing_without_a_waiting_request_is_out_of_order()
    {
        var refused = TicketFlow.Apply(Walk(Dispatch, Sign), new TicketStep(TicketEventType.ExtensionRefused, Reason: "不同意"));
        Assert.Equal(RefusalKind.Conflict, refused.Refusal!.Kind);
        Assert.Contains("没有等待审批的延期申请", refused.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_or_a_return_drops_a_waiting_request()
    {
        Assert.Null(Walk(Dispatch, Sign, Ask, Reply).PendingExtensionDays);
        Assert.Null(Walk(Dispatch, Sign, Ask, Return).PendingExtensionDays);
    }

    [Fact]
    public void The_waiting_request_is_read_from_the_events_in_order()
    {
        Assert.Equal(4, TicketFlow.PendingExtension([(TicketEventType.SignedFor, null), (TicketEventType.ExtensionRequested, 4)]));
        Assert.Null(TicketFlow.PendingExtension([(TicketEventType.ExtensionRequested, 4), (TicketEventType.ExtensionRefused, null)]));
        Assert.Null(TicketFlow.PendingExtension([(TicketEventType.ExtensionRequested, 4), (TicketEventType.ExtensionApproved, 4)]));
        Assert.Equal(2, TicketFlow.PendingExtension([(TicketEventType.ExtensionRequested, 4), (TicketEventType.ExtensionRefused, null), (TicketEventType.ExtensionRequested, 2)]));
        Assert.Null(TicketFlow.PendingExtension([(TicketEventType.ExtensionRequested, 4), (TicketEventType.Replied, null)]));
    }
}
