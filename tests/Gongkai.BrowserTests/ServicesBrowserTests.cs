using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>A clocked portal of its own for the lists-and-guides journey: it starts on the eve of 国庆节 2026 like the
/// hotline's, but its clock only moves forward, so sharing one portal would tie the two journeys' order.</summary>
public sealed class ServicesBrowserFixture : BrowserFixture
{
    public ClockedPortal Portal { get; } = new(ClockedBrowserFixture.Start);

    protected override async Task<(Uri BaseAddress, IAsyncDisposable Portal)> StartPortalAsync() => (await Portal.StartAsync(), Portal);
}

[CollectionDefinition(Name)]
public sealed class ServicesBrowserTestGroup : ICollectionFixture<ServicesBrowserFixture>
{
    public const string Name = "browser-clocked-services";
}

/// <summary>Issue 17's done-when in a real browser: staff adjust the demo 权责清单 (add, remove, change) and the public
/// diff shows each; a guide change approved on 30 September 2026, the day before 国庆节, is due on 8 October and is red
/// on the overdue dashboard on 9 October; a township instantiates the 社会救助 standard catalogue and sees its gaps; the
/// demo school's supervising department sees the school's missing and late items.</summary>
[Collection(ServicesBrowserTestGroup.Name)]
public sealed class ServicesBrowserTests(ServicesBrowserFixture fixture)
{
    [Fact]
    public async Task Staff_adjust_the_power_list_and_the_public_diff_shows_the_added_removed_and_changed_items()
    {
        var staff = await fixture.SignInAsync("editor.myszf");
        await staff.GotoAsync("/admin/lists");
        await staff.GetByRole(AriaRole.Link, new() { Name = "绵阳市人民政府权责清单（演示）" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "绵阳市人民政府权责清单（演示）", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(staff);

        // The demo list's second version has five items: change the agency of the second, drop the fifth, add a sixth.
        await staff.GetByLabel("第 2 行 实施主体").FillAsync("市规划和自然资源局");
        await staff.GetByLabel("取消第 5 行").CheckAsync();
        await staff.GetByLabel("第 6 行 职权类型").SelectOptionAsync("行政奖励");
        await staff.GetByLabel("第 6 行 事项名称").FillAsync("见义勇为人员奖励");
        await staff.GetByLabel("第 6 行 设定依据").FillAsync("《四川省保护和奖励见义勇为条例》第十二条");
        await staff.GetByLabel("第 6 行 实施主体").FillAsync("市公安局");
        await staff.GetByLabel("调整原因（如机构改革、法律法规修改）").FillAsync("机构改革：职责调整");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存为新版本" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#action-done")).ToHaveTextAsync("已调整：第 3 版已公开。");

        // A bad row is refused with its row named and nothing adopted.
        await staff.GetByLabel("第 6 行 职权类型").SelectOptionAsync("行政许可");
        await staff.GetByLabel("第 6 行 事项名称").FillAsync("食品经营许可");
        await staff.GetByLabel("第 6 行 设定依据").FillAsync("某法");
        await staff.GetByLabel("第 6 行 实施主体").FillAsync("市某局");
        await staff.GetByLabel("调整原因（如机构改革、法律法规修改）").FillAsync("重复录入");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存为新版本" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#problems")).ToContainTextAsync("第 6 行（事项名称）：与第 1 行重复");

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/lists");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "绵阳市人民政府权责清单（演示）" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("#in-force")).ToHaveTextAsync("现行清单：第 3 版");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "第 2 版 → 第 3 版的变化" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("#diff-summary")).ToHaveTextAsync("新增 1 项，取消 1 项，调整 1 项，未变 3 项。");
        await Assertions.Expect(visitor.Locator("#added")).ToContainTextAsync("见义勇为人员奖励");
        await Assertions.Expect(visitor.Locator("#removed")).ToContainTextAsync("特困人员认定");
        var changed = visitor.Locator("#changed tbody tr");
        await Assertions.Expect(changed).ToHaveCountAsync(1);
        await Assertions.Expect(changed).ToContainTextAsync("建设工程规划许可");
        await Assertions.Expect(changed.Locator("del")).ToHaveTextAsync("市自然资源和规划局");
        await Assertions.Expect(changed.Locator("ins")).ToHaveTextAsync("市规划和自然资源局");
        await BrowserFixture.AssertAccessibleAsync(visitor);
    }

    [Fact]
    public async Task A_guide_change_approved_the_day_before_the_holiday_is_due_after_it_and_red_on_the_dashboard_when_late()
    {
        fixture.Portal.SetNow(ClockedBrowserFixture.Start);
        var staff = await fixture.SignInAsync("editor.myszf");
        await staff.GotoAsync("/admin/guides");
        await staff.GetByRole(AriaRole.Link, new() { Name = "城乡居民最低生活保障审核确认" }).ClickAsync();
        await staff.GetByLabel("批准日期", new() { Exact = true }).FillAsync("2026-09-30");
        await staff.GetByLabel("施行日期（不得早于批准日期）").FillAsync("2026-10-12");
        await staff.GetByLabel("第 3 项材料名称").FillAsync("居住证");
        await staff.GetByLabel("第 3 项材料形式（原件、复印件、电子件）").FillAsync("原件");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存新版本（待公开）" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#action-done")).ToHaveTextAsync("第 3 版已保存，应于2026年10月8日前公开。");
        await Assertions.Expect(staff.Locator("#version-3 .publish-by")).ToHaveTextAsync("2026年10月8日");
        await BrowserFixture.AssertAccessibleAsync(staff);

        await staff.GotoAsync("/admin/guides/overdue");
        var row = staff.Locator("table.guide-clock tbody tr").Filter(new() { HasText = "城乡居民最低生活保障审核确认" });
        await Assertions.Expect(row).ToContainTextAsync("待公开");
        await Assertions.Expect(row).Not.ToHaveClassAsync("overdue");

        // 9 October: publish-by has passed and the change is still not public.
        fixture.Portal.SetNow(new DateTimeOffset(2026, 10, 9, 9, 0, 0, TimeSpan.FromHours(8)));
        staff = await fixture.SignInAsync("editor.myszf");
        await staff.GotoAsync("/admin/guides/overdue");
        row = staff.Locator("table.guide-clock tbody tr").Filter(new() { HasText = "城乡居民最低生活保障审核确认" });
        await Assertions.Expect(row).ToHaveClassAsync("overdue");
        await Assertions.Expect(row).ToContainTextAsync("已逾期未公开");
        await Assertions.Expect(row.Locator("td").First).ToHaveCSSAsync("color", "rgb(170, 0, 0)");
        await BrowserFixture.AssertAccessibleAsync(staff);

        // Published late: the public page says when it was updated and from when it applies.
        await row.GetByRole(AriaRole.Link, new() { Name = "城乡居民最低生活保障审核确认" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "公开第 3 版" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#action-done")).ToHaveTextAsync("第 3 版已公开。");
        await Assertions.Expect(staff.Locator("#version-3")).ToContainTextAsync("逾期后公开");
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "公开第 3 版" })).ToHaveCountAsync(0);

        fixture.Portal.SetNow(new DateTimeOffset(2026, 10, 12, 9, 0, 0, TimeSpan.FromHours(8)));
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/guides");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "城乡居民最低生活保障审核确认" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("#guide-dates")).ToContainTextAsync("本指南于2026年10月9日更新，自2026年10月12日起施行");
        await Assertions.Expect(visitor.GetByText("居住证（原件，1 份）")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(visitor);
        Assert.Matches(new Regex("/guides/\\d+$"), visitor.Url);
    }

    /// <summary>Runs on whatever day the portal's clock shows (the guide journey moves it forward; it cannot go back):
    /// on the day of listing nothing is late, and the demo county's catalogue, listed ten days before the portal
    /// started, already has late items.</summary>
    [Fact]
    public async Task A_township_instantiates_the_social_assistance_catalogue_and_sees_its_gaps()
    {
        var staff = await fixture.SignInAsync("bodyadmin.stxzf");
        await staff.GotoAsync("/admin/catalogue-templates");
        await staff.GetByRole(AriaRole.Link, new() { Name = "社会救助领域基层政务公开标准目录" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "社会救助领域基层政务公开标准目录", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(staff);
        await staff.GetByLabel("生成到哪个单位的主动公开基本目录").SelectOptionAsync(new SelectOptionValue { Label = "三台县潼川镇人民政府" });
        await staff.GetByRole(AriaRole.Button, new() { Name = "一键生成本单位目录" }).ClickAsync();

        // A township takes the ten items whose 公开层级 includes 乡级; on the day of listing nothing is late yet.
        await Assertions.Expect(staff.Locator("#action-done")).ToHaveTextAsync("已按“社会救助领域基层政务公开标准目录”生成本单位目录：新增 10 项，保留已有 0 项。");
        await Assertions.Expect(staff.Locator("#gap-summary")).ToHaveTextAsync("共 10 项：待公开 10 项，已逾期 0 项，未按期更新 0 项，已公开 0 项。");
        var result = staff.Locator("table.catalogue-gaps tbody tr").Filter(new() { HasText = "最低生活保障审核审批结果" });
        await Assertions.Expect(result).ToContainTextAsync("待公开");
        await Assertions.Expect(result).Not.ToHaveClassAsync("overdue");
        await Assertions.Expect(staff.Locator("table.catalogue-gaps tbody tr").Filter(new() { HasText = "社会救助政策法规文件" })).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(staff);

        // The county's own 社会救助 catalogue (县级 items, listed before the portal's first day): guides due one working
        // day after listing are late and red.
        await staff.GotoAsync("/admin/catalogue-gaps/stxzf");
        var guide = staff.Locator("table.catalogue-gaps tbody tr").Filter(new() { HasText = "最低生活保障办事指南" });
        await Assertions.Expect(guide).ToHaveClassAsync("overdue");
        await Assertions.Expect(guide).ToContainTextAsync("已逾期");
        await Assertions.Expect(guide.Locator("td").First).ToHaveCSSAsync("color", "rgb(170, 0, 0)");

        // The township's items are columns of its public catalogue.
        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/bodies/stxtcz/xxgk");
        await Assertions.Expect(visitor.GetByText("最低生活保障审核审批结果").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_school_s_supervising_department_sees_the_school_s_missing_items()
    {
        var staff = await fixture.SignInAsync("editor.stxjtj");
        await staff.GotoAsync("/admin/public-units");
        var row = staff.Locator("table.public-units tbody tr").Filter(new() { HasText = "三台县潼川第一小学" });
        await Assertions.Expect(row).ToContainTextAsync("三台县教育和体育局");
        await Assertions.Expect(row).ToHaveClassAsync("overdue");
        await BrowserFixture.AssertAccessibleAsync(staff);

        // The demo school's catalogue was listed 40 days before the portal's first day: items counted in working days are
        // late, the yearly 招生入学 is still due.
        await row.GetByRole(AriaRole.Link, new() { Name = "三台县潼川第一小学" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "三台县潼川第一小学", Level = 1 })).ToBeVisibleAsync();
        var fees = staff.Locator("table.catalogue-gaps tbody tr").Filter(new() { HasText = "收费项目和标准" });
        await Assertions.Expect(fees).ToContainTextAsync("已逾期");
        await Assertions.Expect(fees).ToContainTextAsync("0 条");
        await Assertions.Expect(staff.Locator("table.catalogue-gaps tbody tr").Filter(new() { HasText = "招生入学" })).ToContainTextAsync("待公开");
        await Assertions.Expect(staff.Locator("section.complaint")).ToContainTextAsync("服务性收费和代收费项目没有在公示栏和网站上公布");
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "保存考核" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(staff);
    }
}
