using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Hotline;

/// <summary>
/// A small Open311 GeoReport v2 client written from the specification (http://wiki.open311.org/GeoReport_v2), not from
/// the server's code: it discovers the endpoint, lists services, reads a definition, files a request (form-encoded),
/// follows the token, and tracks the request until it is closed — in JSON and in XML. It asserts that no GET ever
/// shows the caller's name, phone or e-mail.
/// </summary>
public sealed class Open311ClientTests(HotlineClockFactory factory) : IClassFixture<HotlineClockFactory>
{
    private const string CallerFirst = "晓明";
    private const string CallerLast = "欧阳";
    private const string CallerPhone = "13700001111";
    private const string CallerEmail = "ouyang.xm@example.cn";

    /// <summary>One request as the specification defines its fields (format-neutral).</summary>
    private sealed record ServiceRequest(string Id, string Status, string StatusNotes, string ServiceCode, string Agency, string? Expected, string Description);

    private sealed class Client(HttpClient http, string format)
    {
        public List<string> Seen { get; } = [];

        private async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Seen.Add(body);
            return (response.StatusCode, body);
        }

        public async Task<string> DiscoverEndpointAsync()
        {
            var (status, body) = await GetAsync($"/open311/discovery.{format}");
            Assert.Equal(HttpStatusCode.OK, status);
            if (format == "json")
            {
                var endpoint = JsonDocument.Parse(body).RootElement.GetProperty("endpoints")[0];
                Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
                Assert.Contains("application/json", endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
                return new Uri(endpoint.GetProperty("url").GetString()!).AbsolutePath;
            }

            var xml = XDocument.Parse(body).Root!;
            Assert.Equal("discovery", xml.Name.LocalName);
            var url = xml.Element("endpoints")!.Element("endpoint")!;
            Assert.Contains("text/xml", url.Element("formats")!.Elements("format").Select(f => f.Value));
            return new Uri(url.Element("url")!.Value).AbsolutePath;
        }

        public async Task<List<(string Code, string Name, bool Metadata)>> ServicesAsync(string root)
        {
            var (status, body) = await GetAsync($"{root}services.{format}");
            Assert.Equal(HttpStatusCode.OK, status);
            return format == "json"
                ? JsonDocument.Parse(body).RootElement.EnumerateArray().Select(s => (s.GetProperty("service_code").GetString()!, s.GetProperty("service_name").GetString()!, s.GetProperty("metadata").GetBoolean())).ToList()
                : XDocument.Parse(body).Root!.Elements("service").Select(s => (s.Element("service_code")!.Value, s.Element("service_name")!.Value, s.Element("metadata")!.Value == "true")).ToList();
        }

        public async Task<List<string>> RequiredAttributesAsync(string root, string code)
        {
            var (status, body) = await GetAsync($"{root}services/{code}.{format}");
            Assert.Equal(HttpStatusCode.OK, status);
            return format == "json"
                ? JsonDocument.Parse(body).RootElement.GetProperty("attributes").EnumerateArray().Where(a => a.GetProperty("required").GetBoolean()).Select(a => a.GetProperty("code").GetString()!).ToList()
                : XDocument.Parse(body).Root!.Element("attributes")!.Elements("attribute").Where(a => a.Element("required")!.Value == "true").Select(a => a.Element("code")!.Value).ToList();
        }

        public async Task<(HttpStatusCode Status, string? Id, string? Token, List<(int Code, string Description)> Errors)> PostAsync(string root, Dictionary<string, string> fields)
        {
            using var content = new FormUrlEncodedContent(fields);
            using var response = await http.PostAsync(new Uri($"{root}requests.{format}", UriKind.Relative), content);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                return (response.StatusCode, null, null, ParseErrors(body));
            }

            if (format == "json")
            {
                var first = JsonDocument.Parse(body).RootElement[0];
                return (response.StatusCode, first.GetProperty("service_request_id").GetString(), first.GetProperty("token").GetString(), []);
            }

            var request = XDocument.Parse(body).Root!.Element("request")!;
            return (response.StatusCode, request.Element("service_request_id")?.Value, request.Element("token")?.Value, []);
        }

        public List<(int Code, string Description)> ParseErrors(string body) => format == "json"
            ? JsonDocument.Parse(body).RootElement.EnumerateArray().Select(e => (e.GetProperty("code").GetInt32(), e.GetProperty("description").GetString()!)).ToList()
            : XDocument.Parse(body).Root!.Elements("error").Select(e => (int.Parse(e.Element("code")!.Value, CultureInfo.InvariantCulture), e.Element("description")!.Value)).ToList();

