using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>A citizen finds the online application from the home page, files it, and refreshes the confirmation:
/// the refresh shows the same application and files no second one (post-redirect-get).</summary>
[Collection(VisitorBrowserTestGroup.Name)]
public sealed partial class ApplicationFilingBrowserTests(BrowserFixture fixture)
{
    [GeneratedRegex(@"^YSQ-(\d{4})-(\d{6})$")]
    private static partial Regex TrackingNumberPattern();

    [Fact]
    public async Task The_application_is_one_click_from_the_home_page_and_refreshing_its_confirmation_files_nothing_twice()
    {
        var citizen = await fixture.NewPageAsync(375, 800);
        await citizen.GotoAsync("/");
        await citizen.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "依申请公开" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = "政府信息公开申请", Level = 1 })).ToBeVisibleAsync();

        await citizen.GetByLabel("申请人类型（必填）").SelectOptionAsync("自然人");
        await citizen.GetByLabel("姓名或单位名称（必填）").FillAsync("钱七");
        await citizen.GetByLabel("身份证明文件（必填）").SelectOptionAsync("护照");
        await citizen.GetByLabel("证件号码（必填）").FillAsync("E12345678");
        await citizen.GetByLabel("联系电话").FillAsync("13800000002");
        await citizen.GetByLabel("向哪个机关申请（必填）").SelectOptionAsync("myszf");
        await citizen.GetByLabel("所需信息的名称或内容描述（必填）").FillAsync("2025年城区公共停车场建设规划");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();

        var receipt = citizen.GetByRole(AriaRole.Status);
        await Assertions.Expect(receipt).ToContainTextAsync("申请已提交");
        var number = (await receipt.GetByRole(AriaRole.Row, new() { Name = "申请编号" }).Locator("td").InnerTextAsync()).Trim();
        var code = (await receipt.GetByRole(AriaRole.Row, new() { Name = "查询码" }).Locator("td").InnerTextAsync()).Trim();
        var parts = TrackingNumberPattern().Match(number);
        Assert.True(parts.Success, number);
        await BrowserFixture.AssertAccessibleAsync(citizen);

        // The refresh asks the browser for no re-post and shows the same application with its code.
        await citizen.ReloadAsync();
        await Assertions.Expect(receipt).ToContainTextAsync(number);
        await Assertions.Expect(receipt).ToContainTextAsync(code);

        // The officer's queue holds this application and no next number: nothing was filed a second time.
        var next = $"YSQ-{parts.Groups[1].Value}-{int.Parse(parts.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1:D6}";
        var officer = await fixture.SignInAsync("officer.myszf");
        await officer.GotoAsync("/admin/requests");
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = number, Exact = true })).ToHaveCountAsync(1);
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = next, Exact = true })).ToHaveCountAsync(0);
    }
}
