using System.Globalization;
using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>Issue 14's online interview in a real browser: 绵阳市人民政府's editor prepares an interview, its 终审 user
/// announces it, a citizen asks a question with the plain form and keeps the page open, the editor starts the
/// interview, picks the question and records the guest's answer — and the citizen's page shows the answer without a
/// reload (the small polling script). axe-core checks the pages on the way.</summary>
[Collection(ParticipationBrowserTestGroup.Name)]
public sealed class InterviewBrowserTests(BrowserFixture fixture)
{
    private const string Title = "解读绵阳市城区夜间经济发展措施";

    [Fact]
    public async Task A_citizens_question_is_answered_by_staff_and_appears_on_the_open_public_page_without_a_reload()
    {
        var tomorrow = DateTime.UtcNow.AddHours(8).Date.AddDays(1).AddHours(10);
        string Local(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

        var editor = await fixture.SignInAsync("editor.myszf");
        await editor.GotoAsync("/admin/interviews");
        await BrowserFixture.AssertAccessibleAsync(editor);
        await editor.Locator("#Title").FillAsync(Title);
        await editor.Locator("#Guests").FillAsync("市商务局局长（测试）");
        await editor.Locator("#StartsAt").FillAsync(Local(tomorrow));
        await editor.Locator("#EndsAt").FillAsync(Local(tomorrow.AddHours(1)));
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(editor.Locator("#interview-status")).ToHaveTextAsync("草稿");
        var adminUrl = editor.Url.Split('?')[0];
        var id = adminUrl[(adminUrl.LastIndexOf('/') + 1)..];

        var reviewer = await fixture.SignInAsync("reviewer3.myszf");
        await reviewer.GotoAsync(adminUrl);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "审核并发布预告" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator("#interview-status")).ToHaveTextAsync("预告");

        // A citizen finds the interview from the 公众参与 navigation and asks with the plain form.
        var citizen = await fixture.NewPageAsync();
        await citizen.GotoAsync("/consultations");
        await citizen.GetByRole(AriaRole.Navigation, new() { Name = "公众参与" }).GetByRole(AriaRole.Link, new() { Name = "在线访谈" }).ClickAsync();
        await citizen.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(citizen);
        await citizen.GetByLabel("您的问题", new() { Exact = false }).FillAsync("夜市摊位怎么申请？我的电话13800000402。");
        await citizen.GetByLabel("联系方式", new() { Exact = false }).FillAsync("13800000402");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交问题" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("#question-received")).ToContainTextAsync("提问已收到");
        await BrowserFixture.AssertAccessibleAsync(citizen);

        // Staff start the interview, pick the question and record the guest's answer.
        await editor.GotoAsync(adminUrl);
        await editor.GetByRole(AriaRole.Button, new() { Name = "开始访谈" }).ClickAsync();
        await Assertions.Expect(editor.Locator("#interview-status")).ToHaveTextAsync("正在访谈");
        await editor.Locator("#questions button[name=state][value=picked]").First.ClickAsync();
        await editor.Locator("#questions textarea[name=answer]").First.FillAsync("在所在街道办事处登记，审核通过后统一分配摊位。");
        await editor.GetByRole(AriaRole.Button, new() { Name = "记录回答" }).First.ClickAsync();
        await Assertions.Expect(editor.Locator("#action-done")).ToContainTextAsync("回答已载入实录");
        await BrowserFixture.AssertAccessibleAsync(editor);

        // The citizen's page, still open, shows the answer without a reload; the phone number stays masked.
        var transcript = citizen.Locator("#transcript");
        await Assertions.Expect(transcript).ToContainTextAsync("在所在街道办事处登记", new() { Timeout = 40_000 });
        await Assertions.Expect(transcript).ToContainTextAsync("市商务局局长（测试）");
        Assert.DoesNotContain("13800000402", await transcript.InnerTextAsync(), StringComparison.Ordinal);
        Assert.EndsWith($"/interviews/{id}#ask", citizen.Url, StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(citizen);
    }
}