        public async Task<string> IdForTokenAsync(string root, string token)
        {
            var (status, body) = await GetAsync($"{root}tokens/{token}.{format}");
            Assert.Equal(HttpStatusCode.OK, status);
            return format == "json"
                ? JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!
                : XDocument.Parse(body).Root!.Element("request")!.Element("service_request_id")!.Value;
        }

        public async Task<List<ServiceRequest>> RequestsAsync(string pathAndQuery)
        {
            var (status, body) = await GetAsync(pathAndQuery);
            Assert.True(status == HttpStatusCode.OK, body);
            if (format == "json")
            {
                return JsonDocument.Parse(body).RootElement.EnumerateArray().Select(r => new ServiceRequest(
                    r.GetProperty("service_request_id").GetString()!, r.GetProperty("status").GetString()!, r.GetProperty("status_notes").GetString() ?? "",
                    r.GetProperty("service_code").GetString()!, r.GetProperty("agency_responsible").GetString()!, r.GetProperty("expected_datetime").GetString(),
                    r.GetProperty("description").GetString()!)).ToList();
            }

            return XDocument.Parse(body).Root!.Elements("request").Select(r => new ServiceRequest(
                r.Element("service_request_id")!.Value, r.Element("status")!.Value, r.Element("status_notes")!.Value, r.Element("service_code")!.Value,
                r.Element("agency_responsible")!.Value, r.Element("expected_datetime")!.Value is { Length: > 0 } e ? e : null, r.Element("description")!.Value)).ToList();
        }

