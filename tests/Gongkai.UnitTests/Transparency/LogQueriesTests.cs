using Gongkai.Platform.Outcomes;
using Gongkai.Transparency.Rules;

namespace Gongkai.UnitTests.Transparency;

/// <summary>Bad /ct/v1 parameters become 400-kind refusals with a Chinese sentence; nothing throws.</summary>
public sealed class LogQueriesTests
{
    [Theory]
    [InlineData(null, "5", "缺少参数 first")]
    [InlineData("abc", "5", "first 应为非负整数")]
    [InlineData("-1", "5", "first 应为非负整数")]
    [InlineData("0", "5", "应在 1 到 10 之间")]
    [InlineData("3", "11", "已签名的树只有 10 条")]
    [InlineData("6", "5", "first（6）不能大于 second（5）")]
    [InlineData("99999999999999999999", "5", "first 应为非负整数")]
    public void Bad_consistency_requests_are_refused_with_a_reason(string? first, string? second, string reason)
    {
        var outcome = LogQueries.Consistency(first, second, 10);
        Assert.False(outcome.Succeeded);
        Assert.Equal(RefusalKind.Invalid, outcome.Refusal.Kind);
        Assert.Contains(reason, outcome.Refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_are_cut_to_the_tree_and_to_a_thousand_per_call()
    {
        Assert.Equal((0L, 999L), LogQueries.Entries("0", "5000000", 2_000_000).Value);
        Assert.Equal((5L, 9L), LogQueries.Entries("5", "50", 10).Value);
        Assert.Contains("超出了已签名的树", LogQueries.Entries("10", "12", 10).Refusal!.Message, StringComparison.Ordinal);
        Assert.Contains("不能大于", LogQueries.Entries("7", "3", 10).Refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hashes_are_read_from_base64_or_hex_and_anything_else_is_refused()
    {
        var hash = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        Assert.Equal(hash, LogQueries.Hash("hash", Convert.ToBase64String(hash)).Value);
        Assert.Equal(hash, LogQueries.Hash("hash", Convert.ToHexString(hash)).Value);
        Assert.False(LogQueries.Hash("hash", "not-base64!").Succeeded);
        Assert.False(LogQueries.Hash("hash", Convert.ToBase64String(hash[..31])).Succeeded);
        Assert.False(LogQueries.Hash("hash", "").Succeeded);
    }

    [Fact]
    public void An_entry_must_lie_inside_the_tree_it_is_proved_against()
    {
        Assert.Equal((3L, 4L), LogQueries.EntryAndProof("3", "4", 10).Value);
        Assert.Contains("不在 4 条的树中", LogQueries.EntryAndProof("4", "4", 10).Refusal!.Message, StringComparison.Ordinal);
        Assert.False(LogQueries.EntryAndProof("0", "0", 10).Succeeded);
        Assert.False(LogQueries.ProofByHash(new string('0', 64), "11", 10).Succeeded);
    }
}
