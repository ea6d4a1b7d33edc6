using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests.Infrastructure;

/// <summary>One running portal and one headless Debian Chromium, shared by the browser tests of a collection.</summary>
public class BrowserFixture : IAsyncLifetime
{
    static BrowserFixture()
    {
        // Two collections drive their browsers at once on two cores, beside the PostgreSQL journey: an expectation waits
        // up to 15 s for the page to reach it (a failing one still fails, only later) instead of Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    private IPlaywright? _playwright;
    private IAsyncDisposable? _portal;
    private Uri? _baseAddress;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("not started");

    /// <summary>The real executable behind this fixture (for what a browser cannot do, such as SQL on its database);
    /// fixtures hosting the application otherwise have none.</summary>
    public PortalServer Server => _portal as PortalServer ?? throw new InvalidOperationException("this fixture does not run the real executable");

    /// <summary>Starts the portal the browser talks to: the real executable by default.</summary>
    protected virtual async Task<(Uri BaseAddress, IAsyncDisposable Portal)> StartPortalAsync()
    {
        var server = await PortalServer.StartAsync();
        return (server.BaseAddress, server);
    }

    /// <summary>Starting a portal (migrations, demo seeding, first index) is the heaviest moment of a collection: two at a
    /// time, so collections starting together on two cores do not push each other past the readiness window.</summary>
    private static readonly SemaphoreSlim PortalStarts = new(2);

    public async ValueTask InitializeAsync()
    {
        await PortalStarts.WaitAsync();
        try
        {
            (_baseAddress, _portal) = await StartPortalAsync();
        }
        finally
        {
            PortalStarts.Release();
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("GONGKAI_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // The machine has no outside network: Chromium's background services would only fail noisily.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh browser context (own cookies) on the portal.</summary>
    public Task<IPage> NewPageAsync(int width = 1280, int height = 900) => NewPageAsync(width, height, storageState: null);

    private async Task<IPage> NewPageAsync(int width, int height, string? storageState)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            StorageState = storageState,
        });
        return await context.NewPageAsync();
    }

    /// <summary>The cookies of each staff member's last sign-in on this portal, as a browser that stays signed in keeps them.</summary>
    private readonly Dictionary<string, string> _sessions = new(StringComparer.Ordinal);

    /// <summary>A fresh page signed in as a demo staff member, on the console home. The first time through the real
    /// sign-in page (with the second factor where the account needs one); later in the collection with the session that
    /// sign-in made, as a staff member's own browser would keep it — a TOTP code is accepted once, so signing in again
    /// within the same 30 s step would otherwise wait for the next code. A session the server no longer accepts
    /// (signed out, password changed) falls back to the sign-in page.</summary>
    public async Task<IPage> SignInAsync(string userName)
    {
        if (_sessions.TryGetValue(userName, out var session))
        {
            var kept = await NewPageAsync(1280, 900, session);
            await kept.GotoAsync("/admin");
            if (ConsoleHome.IsMatch(new Uri(kept.Url).AbsolutePath))
            {
                return kept;
            }

            await kept.Context.CloseAsync();
            _sessions.Remove(userName);
        }

        var page = await SignInThroughTheFormAsync(userName);
        _sessions[userName] = await page.Context.StorageStateAsync();
        return page;
    }

    private static readonly Regex ConsoleHome = new("^/admin/?$");

    private async Task<IPage> SignInThroughTheFormAsync(string userName)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/admin/sign-in");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(PortalServer.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        if (page.Url.Contains("/admin/sign-in/two-factor", StringComparison.Ordinal))
        {
            await PassTwoFactorAsync(page);
        }

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/?$"));
        return page;
    }

    /// <summary>Demo accounts that must use two factors (admin, body admins, 终审) are enrolled with the demo key; their
    /// code step shows the code the server accepts now, which is typed in as a person would copy it from the app. A
    /// code is accepted once, so when this step's was used the next sign-in waits for the next one (≤ 30 s).</summary>
    private static async Task PassTwoFactorAsync(IPage page)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (await page.Locator("#demo-code").CountAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            await page.ReloadAsync();
        }

        var code = (await page.Locator("#demo-code").InnerTextAsync()).Trim();
        await page.GetByLabel("动态口令").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "验证并登录" }).ClickAsync();
    }

    /// <summary>Fails with the rule ids and targets when axe-core finds serious or critical violations.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(blocking.Count == 0, $"axe-core on {page.Url}:\n{string.Join("\n", blocking)}");
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }
    }
}

/// <summary>Staff journeys (drafting, review, requests, safeguards): one portal and browser of their own.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>Visitor pages (layout, display modes, search, forms) on a portal and browser of their own, so the groups run
/// at once: the journeys spend most of their time waiting on the server and the browser, not on the processor.</summary>
[CollectionDefinition(Name)]
public sealed class VisitorBrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-visitor";
}

/// <summary>Applications and open data (filing, handling, datasets): a portal and browser of their own.</summary>
[CollectionDefinition(Name)]
public sealed class RequestsBrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-requests";
}

/// <summary>Public participation (consultations, surveys, interviews): a portal and browser of their own.</summary>
[CollectionDefinition(Name)]
public sealed class ParticipationBrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-participation";
}

/// <summary>Oversight (the annual report through its three reviews): a portal and browser of their own.</summary>
[CollectionDefinition(Name)]
public sealed class OversightBrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-oversight";
}
