using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Gongkai.Tests.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Http;

/// <summary>
/// The documented nginx configuration (<c>deploy/nginx/gongkai.conf</c>, with its host name, ports and certificate
/// replaced) terminating TLS with a self-signed certificate in front of the real executable, which trusts that proxy
/// alone. nginx connects from 127.0.0.2 (the one trusted address), the browser-like client from 127.0.0.3, and the
/// forger straight to the portal from 127.0.0.1 — three loopback addresses, so the portal can tell them apart.
/// </summary>
[Trait(TestTraits.Database, TestTraits.Once)]
public sealed class ReverseProxyTests : IClassFixture<ReverseProxyTests.ProxiedPortal>
{
    private const string ProxyAddress = "127.0.0.2";
    private const string ClientAddress = "127.0.0.3";
    private readonly ProxiedPortal _portal;

    public ReverseProxyTests(ProxiedPortal portal) => _portal = portal;

    [Fact]
    public async Task Through_nginx_over_https_cookies_are_secure_redirects_use_https_and_the_host_and_the_client_address_is_audited()
    {
        using var client = _portal.ClientThroughProxy();
        // A site name (the client connects to loopback whatever the name; HSTS is never sent to localhost or an IP).
        var origin = $"https://{ProxiedPortal.SiteName}:{_portal.HttpsPort}";

        // The sign-in redirect names the address the visitor used: https, nginx's host and port.
        var console = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.StartsWith(origin + "/admin/sign-in", console.Headers.Location?.AbsoluteUri, StringComparison.Ordinal);

        var form = await client.GetAsync(new Uri("/admin/sign-in", UriKind.Relative));
        Assert.True(form.Headers.Contains("Strict-Transport-Security"), "HSTS on an HTTPS response seen through the proxy");
        Assert.All(form.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));

        // A forged X-Forwarded-For from the client is kept by nginx but only the address nginx saw counts.
        var failed = await SignInAsync(client, form, "editor.myszf", "Not-the-password-2026");
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        await using (var before = _portal.Database())
        {
            // The throttle counts the failure against the visitor's address, not the proxy's or the forged one.
            var sources = await before.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<SignInThrottleEntry>().AsNoTracking()
                .Where(t => t.AccountName == "EDITOR.MYSZF").Select(t => t.Source).ToListAsync();
            Assert.Equal([ClientAddress], sources);
        }

