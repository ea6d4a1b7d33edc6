using Gongkai.Publishing.Rules;
using Gongkai.Safeguards;
using Gongkai.Publishing.Checks;

namespace Gongkai.UnitTests.Safeguards.Review;

/// <summary>Which findings block 终审 and publication, and what a final reviewer's override covers.</summary>
public sealed class PublicationGateTests
{
    private static DocumentFinding Found(FindingKind kind, string text, int start = 0, string source = DocumentFinding.BodySource) =>
        new(source, "正文", kind, start, text.Length, text, "*", "说明", start, CanApplyInPlace: true);

    private static readonly DocumentFinding IdNumber = Found(FindingKind.IdNumber, "11010519491231002X", 10);
    private static readonly DocumentFinding Name = Found(FindingKind.PersonName, "张三", 3);
    private static readonly DocumentFinding Miswriting = Found(FindingKind.Miswriting, "布署", 40);

    [Fact]
    public void A_document_without_personal_data_passes_even_with_wording_findings()
    {
        var decision = PublicationGate.Decide([Miswriting], [], null, mayOverride: true);

        Assert.Equal(GateOutcome.Pass, decision.Outcome);
        Assert.True(decision.Allowed);
    }

    [Fact]
    public void An_open_id_number_blocks_and_the_message_names_the_kind_and_count()
    {
        var decision = PublicationGate.Decide([IdNumber, Miswriting], [], null, mayOverride: true);

        Assert.Equal(GateOutcome.Blocked, decision.Outcome);
        Assert.Equal([IdNumber], decision.Open);
        Assert.Contains("身份证号码 1 处", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_final_reviewer_with_a_reason_overrides_every_open_finding()
    {
        var decision = PublicationGate.Decide([Name, IdNumber], [], "行政处罚决定依法须载明当事人", mayOverride: true);

        Assert.Equal(GateOutcome.Override, decision.Outcome);
        Assert.Equal([new OverriddenFinding(FindingKind.PersonName, "张三"), new OverriddenFinding(FindingKind.IdNumber, "11010519491231002X")],
            PublicationGate.Covering(decision.Open));
    }

    [Fact]
    public void Someone_who_is_not_a_final_reviewer_cannot_override()
    {
        Assert.Equal(GateOutcome.Blocked, PublicationGate.Decide([Name], [], "依法须公开当事人姓名", mayOverride: false).Outcome);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("需要")]
    public void A_missing_or_empty_reason_does_not_override(string reason)
    {
        var decision = PublicationGate.Decide([Name], [], reason, mayOverride: true);

        Assert.Equal(GateOutcome.Blocked, decision.Outcome);
    }

    [Fact]
    public void An_override_covers_the_same_text_later_but_not_new_personal_data()
    {
        var earlier = new[] { new OverriddenFinding(FindingKind.PersonName, "张三") };

        Assert.Equal(GateOutcome.Pass, PublicationGate.Decide([Found(FindingKind.PersonName, "张三", 99)], earlier, null, mayOverride: false).Outcome);
        var decision = PublicationGate.Decide([Name, Found(FindingKind.PersonName, "李四", 20)], earlier, null, mayOverride: false);
        Assert.Equal(GateOutcome.Blocked, decision.Outcome);
        Assert.Equal("李四", Assert.Single(decision.Open).Text);
    }

    [Fact]
    public void An_override_of_a_name_does_not_cover_the_same_digits_as_another_kind()
    {
        var earlier = new[] { new OverriddenFinding(FindingKind.Mobile, "13812345678") };

        Assert.Equal(GateOutcome.Blocked, PublicationGate.Decide([Found(FindingKind.Landline, "13812345678")], earlier, null, false).Outcome);
    }

    [Fact]
    public void Findings_from_other_sources_such_as_attachments_block_too()
    {
        var attachment = Found(FindingKind.Mobile, "13812345678", source: "attachment:3");

        Assert.Equal(GateOutcome.Blocked, PublicationGate.Decide([attachment], [], null, true).Outcome);
    }

    [Fact]
    public void The_audit_summary_counts_without_repeating_personal_data()
    {
        var summary = PublicationGate.Summary([IdNumber, Name, Miswriting]);

        Assert.Equal("发布前检查：个人信息 2 处，表述问题 1 处", summary);
        Assert.Equal("发布前检查：未发现问题", PublicationGate.Summary([]));
    }

    [Theory]
    [InlineData(DocumentStatus.Draft, true, new ReviewStage[0], true)]
    [InlineData(DocumentStatus.Returned, true, new ReviewStage[0], true)]
    [InlineData(DocumentStatus.Draft, false, new[] { ReviewStage.Final }, false)]
    [InlineData(DocumentStatus.AwaitingFinalReview, true, new ReviewStage[0], false)]
    [InlineData(DocumentStatus.AwaitingFinalReview, false, new[] { ReviewStage.Final }, true)]
    [InlineData(DocumentStatus.AwaitingFinalReview, false, new[] { ReviewStage.First }, false)]
    [InlineData(DocumentStatus.AwaitingFirstReview, false, new[] { ReviewStage.First }, true)]
    [InlineData(DocumentStatus.Published, true, new[] { ReviewStage.Final }, false)]
    public void The_text_is_changed_by_its_editor_while_editable_and_by_the_reviewer_whose_stage_it_awaits(
        DocumentStatus status, bool isEditor, ReviewStage[] stages, bool expected)
    {
        Assert.Equal(expected, FindingActions.MayChangeText(status, isEditor, stages.ToHashSet()));
    }
}
