using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.OpenApi;

/// <summary>
/// Every operation of the OpenAPI document, sent malformed, boundary and hostile values as an attacker's fuzzer would
/// (issue 23): wrong types, empty and 100 kB strings, negative and huge numbers, impossible dates, unknown enum values,
/// SQL, HTML and path-traversal text, broken JSON, missing required fields and unknown ids — with a staff token holding
/// every role, and once without. A bounded number of cases per operation from a seeded generator (the seed is in the
/// failure message; <c>GONGKAI_FUZZ_SEED</c> replays it). No answer may be a 5xx, and every 4xx must be problem details
/// with a Chinese title or detail.
/// </summary>
public sealed class OpenApiFuzzTests(OpenApiFuzzTests.FuzzFactory factory, ITestOutputHelper output) : IClassFixture<OpenApiFuzzTests.FuzzFactory>
{
    private const int CasesPerOperation = 6;
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
    private static readonly string[] ProblemFields = ["title", "detail"];
    private static readonly string Huge = string.Concat(Enumerable.Repeat("公开a", 14_300));   // 100 kB in UTF-8

    private static readonly string[] HostileText =
    [
        "", " ", Huge, "' OR 1=1 --", "'; DROP TABLE documents; --", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
        "../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "%00", "\0", "\u202Egpj.pdf", "不存在的值", "null", "-1", "0",
        "99999999999999999999999999", "1e309", "2024-02-30", "0000-00-00", "9999-99-99T99:99:99", "NaN", "true", "{}", "[]",
        "${jndi:ldap://x}", "{{7*7}}", "C:\\Windows\\win.ini", new string('9', 400),
    ];

    private static readonly JsonNode?[] HostileJson =
    [
        null, JsonValue.Create(""), JsonValue.Create(Huge), JsonValue.Create(-1), JsonValue.Create(0), JsonValue.Create(long.MaxValue),
        JsonValue.Create(-2147483649L), JsonValue.Create(1e308), JsonValue.Create(1.5), JsonValue.Create(true), JsonValue.Create("' OR 1=1 --"),
        JsonValue.Create("<script>alert(1)</script>"), JsonValue.Create("../../etc/passwd"), JsonValue.Create("2024-02-30"),
        JsonValue.Create("不存在的值"), new JsonArray(), new JsonArray(JsonValue.Create(1), JsonValue.Create("x")), new JsonObject(),
        new JsonObject { ["a"] = new JsonObject { ["b"] = JsonValue.Create("c") } },
    ];

    private static readonly string[] BrokenBodies = ["{", "{\"a\":", "[1, 2", "\"unterminated", "nul", "{\"a\": 1,}", "\u0000", "[]", "123", "\"text\"", "null", "{}"];

    private readonly int _seed = Environment.GetEnvironmentVariable("GONGKAI_FUZZ_SEED") is { Length: > 0 } fixedSeed
        ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
        : Random.Shared.Next();

