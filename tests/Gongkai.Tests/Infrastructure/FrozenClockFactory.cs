using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Tests.Infrastructure;

/// <summary>
/// <see cref="TestAuthFactory"/> with the application's clock frozen at a fixed instant, for tests whose dates must
/// not drift with the day they run on (a deadline counted from "today" in late December reaches a year whose
/// holiday schedule may not be published yet).
/// </summary>
public class FrozenClockFactory : TestAuthFactory
{
    /// <summary>Monday 2 June 2025, 10:00 in China.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 2, 0, 0, TimeSpan.Zero);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
    }
}
