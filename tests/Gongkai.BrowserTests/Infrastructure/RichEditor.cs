using Microsoft.Playwright;

namespace Gongkai.BrowserTests.Infrastructure;

/// <summary>The document body (正文) as a civil servant writes it: in the bundled what-you-see-is-what-you-get editor
/// (a contenteditable textbox labelled by the field's label), or — for markup from elsewhere — in its 「HTML 源代码」
/// view, which is the form's own textarea. Only the visible one of the two has the textbox role.</summary>
public static class RichEditor
{
    /// <summary>The body field as the user sees it now: the editor, or the source textarea in 「HTML 源代码」 mode.</summary>
    public static ILocator Body(IPage page) =>
        page.GetByRole(AriaRole.Textbox, new() { Name = "正文（必填", Exact = false });

    /// <summary>Clicks into the editor, clears it and types <paramref name="paragraphs"/>, pressing Enter between them
    /// (text arrives as an input method commits it).</summary>
    public static async Task WriteAsync(IPage page, params string[] paragraphs)
    {
        var body = Body(page);
        await Assertions.Expect(body).ToHaveAttributeAsync("contenteditable", "true");
        await body.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Delete");
        for (var i = 0; i < paragraphs.Length; i++)
        {
            if (i > 0)
            {
                await page.Keyboard.PressAsync("Enter");
            }

            await page.Keyboard.InsertTextAsync(paragraphs[i]);
        }
    }

    /// <summary>Switches the editor to 「HTML 源代码」 and replaces the markup with <paramref name="html"/>.</summary>
    public static async Task WriteSourceAsync(IPage page, string html)
    {
        var source = page.GetByRole(AriaRole.Toolbar, new() { Name = "正文格式" }).GetByRole(AriaRole.Button, new() { Name = "HTML 源代码" });
        await source.ClickAsync();
        await Assertions.Expect(source).ToHaveAttributeAsync("aria-pressed", "true");
        await Body(page).FillAsync(html);
    }
}
