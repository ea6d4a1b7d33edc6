using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>Issue 14's done-when in a real browser: 绵阳市人民政府's editor drafts a consultation, its 终审 user opens
/// it, two citizens comment on the public page and a letter is recorded in the console, the period ends, the editor
/// groups every comment (one group not adopted, with its reason) and the 终审 user publishes the feedback, which the
/// public reads with the reason and without anyone's personal data. axe-core checks every page on the way.</summary>
[Collection(ParticipationBrowserTestGroup.Name)]
public sealed class ConsultationBrowserTests(BrowserFixture fixture)
{
    private const string Title = "关于《绵阳市城区共享单车停放管理办法（征求意见稿）》公开征求意见的公告";
    private const string Reason = "共享单车停放点的设置须兼顾人行道通行宽度，小区内部道路不属于城市道路，本办法无权规定。";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_consultation_goes_from_draft_to_published_feedback_with_the_reason_on_the_public_page()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        // The editor drafts a rule with a 30-day period.
        var editor = await fixture.SignInAsync("editor.myszf");
        await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = "意见征集", Exact = true }).First.ClickAsync();
        await editor.GetByRole(AriaRole.Link, new() { Name = "起草意见征集" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(editor);
        await editor.GetByLabel("标题").FillAsync(Title);
        await editor.GetByLabel("类型").SelectOptionAsync("rule");
        await editor.GetByLabel("征求意见稿正文", new() { Exact = false }).FillAsync("<p>第一条　为规范共享单车停放，制定本办法。</p><p>第二条　共享单车应当在划定的停放点停放。</p>");
        await editor.GetByLabel("起草说明").FillAsync("<p>共享单车乱停乱放影响通行，起草本办法。</p>");
        await editor.GetByLabel("开始日期").FillAsync(Day(today));
        await editor.GetByLabel("截止日期", new() { Exact = false }).FillAsync(Day(today.AddDays(30)));
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(editor.Locator("#consultation-status")).ToHaveTextAsync("草稿");
        var adminUrl = editor.Url.Split('?')[0];
        var id = int.Parse(adminUrl[(adminUrl.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);

        // The 终审 user opens it.
        var reviewer = await fixture.SignInAsync("reviewer3.myszf");
        await reviewer.GotoAsync(adminUrl);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "审核并公布" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator("#consultation-status")).ToHaveTextAsync("正在征集");

        // Two citizens comment; the second quotes an ID number.
        await CommentAsync("建议在地铁站和公交站周边多划停放点。", "13800000201");
        await CommentAsync("我家小区（业主身份证号 510703198801011234）门口堆满单车，建议小区内部道路也纳入管理。", "13800000202");

        // A letter is recorded in the console, then every comment is shown.
        await editor.GotoAsync(adminUrl);
        await editor.GetByLabel("渠道").SelectOptionAsync("letter");
        await editor.GetByLabel("收到日期").FillAsync(Day(today));
        await editor.GetByLabel("意见内容").FillAsync("来信：建议小区内部道路也划定停放点。");
        await editor.GetByLabel("联系方式或来信地址", new() { Exact = false }).FillAsync("涪城区某街道某小区");
        await editor.GetByRole(AriaRole.Button, new() { Name = "登记意见" }).ClickAsync();
        await Assertions.Expect(editor.Locator("#action-done")).ToContainTextAsync("意见已登记");
        while (await editor.Locator("button[name=moderation][value=shown]").CountAsync() > 0)
        {
            await editor.Locator("button[name=moderation][value=shown]").First.ClickAsync();
            await Assertions.Expect(editor.Locator("#action-done")).ToContainTextAsync("审核结果已保存");
        }

        await BrowserFixture.AssertAccessibleAsync(editor);

        // The server runs on the real clock: the period is moved into the past, as if 30 days had gone by.
        await fixture.Server.ExecuteSqlAsync(
            $"UPDATE consultations SET \"OpensOn\" = '{Day(today.AddDays(-31))}', \"ClosesOn\" = '{Day(today.AddDays(-1))}' WHERE \"Id\" = {id}");
        await fixture.Server.ExecuteSqlAsync($"UPDATE consultation_comments SET \"ReceivedOn\" = '{Day(today.AddDays(-2))}' WHERE \"ConsultationId\" = {id}");

        // The editor groups the comments: the first adopted, the other two (小区内部道路) not adopted with the reason.
        await editor.GotoAsync(adminUrl);
        await Assertions.Expect(editor.Locator("#consultation-status")).ToHaveTextAsync("征集结束");
        await editor.GetByLabel("总体说明").FillAsync("共收到意见3条（网上2条、信函1条），采纳1条，不予采纳2条。");
        await editor.Locator("#Groups_0_Summary").FillAsync("建议在地铁站和公交站周边多划停放点");
        await editor.Locator("#Groups_0_Decision").SelectOptionAsync("adopted");
        await editor.Locator("#Groups_1_Summary").FillAsync("建议将小区内部道路纳入管理");
        await editor.Locator("#Groups_1_Decision").SelectOptionAsync("not-adopted");
        var groups = editor.Locator("select[id^=GroupOf_]");
        await groups.Nth(0).SelectOptionAsync("1");
        await groups.Nth(1).SelectOptionAsync("2");
        await groups.Nth(2).SelectOptionAsync("2");

        // Without a reason the not-adopted group is refused, naming it; with one, the feedback is saved.
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存采纳情况" }).ClickAsync();
        await Assertions.Expect(editor.Locator("#action-error")).ToContainTextAsync("第2组不予采纳，须说明理由");
        await editor.Locator("#Groups_1_Reason").FillAsync(Reason);
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存采纳情况" }).ClickAsync();
        await Assertions.Expect(editor.Locator("#action-done")).ToContainTextAsync("采纳情况已保存");
        await BrowserFixture.AssertAccessibleAsync(editor);

        await reviewer.GotoAsync(adminUrl);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "公布反馈" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator("#consultation-status")).ToHaveTextAsync("已公布反馈");

        // The public reads the feedback: the reason, the counts, and no personal data.
        var citizen = await fixture.NewPageAsync();
        await citizen.GotoAsync("/consultations?status=feedback-published");
        await citizen.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await citizen.GetByRole(AriaRole.Link, new() { Name = "查看意见采纳情况反馈" }).ClickAsync();
        await Assertions.Expect(citizen).ToHaveURLAsync(new Regex($"/consultations/{id}/feedback$"));
        var main = await citizen.InnerTextAsync("main");
        Assert.Contains(Reason, main, StringComparison.Ordinal);
        Assert.Contains("不予采纳", main, StringComparison.Ordinal);
        Assert.Contains("来信：建议小区内部道路也划定停放点。", main, StringComparison.Ordinal);
        foreach (var secret in new[] { "510703198801011234", "13800000201", "13800000202", "涪城区某街道某小区" })
        {
            Assert.DoesNotContain(secret, main, StringComparison.Ordinal);
        }

        await BrowserFixture.AssertAccessibleAsync(citizen);
    }

    private async Task CommentAsync(string text, string contact)
    {
        var citizen = await fixture.NewPageAsync();
        await citizen.GotoAsync("/consultations?status=open");
        await citizen.GetByRole(AriaRole.Link, new() { Name = Title }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = Title, Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(citizen);
        await citizen.GetByLabel("意见内容", new() { Exact = false }).FillAsync(text);
        await citizen.GetByLabel("联系方式", new() { Exact = false }).FillAsync(contact);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("#comment-received")).ToContainTextAsync("意见已提交");
        Assert.DoesNotContain(contact, await citizen.InnerTextAsync("main"), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(citizen);
    }
}
