using System.Text;
using Gongkai.Channels.Rules;

namespace Gongkai.UnitTests.Channels;

public sealed class WebSubRulesTests
{
    private static readonly LeaseLimits Limits = new(3600, 864_000, 2_592_000);

    [Fact]
    public void A_well_formed_subscription_takes_the_default_lease_when_none_is_named()
    {
        var outcome = SubscriptionRequestRules.Check("subscribe", "https://gov.example/feeds/atom.xml", "https://reader.example/cb?id=7", null, "secret", Limits);
        Assert.True(outcome.Succeeded);
        Assert.Equal(HubMode.Subscribe, outcome.Value.Mode);
        Assert.Equal(864_000, outcome.Value.LeaseSeconds);
        Assert.Equal("https://reader.example/cb?id=7", outcome.Value.Callback.AbsoluteUri);
        Assert.Equal("secret", outcome.Value.Secret);
    }

    [Theory]
    [InlineData("publish", "https://gov.example/feeds/atom.xml", "https://r.example/cb", null, null, "hub.mode")]
    [InlineData("subscribe", "", "https://r.example/cb", null, null, "hub.topic")]
    [InlineData("subscribe", "/feeds/atom.xml", "https://r.example/cb", null, null, "hub.topic")]
    [InlineData("subscribe", "https://gov.example/feeds/atom.xml", "ftp://r.example/cb", null, null, "hub.callback")]
    [InlineData("subscribe", "https://gov.example/feeds/atom.xml", "javascript:alert(1)", null, null, "hub.callback")]
    [InlineData("subscribe", "https://gov.example/feeds/atom.xml", "https://user:pw@r.example/cb", null, null, "hub.callback")]
    [InlineData("subscribe", "https://gov.example/feeds/atom.xml", "https://r.example/cb#part", null, null, "hub.callback")]
    [InlineData("subscribe", "https://gov.example/feeds/atom.xml", "https://r.example/cb", "3599", null, "hub.lease_seconds")]
    [InlineData("subscribe", "https://gov.example/feeds/atom.xml", "https://r.example/cb", "2592001", null, "hub.lease_seconds")]
    [InlineData("subscribe", "https://gov.example/feeds/atom.xml", "https://r.example/cb", "-5", null, "hub.lease_seconds")]
    [InlineData("subscribe", "https://gov.example/feeds/atom.xml", "https://r.example/cb", "一天", null, "hub.lease_seconds")]
    public void A_request_breaking_a_rule_is_refused_naming_the_field(string mode, string topic, string callback, string? lease, string? secret, string field)
    {
        var outcome = SubscriptionRequestRules.Check(mode, topic, callback, lease, secret, Limits);
        Assert.False(outcome.Succeeded);
        Assert.Contains(field, outcome.Refusal.Errors.Keys);
    }

    [Fact]
    public void A_secret_must_be_less_than_200_bytes()
    {
        Assert.True(SubscriptionRequestRules.Check("subscribe", "https://g.example/feeds/atom.xml", "https://r.example/cb", null, new string('a', 199), Limits).Succeeded);
        // 67 CJK characters are 201 bytes in UTF-8.
        var refused = SubscriptionRequestRules.Check("subscribe", "https://g.example/feeds/atom.xml", "https://r.example/cb", null, new string('密', 67), Limits);
        Assert.Contains("hub.secret", refused.Refusal!.Errors.Keys);
    }

    /// <summary>RFC 4231 test case 2 ("Jefe", "what do ya want for nothing?").</summary>
    [Fact]
    public void The_signature_is_hmac_sha256_in_lower_case_hex_and_verifies_only_the_same_body()
    {
        var body = Encoding.ASCII.GetBytes("what do ya want for nothing?");
        var signature = HubSignature.Sign("Jefe", body);
        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signature);
        Assert.True(HubSignature.Verify("Jefe", body, signature));
        Assert.False(HubSignature.Verify("Jefe", Encoding.ASCII.GetBytes("what do ya want for nothing!"), signature));
        Assert.False(HubSignature.Verify("jefe", body, signature));
        Assert.False(HubSignature.Verify("Jefe", body, null));
    }

    [Fact]
    public void Retries_back_off_doubling_up_to_the_cap_and_stop_after_the_last_attempt()
    {
        var at = new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
        var baseDelay = TimeSpan.FromSeconds(30);
        var cap = TimeSpan.FromMinutes(5);
        Assert.Equal(at.AddSeconds(30), DeliveryBackoff.NextAttempt(at, 1, 8, baseDelay, cap));
        Assert.Equal(at.AddSeconds(60), DeliveryBackoff.NextAttempt(at, 2, 8, baseDelay, cap));
        Assert.Equal(at.AddSeconds(240), DeliveryBackoff.NextAttempt(at, 4, 8, baseDelay, cap));
        Assert.Equal(at.AddMinutes(5), DeliveryBackoff.NextAttempt(at, 7, 8, baseDelay, cap));
        Assert.Null(DeliveryBackoff.NextAttempt(at, 8, 8, baseDelay, cap));
    }
}
