using Gongkai.Requests.Rules;

namespace Gongkai.UnitTests.Requests;

public sealed class FilingKeyTests
{
    [Fact]
    public void A_sealed_code_opens_with_its_key_only()
    {
        var sealedCode = FilingKey.SealCode("key-1", "ABC23456XY");
        Assert.Equal("ABC23456XY", FilingKey.OpenCode("key-1", sealedCode));
        Assert.Null(FilingKey.OpenCode("key-2", sealedCode));
        Assert.Null(FilingKey.OpenCode("key-1", sealedCode[..10]));
        Assert.DoesNotContain("ABC23456XY", System.Text.Encoding.UTF8.GetString(sealedCode), StringComparison.Ordinal);
    }

    [Fact]
    public void Sealing_twice_gives_different_bytes()
    {
        Assert.NotEqual(FilingKey.SealCode("k", "CODE"), FilingKey.SealCode("k", "CODE"));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("a b", false)]
    [InlineData("键", false)]
    [InlineData("9f1c2d3e-aaaa-4bbb-8ccc-0123456789ab", true)]
    public void Keys_are_visible_ascii_up_to_128_characters(string key, bool acceptable)
    {
        Assert.Equal(acceptable, FilingKey.Problem(key) is null);
        Assert.NotNull(FilingKey.Problem(new string('x', 129)));
        Assert.Null(FilingKey.Problem(new string('x', 128)));
    }

    [Fact]
    public void The_fingerprint_tells_a_missing_field_from_an_empty_one_and_fields_apart()
    {
        Assert.Equal(FilingKey.Fingerprint("a", "b"), FilingKey.Fingerprint("a", "b"));
        Assert.NotEqual(FilingKey.Fingerprint("a", null), FilingKey.Fingerprint("a", ""));
        Assert.NotEqual(FilingKey.Fingerprint("ab", "c"), FilingKey.Fingerprint("a", "bc"));
        Assert.Equal(64, FilingKey.Hash("k").Length);
    }
}
