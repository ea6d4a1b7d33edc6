using Gongkai.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests;

/// <summary>The application form's choices: ordinary radio buttons on the same line as their words, the whole
/// label a large target.</summary>
[Collection(VisitorBrowserTestGroup.Name)]
public sealed class ApplicationFormBrowserTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1280, null)]
    [InlineData(360, null)]
    [InlineData(360, "elderly")]
    public async Task Radio_buttons_sit_inline_with_their_labels_and_the_label_is_the_touch_target(int width, string? mode)
    {
        var page = await fixture.NewPageAsync(width, 800);
        await page.GotoAsync(mode is null ? "/requests/apply" : $"/preferences?{mode}=on&returnUrl={Uri.EscapeDataString("/requests/apply")}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "政府信息公开申请", Level = 1 })).ToBeVisibleAsync();

        var radios = page.Locator("input[type=radio]");
        Assert.True(await radios.CountAsync() >= 4);
        for (var i = 0; i < await radios.CountAsync(); i++)
        {
            var radio = radios.Nth(i);
            var box = (await radio.BoundingBoxAsync())!;
            var label = (await radio.Locator("xpath=..").BoundingBoxAsync())!;
            var text = await radio.Locator("xpath=..").InnerTextAsync();
            Assert.True(box.Width <= 32 && box.Height <= 32, $"radio “{text.Trim()}” is {box.Width}×{box.Height} px");
            Assert.True(box.X - label.X < 8, $"radio “{text.Trim()}” is not at the start of its label");
            Assert.True(label.Height >= 44, $"label “{text.Trim()}” is only {label.Height} px high");
            // The words start to the right of the radio on the same line, not below it.
            var words = await radio.EvaluateAsync<double[]>(
                "r => { const range = document.createRange(); range.selectNodeContents(r.parentElement); range.setStartAfter(r); const b = range.getBoundingClientRect(); return [b.left, b.top + b.height / 2]; }");
            Assert.True(words[0] >= box.X + box.Width, $"the words of “{text.Trim()}” start left of the radio's right edge");
            Assert.True(words[1] > box.Y - 4 && words[1] < box.Y + box.Height + 4, $"the words of “{text.Trim()}” are not on the radio's line");
            var middle = box.Y + box.Height / 2;
            Assert.True(middle > label.Y && middle < label.Y + label.Height, "the radio is vertically inside its label");
        }

        // Clicking the words chooses the option.
        var paper = page.Locator("label.check", new() { HasText = "纸质" });
        await paper.ClickAsync(new() { Position = new() { X = (float)((await paper.BoundingBoxAsync())!.Width - 10), Y = 10 } });
        Assert.True(await paper.Locator("input").IsCheckedAsync());

        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
