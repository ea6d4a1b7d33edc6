using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Tests.Hotline;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Tests.Oversight;

/// <summary>A host whose clock stands at 22:00 China time on Thursday 3 December 2026, so a 5-hour clock started in
/// the evening runs past midnight.</summary>
public class OversightClockFactory : TestAuthFactory
{
    public static readonly DateTimeOffset Start = new(2026, 12, 3, 22, 0, 0, TimeSpan.FromHours(8));

    public FakeTimeProvider Clock { get; } = new UtcFakeTimeProvider(Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The same clock with the job runner off, for tests that run a recurring job themselves: moving the clock
/// past the job's daily time would otherwise let the runner run it at the same moment as the test.</summary>
public sealed class JoblessOversightClockFactory : OversightClockFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Gongkai:Jobs:Enabled", "false");
    }
}

internal static class OversightTestData
{
    public static async Task<Body> BodyAsync(IServiceProvider services, string code)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Body>().AsNoTracking().SingleAsync(b => b.Code == code);
    }

    public static HttpClient Client(GongkaiFactory factory, string name, Body body, params string[] roles) =>
        factory.CreateClient().SignedInAs(name, body.Id, roles);

    public static async Task<JsonElement> SendAsync(this HttpClient client, HttpMethod method, string url, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<List<AuditEntry>> AuditAsync(IServiceProvider services, string action)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>().AsNoTracking().Where(a => a.Action == action).ToListAsync();
    }
}
