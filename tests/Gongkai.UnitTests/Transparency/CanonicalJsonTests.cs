using System.Text;
using Gongkai.Transparency.Rules;

namespace Gongkai.UnitTests.Transparency;

/// <summary>RFC 8785 for flat objects of strings and integers: sorted names, minimal escapes, no whitespace.</summary>
public sealed class CanonicalJsonTests
{
    [Fact]
    public void Members_are_sorted_by_utf16_code_units_and_written_without_whitespace()
    {
        var json = CanonicalJson.Write(new Dictionary<string, object> { ["url"] = "/a", ["indexNo"] = "x", ["Z"] = 1, ["€"] = 2, ["\u0080"] = 3, ["a"] = -5L });
        // "Z" (U+005A) < "a" < "indexNo" < "url" < U+0080 < "€" (U+20AC)
        Assert.Equal("{\"Z\":1,\"a\":-5,\"indexNo\":\"x\",\"url\":\"/a\",\"\u0080\":3,\"€\":2}", json);
    }

    [Fact]
    public void Strings_use_only_the_short_escapes_and_lower_case_unicode_escapes_for_other_controls()
    {
        var json = CanonicalJson.Write(new Dictionary<string, object> { ["s"] = "\"\\\b\f\n\r\t\u0001\u001f/\u007f中文😀\u2028" });
        Assert.Equal("{\"s\":\"\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f/\u007f中文😀\u2028\"}", json);
    }

    [Fact]
    public void Values_that_have_no_canonical_form_here_are_refused()
    {
        Assert.Throws<ArgumentException>(() => CanonicalJson.Write(new Dictionary<string, object> { ["s"] = "\ud800" }));
        Assert.Throws<ArgumentException>(() => CanonicalJson.Write(new Dictionary<string, object> { ["n"] = 1L << 53 }));
        Assert.Throws<ArgumentException>(() => CanonicalJson.Write(new Dictionary<string, object> { ["f"] = 1.5 }));
    }

    [Fact]
    public void A_log_entry_is_the_canonical_json_of_its_seven_fields()
    {
        var entry = new LogEntryContent("document", "00700002-5/2018-00012", 2, "关于“低保”的\"通知\"", new string('a', 64),
            new DateTimeOffset(2018, 3, 1, 16, 30, 5, 123, TimeSpan.FromHours(8)).AddTicks(4567), "/documents/00700002-5/2018-00012");
        Assert.Equal(
            "{\"contentSha256\":\"" + new string('a', 64) + "\",\"indexNo\":\"00700002-5/2018-00012\",\"kind\":\"document\"," +
            "\"publishedAt\":\"2018-03-01T08:30:05.123Z\",\"title\":\"关于“低保”的\\\"通知\\\"\",\"url\":\"/documents/00700002-5/2018-00012\",\"version\":2}",
            Encoding.UTF8.GetString(entry.LeafInput()));
        Assert.Equal(MerkleTree.LeafHash(entry.LeafInput()), entry.LeafHash());
    }
}