    [Fact]
    public async Task No_operation_answers_malformed_or_hostile_input_with_a_5xx_or_a_4xx_without_a_Chinese_problem()
    {
        output.WriteLine($"seed {_seed} (GONGKAI_FUZZ_SEED={_seed} replays the cases)");
        var stopwatch = Stopwatch.StartNew();
        var random = new Random(_seed);
        var token = await factory.TokenAsync();
        using var anonymous = factory.CreateClient();
        using var staff = factory.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var document = JsonNode.Parse(await anonymous.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!;
        var schemas = document["components"]?["schemas"]?.AsObject() ?? new JsonObject();

        var failures = new List<string>();
        int operations = 0, requests = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => Methods.Contains(o.Key)))
            {
                operations++;
                var parameters = (item["parameters"]?.AsArray() ?? []).Concat(operation!["parameters"]?.AsArray() ?? []).OfType<JsonNode>().ToList();
                var needsToken = operation!["security"]?.AsArray().Any(s => s?.AsObject().Count > 0) == true;
                for (var n = 0; n < CasesPerOperation; n++)
                {
                    // The first case goes without a token when the operation needs one; the rest carry it.
                    var client = needsToken && n == 0 ? anonymous : staff;
                    var fuzz = new Case(random, schemas, n);
                    HttpRequestMessage built;
                    try
                    {
                        built = fuzz.Build(method, path, parameters, operation["requestBody"]);
                    }
                    catch (Exception exception) when (exception is ArgumentException or FormatException or UriFormatException)
                    {
                        // A value HttpClient itself refuses to put on the wire is no request to the application.
                        output.WriteLine($"not built: {method.ToUpperInvariant()} {path} [{fuzz.Description}]: {exception.Message}");
                        continue;
                    }

                    using var request = built;
                    requests++;
                    HttpResponseMessage response;
                    try
                    {
                        response = await client.SendAsync(request);
                    }
                    catch (InvalidOperationException exception)
                    {
                        // What TestServer itself cannot send (Kestrel would refuse it before the application): not the application's answer.
                        output.WriteLine($"not sent: {method.ToUpperInvariant()} {Shorten(request.RequestUri!.ToString())}: {exception.Message}");
                        continue;
                    }

                    using var answered = response;
                    if (await ProblemAsync(path, response) is { } problem)
                    {
                        failures.Add($"{method.ToUpperInvariant()} {Shorten(request.RequestUri!.ToString())} [{fuzz.Description}]: {problem}");
                    }
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{operations} operations, {requests} requests, {stopwatch.Elapsed.TotalSeconds:0.0} s"));
        Assert.True(failures.Count == 0,
            $"seed {_seed} (rerun with GONGKAI_FUZZ_SEED={_seed}): {failures.Count} answers of {requests} broke the rules:\n{string.Join('\n', failures.Distinct().Take(60))}");
    }

    /// <summary>What is wrong with an answer, or null: a 5xx, or a 4xx that is not problem details with Chinese in its title or detail.
    /// <para>The CKAN action API (<c>/api/3/action/…</c>) is the exception: CKAN's clients (ckanapi, harvesters) read
    /// errors in CKAN's own envelope (<c>{"success": false, "error": {"__type", "message"}}</c>), so there it must be that envelope.</para></summary>
    private static async Task<string?> ProblemAsync(string path, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status < 400)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return $"{status} {Shorten(text)}";
        }

        if (path.StartsWith("/api/3/action/", StringComparison.Ordinal) || path.StartsWith("/api/action/", StringComparison.Ordinal))
        {
            try
            {
                var envelope = JsonDocument.Parse(text).RootElement;
                // An empty action never reaches the CKAN endpoint: the site's own Chinese 404 answers it.
                if (response.Content.Headers.ContentType?.MediaType == "application/problem+json" && text.Any(c => c is >= '\u4e00' and <= '\u9fff'))
                {
                    return null;
                }

                return envelope.GetProperty("success").GetBoolean() == false && envelope.GetProperty("error").TryGetProperty("__type", out _)
                    ? null : $"{status} outside CKAN's error envelope: {Shorten(text)}";
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                return $"{status} outside CKAN's error envelope: {Shorten(text)}";
            }
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {Shorten(text)}";
        }

        try
        {
            var problem = JsonDocument.Parse(text).RootElement;
            var chinese = ProblemFields.Any(field => problem.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
                && value.GetString()!.Any(c => c is >= '\u4e00' and <= '\u9fff'));
            return chinese ? null : $"{status} without Chinese title or detail: {Shorten(text)}";
        }
        catch (JsonException)
        {
            return $"{status} problem that is not JSON: {Shorten(text)}";
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    /// <summary>One request: where the hostile value goes and what it is, chosen by the seeded generator.</summary>
    private sealed class Case(Random random, JsonObject schemas, int number)
    {
        private readonly List<string> _notes = [];

        public string Description => string.Join("; ", _notes);

        public HttpRequestMessage Build(string method, string path, List<JsonNode> parameters, JsonNode? requestBody)
        {
            // Case 0 is well-formed (the anonymous case, or a baseline); the others break one or more places.
            var breakParameters = number > 0 && (requestBody is null || random.Next(3) == 0);
            var url = new StringBuilder(path);
            var query = new List<string>();
            var headers = new List<(string, string)>();
            var target = breakParameters && parameters.Count > 0 ? random.Next(parameters.Count) : -1;
            for (var i = 0; i < parameters.Count; i++)
            {
                var parameter = parameters[i];
                var name = parameter["name"]!.GetValue<string>();
                var where = parameter["in"]!.GetValue<string>();
                var required = parameter["required"]?.GetValue<bool>() == true || where == "path";
                string? value;
                if (i == target || (breakParameters && random.Next(4) == 0))
                {
                    value = HostileParameter(parameter["schema"], path);
                    _notes.Add($"{name}={Shorten(value ?? "(absent)")}");
                }
                else if (required || random.Next(2) == 0)
                {
                    value = Scalar(Resolve(parameter["schema"]));
                }
                else
                {
                    continue;
                }

                switch (where)
                {
                    case "path":
                        // A NUL in the path is refused by Kestrel before the application sees it (and TestServer throws).
                        url.Replace("{" + name + "}", Uri.EscapeDataString((value ?? "").Replace("\0", "", StringComparison.Ordinal)));
                        break;
                    case "query" when value is not null:
                        query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
                        break;
                    case "header" when value is not null && value.All(c => c is >= ' ' and <= '~'):
                        headers.Add((name, value));
                        break;
                }
            }

            if (query.Count > 0)
            {
                url.Append('?').Append(string.Join('&', query));
            }

            var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), new Uri(url.ToString(), UriKind.Relative));
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            if (requestBody?["content"]?.AsObject() is { } content)
            {
                request.Content = Body(content, breakBody: number > 0 && !breakParameters);
            }

            return request;
        }