        var signedIn = await SignInAsync(client, await client.GetAsync(new Uri("/admin/sign-in", UriKind.Relative)), "editor.myszf", ProxiedPortal.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(origin + "/admin", new Uri(new Uri(origin), signedIn.Headers.Location!).AbsoluteUri);
        var staffCookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("gongkai.staff=", StringComparison.Ordinal));
        Assert.Contains("; secure", staffCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        await using var scope = _portal.Database();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var audit = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Target == "user:editor.myszf" && a.Action.StartsWith("sign-in."))
            .Select(a => new { a.Action, a.ClientAddress }).ToListAsync();
        Assert.Contains(audit, a => a.Action == SignInAudit.Failed && a.ClientAddress == ClientAddress);
        Assert.Contains(audit, a => a.Action == SignInAudit.Succeeded && a.ClientAddress == ClientAddress);
        Assert.DoesNotContain(audit, a => a.ClientAddress is "203.0.113.66" or ProxyAddress);
    }

    [Fact]
    public async Task Plain_http_to_nginx_is_sent_to_https_and_metrics_stay_off_the_public_site()
    {
        using var client = _portal.ClientThroughProxy();
        var plain = await client.GetAsync(new Uri($"http://127.0.0.1:{_portal.HttpPort}/documents"));
        Assert.Equal(HttpStatusCode.MovedPermanently, plain.StatusCode);
        Assert.StartsWith("https://127.0.0.1", plain.Headers.Location?.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/documents", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_sent_straight_to_the_portal_are_not_believed()
    {
        using var direct = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _portal.PortalAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/sign-in");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        var response = await direct.SendAsync(request);

        // Still plain HTTP to the portal (so redirected to https, Gongkai:Https:Redirect), on its own host, not the forged one.
        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal("https://127.0.0.1/admin/sign-in", response.Headers.Location?.AbsoluteUri);

        // /metrics answers loopback only: a forged visitor address does not make 127.0.0.1 look like 203.0.113.9.
        using var metrics = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        metrics.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.OK, (await direct.SendAsync(metrics)).StatusCode);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, HttpResponseMessage form, string userName, string password)
    {
        var token = PageForms.AntiforgeryToken(await form.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = userName,
                ["Password"] = password,
                [PageForms.TokenField] = token,
            }),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.66");
        return await client.SendAsync(request);
    }

    /// <summary>The portal (real executable, demo data) behind nginx with a certificate made for the test.</summary>
    public sealed class ProxiedPortal : IAsyncLifetime
    {
        private readonly TestDatabase _database = TestDatabase.Create(DatabaseTemplates.SeedingSettings(new Dictionary<string, string?>()));
        private readonly string _folder = Directory.CreateTempSubdirectory("gongkai-nginx-").FullName;
        private AppServer? _app;
        private Process? _nginx;
        private ServiceProvider? _services;
        private X509Certificate2? _certificate;

        public const string SiteName = "www.gongkai.test";

        public int HttpsPort { get; } = AppServer.FreePort();

        public int HttpPort { get; } = AppServer.FreePort();

        public Uri PortalAddress => _app?.BaseAddress ?? throw new InvalidOperationException("not started");

        public static string DemoPassword => new Gongkai.Platform.DemoOptions().Password;

        public async ValueTask InitializeAsync()
        {
            _app = await AppServer.StartAsync(_database, new Dictionary<string, string>
            {
                ["Gongkai__Proxy__KnownProxies"] = ProxyAddress,
                ["Gongkai__Https__Redirect"] = "true",
                ["Gongkai__Jobs__Enabled"] = "false",
            });
            WriteCertificate();
            var configuration = Path.Combine(_folder, "nginx.conf");
            await File.WriteAllTextAsync(configuration, NginxConfiguration(await File.ReadAllTextAsync(DeployFile())));
            // Debian installs it in /usr/sbin, which a non-root PATH may lack.
            var start = new ProcessStartInfo(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "-p", _folder, "-c", configuration, "-e", Path.Combine(_folder, "error.log") })
            {
                start.ArgumentList.Add(argument);
            }

            _nginx = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
            await WaitForNginxAsync();
            _services = BuildDatabaseServices();
        }

        /// <summary>A client as a browser on this machine: connects from 127.0.0.3, accepts only the test's certificate.</summary>
        public HttpClient ClientThroughProxy()
        {
            var thumbprint = _certificate?.Thumbprint ?? throw new InvalidOperationException("not started");
            var handler = new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = true,
                CookieContainer = new CookieContainer(),
                SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && new X509Certificate2(certificate).Thumbprint == thumbprint },
                ConnectCallback = async (context, cancellationToken) =>
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    try
                    {
                        socket.Bind(new IPEndPoint(IPAddress.Parse(ClientAddress), 0));
                        await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            };
            return new HttpClient(handler) { BaseAddress = new Uri($"https://{SiteName}:{HttpsPort}") };
        }

        public AsyncServiceScope Database() => (_services ?? throw new InvalidOperationException("not started")).CreateAsyncScope();

        private ServiceProvider BuildDatabaseServices()
        {
            var services = new ServiceCollection();
            if (_database.IsPostgres)
            {
                services.AddDbContext<GongkaiDbContext, PostgresGongkaiDbContext>(db => db.UseNpgsql(_database.ConnectionString));
            }
            else
            {
                services.AddDbContext<GongkaiDbContext, SqliteGongkaiDbContext>(db => db.UseSqlite(_database.ConnectionString));
            }

            return services.BuildServiceProvider();
        }

        /// <summary>The deployed file with this test's ports, certificate and upstream; each replaced line must exist,
        /// so the file and this test cannot drift apart. nginx runs in the foreground, one process, from the temp folder.</summary>
        private string NginxConfiguration(string deployed)
        {
            var replacements = new (string Line, string With)[]
            {
                ("server 127.0.0.1:5000;", $"server 127.0.0.1:{PortalAddress.Port};"),
                ("listen 80;", $"listen 127.0.0.1:{HttpPort};"),
                ("listen [::]:80;", ""),
                ("listen 443 ssl http2;", $"listen 127.0.0.1:{HttpsPort} ssl http2;"),
                ("listen [::]:443 ssl http2;", ""),
                ("/etc/ssl/gongkai/fullchain.pem", Path.Combine(_folder, "cert.pem")),
                ("/etc/ssl/gongkai/privkey.pem", Path.Combine(_folder, "key.pem")),
                // nginx reaches the portal from the one address the portal trusts.
                ("proxy_pass http://gongkai;", $"proxy_bind {ProxyAddress};\n        proxy_pass http://gongkai;"),
            };
            foreach (var (line, with) in replacements)
            {
                Assert.Contains(line, deployed, StringComparison.Ordinal);
                deployed = deployed.Replace(line, with, StringComparison.Ordinal);
            }

            var temp = Path.Combine(_folder, "tmp");
            return $$"""
                daemon off;
                master_process off;
                pid {{Path.Combine(_folder, "nginx.pid")}};
                error_log {{Path.Combine(_folder, "error.log")}} warn;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path {{temp}}/body;
                    proxy_temp_path {{temp}}/proxy;
                    fastcgi_temp_path {{temp}}/fastcgi;
                    uwsgi_temp_path {{temp}}/uwsgi;
                    scgi_temp_path {{temp}}/scgi;
                {{deployed}}
                }
                """;
        }

        private void WriteCertificate()
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllText(Path.Combine(_folder, "cert.pem"), _certificate.ExportCertificatePem());
            File.WriteAllText(Path.Combine(_folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
            Directory.CreateDirectory(Path.Combine(_folder, "tmp"));
        }

        private async Task WaitForNginxAsync()
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                if (_nginx is { HasExited: true })
                {
                    throw new InvalidOperationException($"nginx exited with {_nginx.ExitCode}: {await _nginx.StandardError.ReadToEndAsync()} {ErrorLog()}");
                }

                try
                {
                    using var probe = new TcpClient();
                    await probe.ConnectAsync(IPAddress.Loopback, HttpsPort);
                    return;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }
        }

        private string ErrorLog() => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

        private static string DeployFile()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "deploy", "nginx", "gongkai.conf");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("deploy/nginx/gongkai.conf not found above the test binaries");
        }

        public async ValueTask DisposeAsync()
        {
            if (_nginx is { HasExited: false })
            {
                _nginx.Kill();
                await _nginx.WaitForExitAsync();
            }

            _nginx?.Dispose();
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }

            if (_services is not null)
            {
                await _services.DisposeAsync();
            }

            _certificate?.Dispose();
            _database.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
