using System.Globalization;
using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>Issue 14's survey done-when in a real browser: 绵阳市人民政府's editor drafts a survey, its 终审 user
/// opens it, two citizens answer it on the public page (plain form), the period ends, the editor shows the text
/// answer and the 终审 user publishes the results, whose chart the public sees beside a data table with the same
/// numbers. axe-core checks every page on the way.</summary>
[Collection(ParticipationBrowserTestGroup.Name)]
public sealed class SurveyBrowserTests(BrowserFixture fixture)
{
    private const string Title = "绵阳市城区夜间公交需求网上调查";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_survey_answered_by_two_citizens_is_closed_and_published_with_a_visible_accessible_chart()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        var editor = await fixture.SignInAsync("editor.myszf");
        await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = "网上调查", Exact = true }).First.ClickAsync();
        await editor.GetByRole(AriaRole.Link, new() { Name = "起草调查问卷" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(editor);
        await editor.Locator("#Title").FillAsync(Title);
        await editor.Locator("#OpensOn").FillAsync(Day(today));
        await editor.Locator("#ClosesOn").FillAsync(Day(today.AddDays(14)));
        await editor.Locator("#Questions_0_Text").FillAsync("您晚上九点以后乘坐公交的频率");
        await editor.Locator("#Questions_0_Kind").SelectOptionAsync("single");
        await editor.Locator("#Questions_0_Required").CheckAsync();
        await editor.Locator("#Questions_0_Options").FillAsync("几乎每天\n每周一两次\n从不");
        await editor.Locator("#Questions_1_Text").FillAsync("您希望开通哪些夜间线路");
        await editor.Locator("#Questions_1_Kind").SelectOptionAsync("multiple");
        await editor.Locator("#Questions_1_Options").FillAsync("火车站—高新区\n万达—科学城\n南河—游仙");
        await editor.Locator("#Questions_2_Text").FillAsync("其他建议");
        await editor.Locator("#Questions_2_Kind").SelectOptionAsync("text");
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(editor.Locator("#survey-status")).ToHaveTextAsync("草稿");
        var adminUrl = editor.Url.Split('?')[0];
        var id = int.Parse(adminUrl[(adminUrl.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);

        var reviewer = await fixture.SignInAsync("reviewer3.myszf");
        await reviewer.GotoAsync(adminUrl);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "审核并发布" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator("#survey-status")).ToHaveTextAsync("正在调查");

        await AnswerAsync("几乎每天", ["火车站—高新区", "万达—科学城"], "下晚班后没有车，电话 13800000301 可以联系我。");
        await AnswerAsync("每周一两次", ["火车站—高新区"], null);

        // The server runs on the real clock: the period is moved into the past, as if two weeks had gone by.
        await fixture.Server.ExecuteSqlAsync(
            $"UPDATE surveys SET \"OpensOn\" = '{Day(today.AddDays(-15))}', \"ClosesOn\" = '{Day(today.AddDays(-1))}' WHERE \"Id\" = {id}");

        await editor.GotoAsync(adminUrl);
        await Assertions.Expect(editor.Locator("#survey-status")).ToHaveTextAsync("调查结束");
        await editor.Locator("button[name=moderation][value=shown]").First.ClickAsync();
        await Assertions.Expect(editor.Locator("#action-done")).ToContainTextAsync("审核结果已保存");
        await BrowserFixture.AssertAccessibleAsync(editor);

        await reviewer.GotoAsync(adminUrl);
        await reviewer.GetByLabel("结果说明", new() { Exact = false }).FillAsync("调查结果将用于夜间公交线路规划。");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "公布结果" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator("#survey-status")).ToHaveTextAsync("已公布结果");

        // The public sees a chart per choice question, named for screen readers, and the same numbers in a table.
        var citizen = await fixture.NewPageAsync();
        await citizen.GotoAsync("/surveys?status=results-published");
        await citizen.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        var chart = citizen.GetByRole(AriaRole.Img, new() { Name = "第1题 您晚上九点以后乘坐公交的频率", Exact = false });
        await Assertions.Expect(chart).ToBeVisibleAsync();
        var box = await chart.BoundingBoxAsync();
        Assert.True(box is { Width: > 100, Height: > 50 }, "the chart is drawn at a readable size");
        await Assertions.Expect(citizen.Locator("#chart-2 svg")).ToBeVisibleAsync();
        await Assertions.Expect(citizen.Locator("#table-2")).ToContainTextAsync("火车站—高新区");
        var row = citizen.Locator("#table-2 tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("2");
        await Assertions.Expect(row).ToContainTextAsync("100%");
        var main = await citizen.InnerTextAsync("main");
        Assert.Contains("共收到有效答卷 2 份", main, StringComparison.Ordinal);
        Assert.Contains("下晚班后没有车", main, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000301", main, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(citizen);
    }

    private async Task AnswerAsync(string often, string[] lines, string? advice)
    {
        var citizen = await fixture.NewPageAsync();
        await citizen.GotoAsync("/surveys?status=open");
        await citizen.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(citizen);
        await citizen.GetByLabel(often).CheckAsync();
        foreach (var line in lines)
        {
            await citizen.GetByLabel(line).CheckAsync();
        }

        if (advice is not null)
        {
            await citizen.GetByLabel("其他建议", new() { Exact = false }).FillAsync(advice);
        }

        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交答卷" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("#survey-received")).ToContainTextAsync("答卷已提交");
        await BrowserFixture.AssertAccessibleAsync(citizen);

        // Coming back, the same browser is told it has answered.
        await citizen.GotoAsync(citizen.Url.Split('#')[0]);
        await Assertions.Expect(citizen.Locator("#survey-already")).ToBeVisibleAsync();
    }
}
