using System.Net;
using Gongkai.Staff;
using Gongkai.Staff.Rules;

namespace Gongkai.UnitTests.Staff;

public sealed class SignInThrottleRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Four_failures_from_a_source_cost_nothing_the_fifth_makes_it_wait_thirty_seconds()
    {
        Assert.Null(SignInThrottleRules.WaitUntil([new("203.0.113.5", 4, Now)], "203.0.113.5", Now));
        Assert.Equal(Now.AddSeconds(30), SignInThrottleRules.WaitUntil([new("203.0.113.5", 5, Now)], "203.0.113.5", Now));
    }

    [Theory]
    [InlineData(6, 60)]
    [InlineData(7, 120)]
    [InlineData(9, 480)]
    [InlineData(10, 900)]
    [InlineData(40, 900)]
    [InlineData(int.MaxValue, 900)]
    public void Each_further_failure_doubles_the_wait_up_to_fifteen_minutes(int failures, int seconds) =>
        Assert.Equal(Now.AddSeconds(seconds), SignInThrottleRules.WaitUntil([new("203.0.113.5", failures, Now)], "203.0.113.5", Now));

    [Fact]
    public void The_wait_runs_from_the_last_failure_and_ends()
    {
        var failures = new SignInFailures("203.0.113.5", 5, Now);
        Assert.NotNull(SignInThrottleRules.WaitUntil([failures], "203.0.113.5", Now.AddSeconds(29)));
        Assert.Null(SignInThrottleRules.WaitUntil([failures], "203.0.113.5", Now.AddSeconds(30)));
    }

    [Fact]
    public void A_guesser_at_one_address_does_not_stop_the_owner_at_another()
    {
        SignInFailures[] account = [new("203.0.113.5", 12, Now)];

        Assert.NotNull(SignInThrottleRules.WaitUntil(account, "203.0.113.5", Now));
        Assert.Null(SignInThrottleRules.WaitUntil(account, "198.51.100.7", Now));
    }

    [Fact]
    public void Guessing_spread_over_many_addresses_slows_every_address_after_twenty_failures()
    {
        var account = Enumerable.Range(1, 5).Select(i => new SignInFailures($"192.0.2.{i}", 4, Now.AddSeconds(-i))).ToList();
        Assert.Null(SignInThrottleRules.WaitUntil(account, "198.51.100.7", Now)); // 20 failures, none above four per source

        account.Add(new SignInFailures("192.0.2.99", 1, Now));
        Assert.Equal(Now.AddMinutes(1), SignInThrottleRules.WaitUntil(account, "198.51.100.7", Now)); // the 21st: everyone waits
        account.Add(new SignInFailures("192.0.2.100", 1, Now));
        Assert.Equal(Now.AddMinutes(2), SignInThrottleRules.WaitUntil(account, "198.51.100.7", Now));
    }

    [Fact]
    public void Failures_older_than_an_hour_no_longer_count_and_a_new_one_starts_again_at_one()
    {
        var old = new SignInFailures("203.0.113.5", 9, Now.AddHours(-1));
        Assert.Null(SignInThrottleRules.WaitUntil([old], "203.0.113.5", Now));
        Assert.Equal(1, SignInThrottleRules.FailuresAfter(old, Now));
        Assert.Equal(10, SignInThrottleRules.FailuresAfter(old with { LastFailureAt = Now.AddMinutes(-59) }, Now));
        Assert.Equal(1, SignInThrottleRules.FailuresAfter(null, Now));
    }

    [Theory]
    [InlineData("203.0.113.5", "203.0.113.5")]
    [InlineData("::ffff:203.0.113.5", "203.0.113.5")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64")]
    public void A_source_is_an_IPv4_address_or_an_IPv6_slash_64(string address, string source) =>
        Assert.Equal(source, SignInThrottleRules.SourceOf(IPAddress.Parse(address)));

    [Fact]
    public void The_message_says_how_long_to_wait_in_seconds_or_minutes()
    {
        Assert.Equal("登录失败次数过多，请 30 秒后再试。", SignInThrottleRules.Message(Now.AddSeconds(29.2), Now));
        Assert.Equal("登录失败次数过多，请 15 分钟后再试。", SignInThrottleRules.Message(Now.AddMinutes(15), Now));
    }
}

public sealed class StaffPasswordValidatorTests
{
    [Theory]
    [InlineData("Password1234")]
    [InlineData("qwertyuiop12")]
    [InlineData("iloveyou1234")]
    [InlineData("123456789012")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("zhangwei2026!")]
    public void Common_and_patterned_passwords_are_refused(string password) =>
        Assert.NotNull(StaffPasswordValidator.Weakness(password, "zhangwei"));

    [Theory]
    [InlineData("Gongkai-Demo-2026")]
    [InlineData("涪江边的银杏树2026")]
    [InlineData("correct horse battery staple")]
    public void Long_uncommon_passwords_in_any_characters_are_accepted(string password) =>
        Assert.Null(StaffPasswordValidator.Weakness(password, "editor.myszf"));

    [Fact]
    public void Generated_one_time_passwords_pass_the_policy_they_are_set_under()
    {
        for (var i = 0; i < 200; i++)
        {
            var password = StaffPasswords.Generate();
            Assert.True(password.Length >= StaffPasswordValidator.MinimumLength, password);
            Assert.Null(StaffPasswordValidator.Weakness(password, "editor.myszf"));
        }
    }
}
