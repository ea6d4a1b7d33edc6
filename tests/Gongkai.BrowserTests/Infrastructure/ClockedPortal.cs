using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Gongkai.BrowserTests.Infrastructure;

/// <summary>
/// The application with demo content on a fresh database (SQLite, or PostgreSQL when GONGKAI_TEST_DATABASE=Postgres),
/// served by Kestrel on a loopback port as <see cref="PortalServer"/> does, but in this process so a test can move its
/// clock: journeys whose limits are counted in working days must cross weekends and holidays in one run.
/// </summary>
public sealed class ClockedPortal : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gongkai-browser", Guid.NewGuid().ToString("N"));
    private string? _postgresDatabase;
    private string? _postgresConnectionString;

    public ClockedPortal(DateTimeOffset start)
    {
        Clock = new UtcFakeTimeProvider(start);
        Directory.CreateDirectory(_folder);
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>Starts Kestrel on a free port and answers where it listens.</summary>
    public async Task<Uri> StartAsync()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("GONGKAI_TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var admin = Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES")
                ?? throw new InvalidOperationException("GONGKAI_TEST_POSTGRES is required with GONGKAI_TEST_DATABASE=Postgres");
            _postgresDatabase = "gkb_" + Guid.NewGuid().ToString("N")[..20];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", connection);
                await command.ExecuteNonQueryAsync();
            }

            _postgresConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = _postgresDatabase }.ConnectionString;
        }

        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    /// <summary>Sets the application's clock to a moment given in any offset.</summary>
    public void SetNow(DateTimeOffset now) => Clock.SetUtcNow(now.ToUniversalTime());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Gongkai:DataFolder", Path.Combine(_folder, "data"));
        builder.UseSetting("Gongkai:Demo:Seed", "true");
        builder.UseSetting("Gongkai:Demo:Password", PortalServer.DemoPassword);
        if (_postgresConnectionString is not null)
        {
            builder.UseSetting("Gongkai:Database:Provider", "Postgres");
            builder.UseSetting("Gongkai:Database:ConnectionString", _postgresConnectionString);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort in a temp folder
        }
    }
}

/// <summary>A fake clock that answers in UTC whatever offset it was set with, as the real clock does.</summary>
public sealed class UtcFakeTimeProvider(DateTimeOffset start) : FakeTimeProvider(start.ToUniversalTime())
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().ToUniversalTime();
}

/// <summary>A browser on a <see cref="ClockedPortal"/> whose clock starts at Wednesday 30 September 2026, 15:00 in
/// China — the eve of 国庆节.</summary>
public sealed class ClockedBrowserFixture : BrowserFixture
{
    public static readonly DateTimeOffset Start = new(2026, 9, 30, 15, 0, 0, TimeSpan.FromHours(8));

    public ClockedPortal Portal { get; } = new(Start);

    protected override async Task<(Uri BaseAddress, IAsyncDisposable Portal)> StartPortalAsync() => (await Portal.StartAsync(), Portal);
}

/// <summary>Journeys that move the application's clock: a portal and browser of their own.</summary>
[CollectionDefinition(Name)]
public sealed class ClockedBrowserTestGroup : ICollectionFixture<ClockedBrowserFixture>
{
    public const string Name = "browser-clocked";
}