        private HttpContent Body(JsonObject content, bool breakBody)
        {
            if (content["application/json"]?["schema"] is { } jsonSchema)
            {
                var schema = Resolve(jsonSchema);
                if (!breakBody)
                {
                    return Json(Valid(schema, 0)?.ToJsonString() ?? "{}");
                }

                switch (random.Next(5))
                {
                    case 0:
                        var broken = BrokenBodies[random.Next(BrokenBodies.Length)];
                        _notes.Add($"body {broken}");
                        return Json(broken);
                    case 1:
                        _notes.Add("body as text/plain");
                        return new StringContent(Valid(schema, 0)?.ToJsonString() ?? "{}", Encoding.UTF8, "text/plain");
                    default:
                        var body = Valid(schema, 0);
                        if (body is JsonObject fields && fields.Count > 0)
                        {
                            // Break one to three fields: drop them or give them a hostile value.
                            foreach (var key in fields.Select(f => f.Key).OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList())
                            {
                                if (random.Next(4) == 0)
                                {
                                    fields.Remove(key);
                                    _notes.Add($"{key} missing");
                                }
                                else
                                {
                                    var hostile = HostileJson[random.Next(HostileJson.Length)]?.DeepClone();
                                    fields[key] = hostile;
                                    _notes.Add($"{key}={Shorten(hostile?.ToJsonString() ?? "null")}");
                                }
                            }

                            return Json(fields.ToJsonString());
                        }

                        var value = HostileJson[random.Next(HostileJson.Length)]?.DeepClone();
                        _notes.Add($"body {Shorten(value?.ToJsonString() ?? "null")}");
                        return Json(value?.ToJsonString() ?? "null");
                }
            }

            var (mediaType, entry) = content.First();
            var form = Resolve(entry?["schema"]);
            if (mediaType == "multipart/form-data")
            {
                var multipart = new MultipartFormDataContent();
                foreach (var (name, property) in form?["properties"]?.AsObject() ?? [])
                {
                    var schema = Resolve(property);
                    var hostile = breakBody && random.Next(2) == 0;
                    if (schema?["format"]?.GetValue<string>() == "binary")
                    {
                        var bytes = hostile ? RandomBytes() : Encoding.UTF8.GetBytes("%PDF-1.4\n%测试\n");
                        var fileName = hostile ? HostileText[random.Next(HostileText.Length)] : "测试.pdf";
                        // filename* (RFC 5987) carries any name, quotes and markup included, to the server as typed.
                        var file = new ByteArrayContent(bytes);
                        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
                        {
                            Name = $"\"{name}\"",
                            FileNameStar = string.IsNullOrWhiteSpace(fileName.Replace("\0", "", StringComparison.Ordinal)) ? "x" : fileName.Replace("\0", "", StringComparison.Ordinal),
                        };
                        multipart.Add(file);
                        _notes.Add(hostile ? $"{name}: {bytes.Length} random bytes named {Shorten(fileName)}" : $"{name}: small pdf");
                    }
                    else
                    {
                        var value = hostile ? HostileText[random.Next(HostileText.Length)] : Scalar(schema) ?? "测试";
                        multipart.Add(new StringContent(value), name);
                        if (hostile)
                        {
                            _notes.Add($"{name}={Shorten(value)}");
                        }
                    }
                }

                return multipart;
            }

            _notes.Add($"{mediaType} body");
            return new StringContent(breakBody ? HostileText[random.Next(HostileText.Length)] : "测试", Encoding.UTF8, mediaType);
        }

