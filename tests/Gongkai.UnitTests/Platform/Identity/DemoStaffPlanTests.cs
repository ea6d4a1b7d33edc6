using Gongkai.Organizations.Demo;
using Gongkai.Organizations;
using Gongkai.Platform;
using Gongkai.Staff;

namespace Gongkai.UnitTests.Platform.Identity;

public sealed class DemoStaffPlanTests
{
    [Fact]
    public void The_plan_covers_the_municipal_government_the_development_commission_and_the_first_county()
    {
        var accounts = DemoStaffPlan.Accounts(Tree());

        Assert.Equal(["myszf", "mysfgw", "fcq"], DemoStaffPlan.DemoBodies(Tree()).Select(b => b.Code));
        Assert.Equal("admin", accounts[0].UserName);
        Assert.Equal(StaffRoles.SystemAdmin, accounts[0].Role);
        Assert.Equal("myszf", accounts[0].Body.Code);
        Assert.Equal(
            ["bodyadmin.myszf", "editor.myszf", "reviewer1.myszf", "reviewer2.myszf", "reviewer3.myszf", "officer.myszf", "auditor.myszf", "hotline.myszf", "handler.myszf"],
            accounts.Where(a => a.Body.Code == "myszf" && a.Role != StaffRoles.SystemAdmin).Select(a => a.UserName));
        Assert.DoesNotContain(accounts, a => a.Role == StaffRoles.SystemAdmin && a.UserName != "admin");
        Assert.Equal("市发展改革委信息编辑", accounts.Single(a => a.UserName == "editor.mysfgw").DisplayName);
    }

    [Fact]
    public void Without_mysfgw_the_first_municipal_department_by_sort_order_is_used()
    {
        var bodies = Tree().Where(b => b.Code != "mysfgw").ToList();

        Assert.Equal(["myszf", "mysjyj", "fcq"], DemoStaffPlan.DemoBodies(bodies).Select(b => b.Code));
    }

    [Fact]
    public void Without_a_municipal_government_there_are_no_demo_accounts()
    {
        var departmentsOnly = Tree().Where(b => b.Kind != BodyKind.MunicipalGovernment).ToList();

        Assert.Empty(DemoStaffPlan.Accounts(departmentsOnly));
        Assert.Empty(DemoStaffPlan.Accounts([]));
    }

    [Fact]
    public void The_console_listing_names_every_account_the_password_and_the_admin_key()
    {
        var bodies = Tree();
        var demo = new DemoOptions { Password = "Pw-Demo-12345", AdminTotpKey = "ABCDEFGHIJKLMNOP" };

        var listing = DemoStaffSeeder.DescribeAccounts(DemoStaffPlan.Accounts(bodies), demo);

        Assert.Contains("bodyadmin.myszf", listing, StringComparison.Ordinal);
        Assert.Contains("auditor.fcq", listing, StringComparison.Ordinal);
        Assert.Contains("Pw-Demo-12345", listing, StringComparison.Ordinal);
        Assert.Contains("ABCDEFGHIJKLMNOP", listing, StringComparison.Ordinal);
        Assert.Contains("系统管理员", listing, StringComparison.Ordinal);
    }

    internal static List<Body> Tree() =>
    [
        new() { Id = 1, Code = "myszf", Name = "绵阳市人民政府", ShortName = "市政府", Kind = BodyKind.MunicipalGovernment, CreditCode = "1" },
        new() { Id = 2, Code = "mysjyj", Name = "绵阳市教育和体育局", ShortName = "市教体局", Kind = BodyKind.MunicipalDepartment, ParentId = 1, SortOrder = 1, CreditCode = "2" },
        new() { Id = 3, Code = "mysfgw", Name = "绵阳市发展和改革委员会", ShortName = "市发展改革委", Kind = BodyKind.MunicipalDepartment, ParentId = 1, SortOrder = 2, CreditCode = "3" },
        new() { Id = 5, Code = "yxq", Name = "绵阳市游仙区人民政府", ShortName = "游仙区政府", Kind = BodyKind.CountyGovernment, ParentId = 1, SortOrder = 6, CreditCode = "5" },
        new() { Id = 4, Code = "fcq", Name = "绵阳市涪城区人民政府", ShortName = "涪城区政府", Kind = BodyKind.CountyGovernment, ParentId = 1, SortOrder = 5, CreditCode = "4" },
        new() { Id = 6, Code = "fcqjyj", Name = "涪城区教育局", ShortName = "区教育局", Kind = BodyKind.CountyDepartment, ParentId = 4, CreditCode = "6" },
    ];
}
