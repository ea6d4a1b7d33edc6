using Gongkai.Staff;
using Gongkai.Staff.Rules;

namespace Gongkai.UnitTests.Platform.Identity;

public sealed class TwoFactorRulesTests
{
    [Theory]
    [InlineData(StaffRoles.SystemAdmin, true, true)]
    [InlineData(StaffRoles.SystemAdmin, false, true)]
    [InlineData(StaffRoles.BodyAdmin, true, true)]
    [InlineData(StaffRoles.BodyAdmin, false, false)]
    [InlineData(StaffRoles.FinalReviewer, true, true)]
    [InlineData(StaffRoles.FinalReviewer, false, false)]
    [InlineData(StaffRoles.Editor, true, false)]
    [InlineData(StaffRoles.FirstReviewer, true, false)]
    [InlineData(StaffRoles.SecondReviewer, true, false)]
    [InlineData(StaffRoles.Auditor, true, false)]
    public void Everyone_who_can_publish_or_administer_needs_two_factors_system_admins_whatever_the_setting(string role, bool forPublishers, bool required) =>
        Assert.Equal(required, TwoFactorRules.Required([role], forPublishers));

    [Fact]
    public void An_account_must_enrol_only_while_it_has_no_authenticator()
    {
        Assert.True(TwoFactorRules.MustEnrol([StaffRoles.Editor, StaffRoles.FinalReviewer], hasTwoFactor: false, requireForPublishers: true));
        Assert.False(TwoFactorRules.MustEnrol([StaffRoles.Editor, StaffRoles.FinalReviewer], hasTwoFactor: true, requireForPublishers: true));
        Assert.False(TwoFactorRules.MustEnrol([StaffRoles.Editor], hasTwoFactor: false, requireForPublishers: true));
        Assert.False(TwoFactorRules.MustEnrol([], hasTwoFactor: false, requireForPublishers: true));
    }

    [Fact]
    public void The_reason_names_the_roles_that_need_two_factors()
    {
        Assert.Equal("单位管理员、终审", TwoFactorRules.Why([StaffRoles.Editor, StaffRoles.BodyAdmin, StaffRoles.FinalReviewer], requireForPublishers: true));
        Assert.Equal("", TwoFactorRules.Why([StaffRoles.FinalReviewer], requireForPublishers: false));
    }
}