        private byte[] RandomBytes()
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            return bytes;
        }

        private string? HostileParameter(JsonNode? schema, string path)
        {
            var resolved = Resolve(schema);
            var type = TypeOf(resolved);
            if (random.Next(5) == 0)
            {
                return null;   // missing
            }

            if (type is "integer" or "number")
            {
                // Unknown ids, boundaries and words where a number belongs; never a small id on the token endpoints (that could revoke the fuzzer's own token).
                string[] numbers = path.Contains("/tokens/", StringComparison.Ordinal)
                    ? ["0", "-1", "999999", "2147483647", "2147483648", "abc", "1.5", "1e9"]
                    : ["0", "-1", "1", "2", "999999", "2147483647", "2147483648", "-2147483649", "99999999999999999999", "abc", "1.5", "1e9", "", "０１"];
                return numbers[random.Next(numbers.Length)];
            }

            return HostileText[random.Next(HostileText.Length)];
        }

        /// <summary>A plausible value for a parameter (the baseline).</summary>
        private static string? Scalar(JsonNode? schema)
        {
            if (schema?["enum"]?.AsArray() is { Count: > 0 } values)
            {
                return values[0]?.ToString();
            }

            return (TypeOf(schema), schema?["format"]?.GetValue<string>()) switch
            {
                ("integer" or "number", _) => "1",
                ("boolean", _) => "true",
                (_, "date") => "2024-05-06",
                (_, "date-time") => "2024-05-06T08:00:00+08:00",
                _ => "测试",
            };
        }

        /// <summary>A plausible JSON value for a body schema, so that a broken field is the only thing wrong.</summary>
        private JsonNode? Valid(JsonNode? schema, int depth)
        {
            schema = Resolve(schema);
            if (schema is null || depth > 6)
            {
                return null;
            }

            if (schema["enum"]?.AsArray() is { Count: > 0 } values)
            {
                return values[0]?.DeepClone();
            }

            switch (TypeOf(schema))
            {
                case "object":
                    var result = new JsonObject();
                    foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
                    {
                        result[name] = Valid(property, depth + 1);
                    }

                    return result;
                case "array":
                    return new JsonArray(Valid(schema["items"], depth + 1));
                case "integer" or "number":
                    return JsonValue.Create(1);
                case "boolean":
                    return JsonValue.Create(true);
                default:
                    return schema["format"]?.GetValue<string>() switch
                    {
                        "date" => JsonValue.Create("2024-05-06"),
                        "date-time" => JsonValue.Create("2024-05-06T08:00:00+08:00"),
                        _ => JsonValue.Create("测试"),
                    };
            }
        }

        /// <summary>The schema behind a <c>$ref</c>, and the first non-null branch of a <c>oneOf</c>/<c>anyOf</c>.</summary>
        private JsonNode? Resolve(JsonNode? schema)
        {
            for (var hops = 0; schema is not null && hops < 10; hops++)
            {
                if (schema["$ref"]?.GetValue<string>() is { } reference)
                {
                    schema = schemas[reference[(reference.LastIndexOf('/') + 1)..]];
                }
                else if ((schema["oneOf"] ?? schema["anyOf"])?.AsArray() is { } branches)
                {
                    schema = branches.FirstOrDefault(b => TypeOf(b) != "null") ?? branches.FirstOrDefault();
                }
                else
                {
                    return schema;
                }
            }

            return schema;
        }

        /// <summary>The type, where OpenAPI 3.1 may give an array such as ["null", "string"].</summary>
        private static string? TypeOf(JsonNode? schema) => schema?["type"] switch
        {
            JsonArray types => types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null"),
            JsonValue type => type.GetValue<string>(),
            _ => schema?["properties"] is not null ? "object" : null,
        };

        private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
    }

    /// <summary>The demo city, with the per-minute limits of the public forms raised so the fuzzer reaches validation
    /// (a 429 is a right answer, but it would hide the rest).</summary>
    public sealed class FuzzFactory : GongkaiFactory
    {
        private string? _token;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Requests:ApplyPerMinute"] = "100000",
            ["Requests:TrackPerMinute"] = "100000",
            ["Gongkai:Participation:CommentsPerMinute"] = "100000",
            ["Gongkai:Staff:SignInAttemptsPerMinute"] = "100000",
        };

        /// <summary>A token of an account holding every role in the municipal government, enrolled in two-factor sign-in
        /// (as every account that may publish must be).</summary>
        public async Task<string> TokenAsync()
        {
            if (_token is not null)
            {
                return _token;
            }

            var user = await TestAuth.EnsureUserAsync(Services, "fuzzer", StaffRoles.All);
            await using var scope = Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var account = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException("the fuzzer's account is gone");
            await users.SetTwoFactorEnabledAsync(account, true);
            return _token = (await scope.ServiceProvider.GetRequiredService<AccessTokenService>().CreateAsync(account, "接口模糊测试", null)).Secret;
        }
    }
}
