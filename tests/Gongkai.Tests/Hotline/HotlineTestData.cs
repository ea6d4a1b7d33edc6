using System.Text.Json;
using Gongkai.Hotline;
using Gongkai.Hotline.Open311;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Tests.Hotline;

/// <summary>A host whose clock starts at Wednesday 30 September 2026, 15:00 in China — the eve of 国庆节 — and can be moved.</summary>
public class HotlineClockFactory : TestAuthFactory
{
    public static readonly DateTimeOffset Start = new(2026, 9, 30, 15, 0, 0, TimeSpan.FromHours(8));

    public FakeTimeProvider Clock { get; } = new UtcFakeTimeProvider(Start);

    /// <summary>Moves the clock forward to <paramref name="at"/>; never back (a fake clock only moves forward), so a
    /// test class whose tests use different days gives each day-bound test a class of its own.</summary>
    public void MoveTo(DateTimeOffset at)
    {
        if (at > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(at);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>A fake clock that answers in UTC whatever offset a test sets it with, as the real clock does.</summary>
public sealed class UtcFakeTimeProvider(DateTimeOffset start) : FakeTimeProvider(start.ToUniversalTime())
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().ToUniversalTime();
}

internal static class HotlineTestData
{
    /// <summary>The JSON of a response that must have succeeded; the failure names the status and the body.</summary>
    public static async Task<JsonElement> SucceededJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Two bodies to dispatch to, and a route for 占道经营 (0102) to the first.</summary>
    public static async Task<(Body First, Body Second)> BodiesWithRouteAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var bodies = await db.Set<Body>().AsNoTracking().OrderBy(b => b.Id).Take(2).ToListAsync();
        var category = await db.Set<HotlineCategory>().SingleAsync(c => c.Code == "01");
        // The demo routing table may already send 城市管理 elsewhere; these tests route it to the first body.
        var route = await db.Set<HotlineRoute>().SingleOrDefaultAsync(r => r.CategoryId == category.Id && r.District == "");
        if (route is null)
        {
            db.Set<HotlineRoute>().Add(new HotlineRoute { CategoryId = category.Id, BodyId = bodies[0].Id });
        }
        else
        {
            route.BodyId = bodies[0].Id;
        }

        await db.SaveChangesAsync();

        return (bodies[0], bodies[1]);
    }

    public static async Task<string> IssueKeyAsync(IServiceProvider services, string name)
    {
        using var scope = services.CreateScope();
        var issued = await scope.ServiceProvider.GetRequiredService<Open311Keys>().CreateAsync(name, "test");
        return issued.Value!.Secret;
    }
}
