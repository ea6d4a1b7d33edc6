using Gongkai.Organizations.Demo;
using Gongkai.Platform.Audit;
using Gongkai.Staff;

namespace Gongkai.UnitTests.Platform.Identity;

public sealed class IdentityRulesTests
{
    [Fact]
    public void Token_secrets_are_gk_and_forty_base62_characters_and_differ_every_time()
    {
        var secrets = Enumerable.Range(0, 200).Select(_ => AccessTokenSecret.Generate()).ToList();

        Assert.All(secrets, s => Assert.Matches("^gk_[0-9A-Za-z]{40}$", s));
        Assert.All(secrets, s => Assert.True(AccessTokenSecret.LooksValid(s)));
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
        Assert.True(secrets.SelectMany(s => s[3..]).Distinct().Count() > 55, "all of base62 should turn up in 8,000 characters");
    }

    [Fact]
    public void Token_hashes_are_lower_case_sha256_hex_and_prefixes_the_first_eight_characters()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", AccessTokenSecret.Hash("abc"));
        Assert.Equal("gk_AbCdE", AccessTokenSecret.PrefixOf("gk_AbCdEfGhIj"));
    }

    [Theory]
    [InlineData("gk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("gk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!")]
    [InlineData("xx_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("")]
    public void Malformed_tokens_are_recognised_without_a_lookup(string presented) =>
        Assert.False(AccessTokenSecret.LooksValid(presented));

    [Fact]
    public void Body_admins_may_assign_every_role_but_system_admin()
    {
        Assert.Equal(StaffRoles.All, StaffRules.AssignableRoles(actorIsSystemAdmin: true, actorIsBodyAdmin: false));
        Assert.DoesNotContain(StaffRoles.SystemAdmin, StaffRules.AssignableRoles(false, true));
        Assert.Equal(StaffRoles.All.Count - 1, StaffRules.AssignableRoles(false, true).Count);
        Assert.Empty(StaffRules.AssignableRoles(false, false));
    }

    [Fact]
    public void Role_changes_are_refused_for_system_admin_by_body_admins_for_oneself_and_for_unknown_roles()
    {
        Assert.Null(StaffRules.RefuseRoleChange(false, true, false, [StaffRoles.Editor], [StaffRoles.Editor, StaffRoles.Auditor]));
        Assert.Contains("系统管理员", StaffRules.RefuseRoleChange(false, true, false, [], [StaffRoles.SystemAdmin]));
        Assert.Contains("系统管理员", StaffRules.RefuseRoleChange(false, true, false, [StaffRoles.SystemAdmin], []));
        Assert.Null(StaffRules.RefuseRoleChange(true, false, false, [], [StaffRoles.SystemAdmin]));
        Assert.Contains("自己", StaffRules.RefuseRoleChange(true, false, true, [StaffRoles.SystemAdmin], []));
        Assert.Null(StaffRules.RefuseRoleChange(true, false, true, [StaffRoles.SystemAdmin], [StaffRoles.SystemAdmin]));
        Assert.Contains("未知角色", StaffRules.RefuseRoleChange(true, false, false, [], ["root"]));
        Assert.NotNull(StaffRules.RefuseRoleChange(false, false, false, [], [StaffRoles.Editor]));
    }

    [Fact]
    public void A_body_admin_may_not_manage_a_system_admin()
    {
        Assert.False(StaffRules.MayManage(actorIsSystemAdmin: false, [StaffRoles.SystemAdmin, StaffRoles.Editor]));
        Assert.True(StaffRules.MayManage(actorIsSystemAdmin: false, [StaffRoles.Editor]));
        Assert.True(StaffRules.MayManage(actorIsSystemAdmin: true, [StaffRoles.SystemAdmin]));
    }

    [Fact]
    public void Role_changes_are_described_in_the_fixed_role_order()
    {
        Assert.Equal("editor → editor, first-reviewer",
            StaffRules.DescribeRoleChange([StaffRoles.Editor], [StaffRoles.FirstReviewer, StaffRoles.Editor]));
        Assert.Equal("auditor → （无）", StaffRules.DescribeRoleChange([StaffRoles.Auditor], []));
    }

    [Fact]
    public void Generated_passwords_meet_the_password_policy()
    {
        for (var i = 0; i < 500; i++)
        {
            var password = StaffPasswords.Generate();
            Assert.Matches("^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$", password);
            Assert.Contains(password, char.IsUpper);
            Assert.Contains(password, char.IsLower);
            Assert.Contains(password, char.IsDigit);
            Assert.DoesNotContain(password, c => "0O1lI".Contains(c, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Authenticator_keys_are_grouped_and_the_uri_names_issuer_and_account()
    {
        Assert.Equal("ABCD EFGH IJ", Authenticator.FormatKey("abcdefghij"));
        Assert.Equal("otpauth://totp/Gongkai:editor.myszf?secret=ABCD&issuer=Gongkai&digits=6&period=30",
            Authenticator.OtpAuthUri("editor.myszf", "ABCD"));
        Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", Authenticator.QrCodeDataUri("otpauth://totp/x"), StringComparison.Ordinal);
    }

    [Fact]
    public void Lockout_messages_say_until_when_in_Beijing_time()
    {
        Assert.Equal("账户已锁定，请于2026-03-01 09:15（北京时间）后再试。",
            SignInMessages.Locked(new DateTimeOffset(2026, 3, 1, 1, 15, 0, TimeSpan.Zero)));
        Assert.Contains("管理员锁定", SignInMessages.Locked(StaffAdministration.LockedByAdministrator));
    }

    [Theory]
    [InlineData("GONGKAIDEMOADMINKEYFORTOTPSETUPZ", true)]
    [InlineData("ABCDEFGHIJKLMNOP", true)]
    [InlineData("ABCDEFGHIJKLMNO", false)]
    [InlineData("gongkaidemoadminkeyfortotpsetupz", false)]
    [InlineData("GONGKAI0DEMO1ADMIN8KEY9", false)]
    public void Only_base32_keys_of_at_least_80_bits_are_used_for_the_demo_admin(string key, bool usable) =>
        Assert.Equal(usable, DemoStaffSeeder.IsBase32Key(key));
}