        public async Task<(HttpStatusCode Status, List<(int Code, string Description)> Errors)> GetErrorAsync(string path)
        {
            var (status, body) = await GetAsync(path);
            return (status, ParseErrors(body));
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task A_client_following_the_specification_files_and_tracks_a_request_without_seeing_personal_data(string format)
    {
        var (first, _) = await HotlineTestData.BodiesWithRouteAsync(factory.Services);
        var key = await HotlineTestData.IssueKeyAsync(factory.Services, "随手拍 " + format);
        using var anonymous = factory.CreateClient();
        var client = new Client(anonymous, format);

        var root = await client.DiscoverEndpointAsync();
        Assert.Equal("/open311/v2/", root);
        var services = await client.ServicesAsync(root);
        var service = services.Single(s => s.Name == "占道经营");
        Assert.Empty(await client.RequiredAttributesAsync(root, service.Code));
        Assert.Equal(["utility"], await client.RequiredAttributesAsync(root, services.Single(s => s.Name == "供水供气").Code));

        var filed = await client.PostAsync(root, new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = service.Code, ["lat"] = "31.4675", ["long"] = "104.6796",
            ["address_string"] = "涪城区临园路东段", ["description"] = $"人行道被摊位占满，我是{CallerLast}{CallerFirst}，电话{CallerPhone}。",
            ["first_name"] = CallerFirst, ["last_name"] = CallerLast, ["phone"] = CallerPhone, ["email"] = CallerEmail,
        });
        Assert.Equal(HttpStatusCode.Created, filed.Status);
        Assert.Equal(filed.Id, await client.IdForTokenAsync(root, filed.Token!));

        var one = (await client.RequestsAsync($"{root}requests/{filed.Id}.{format}")).Single();
        Assert.Equal("open", one.Status);
        Assert.Equal(service.Code, one.ServiceCode);
        Assert.Contains("人行道被摊位占满", one.Description, StringComparison.Ordinal);

        // The centre dispatches, the body signs and replies: the request is closed, its notes are the reply.
        using var operatorClient = await factory.CreateStaffClientAsync("hotline.o311." + format, StaffRoles.HotlineOperator);
        using var handler = factory.CreateClient().SignedInAs("handler.o311", first.Id, StaffRoles.HotlineHandler);
        foreach (var (who, body) in new (HttpClient, object)[]
        {
            (operatorClient, new { type = "dispatched", body = first.Code }),
            (handler, new { type = "signed" }),
        })
        {
            Assert.Equal(HttpStatusCode.OK, (await who.PostAsync(new Uri($"/api/v1/hotline/tickets/{filed.Id}/events", UriKind.Relative), JsonContent(body))).StatusCode);
        }

        var dispatched = (await client.RequestsAsync($"{root}requests.{format}?service_request_id={filed.Id}")).Single();
        Assert.Equal(first.Name, dispatched.Agency);
        Assert.NotNull(dispatched.Expected);
        Assert.True(DateTimeOffset.TryParse(dispatched.Expected, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

        Assert.Equal(HttpStatusCode.OK, (await handler.PostAsync(new Uri($"/api/v1/hotline/tickets/{filed.Id}/events", UriKind.Relative),
            JsonContent(new { type = "replied", text = "摊位已清理，已安排每日巡查。" }))).StatusCode);
        var closed = (await client.RequestsAsync($"{root}requests.{format}?status=closed&service_code={service.Code}")).Single(r => r.Id == filed.Id);
        Assert.Equal("closed", closed.Status);
        Assert.Equal("摊位已清理，已安排每日巡查。", closed.StatusNotes);
        Assert.DoesNotContain((await client.RequestsAsync($"{root}requests.{format}?status=open")), r => r.Id == filed.Id);

        foreach (var body in client.Seen)
        {
            Assert.DoesNotContain(CallerPhone, body, StringComparison.Ordinal);
            Assert.DoesNotContain(CallerEmail, body, StringComparison.Ordinal);
            Assert.DoesNotContain(CallerFirst, body, StringComparison.Ordinal);
            Assert.DoesNotContain(CallerLast, body, StringComparison.Ordinal);
        }
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Bad_requests_get_the_specifications_error_list_never_a_server_error(string format)
    {
        var key = await HotlineTestData.IssueKeyAsync(factory.Services, "坏输入 " + format);
        using var anonymous = factory.CreateClient();
        var client = new Client(anonymous, format);
        const string root = "/open311/v2/";
        var good = new Dictionary<string, string> { ["api_key"] = key, ["service_code"] = "0101", ["address_string"] = "游仙区某路", ["description"] = "垃圾未清运" };
        Dictionary<string, string> With(string field, string? value)
        {
            var fields = new Dictionary<string, string>(good);
            if (value is null)
            {
                fields.Remove(field);
            }
            else
            {
                fields[field] = value;
            }

            return fields;
        }

        var cases = new (Dictionary<string, string> Fields, HttpStatusCode Status, string Says)[]
        {
            (With("api_key", null), HttpStatusCode.Forbidden, "api_key"),
            (With("api_key", "o311_not-a-key"), HttpStatusCode.Forbidden, "api_key"),
            (With("service_code", "9999"), HttpStatusCode.NotFound, "9999"),
            (With("address_string", null), HttpStatusCode.BadRequest, "地点"),
            (With("description", new string('噪', 1_000_000)), HttpStatusCode.BadRequest, "4000"),
            (new Dictionary<string, string>(With("address_string", null)) { ["lat"] = "39.9042", ["long"] = "116.4074" }, HttpStatusCode.BadRequest, "不在本市"),
            (new Dictionary<string, string>(good) { ["lat"] = "abc", ["long"] = "104.6" }, HttpStatusCode.BadRequest, "lat"),
            (new Dictionary<string, string>(good) { ["service_code"] = "0203" }, HttpStatusCode.BadRequest, "utility"),
        };
        foreach (var (fields, status, says) in cases)
        {
            var result = await client.PostAsync(root, fields);
            Assert.Equal(status, result.Status);
            var error = Assert.Single(result.Errors);
            Assert.Equal((int)status, error.Code);
            Assert.Contains(says, error.Description, StringComparison.Ordinal);
        }

        var (missing, errors) = await client.GetErrorAsync($"{root}requests/12345-1999-0000000.{format}");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal(404, Assert.Single(errors).Code);
        var (badDates, _) = await client.GetErrorAsync($"{root}requests.{format}?start_date=2026-01-01T00:00:00Z&end_date=2026-12-01T00:00:00Z");
        Assert.Equal(HttpStatusCode.BadRequest, badDates);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetErrorAsync($"{root}services/nope.{format}")).Status);
    }

    [Fact]
    public async Task A_revoked_key_is_refused()
    {
        var key = await HotlineTestData.IssueKeyAsync(factory.Services, "将被撤销");
        using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(factory.Services))
        {
            var keys = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Gongkai.Hotline.Open311.Open311Keys>(scope.ServiceProvider);
            var live = await keys.FindLiveAsync(key);
            Assert.NotNull(live);
            Assert.True((await keys.RevokeAsync(live.Id, "test")).Succeeded);
        }

        using var anonymous = factory.CreateClient();
        var result = await new Client(anonymous, "json").PostAsync("/open311/v2/", new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = "0101", ["address_string"] = "某路", ["description"] = "x",
        });
        Assert.Equal(HttpStatusCode.Forbidden, result.Status);
    }
}
