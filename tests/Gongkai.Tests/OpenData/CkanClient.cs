using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gongkai.Tests.OpenData;

/// <summary>An error as ckanapi raises it: from the <c>__type</c> of CKAN's error object.</summary>
public sealed class CkanApiException(string type, int status, JsonObject error) : Exception($"{type}: {error.ToJsonString()}")
{
    public CkanApiException() : this("", 0, [])
    {
    }

    public CkanApiException(string message) : this(message, 0, [])
    {
    }

    public CkanApiException(string message, Exception innerException) : this(message) => _ = innerException;

    public string Type { get; } = type;

    public int Status { get; } = status;

    public JsonObject Error { get; } = error;
}

/// <summary>
/// A test client speaking to the CKAN Action API the way CKAN's own client library ckanapi (RemoteCKAN.call_action)
/// does: a POST of the parameters as a JSON object to <c>{site}/api/action/{name}</c> (no version in the path),
/// <c>Content-Type: application/json</c>, or with <c>get_only</c> a GET with the parameters url-encoded (lists as
/// JSON); the answer's <c>success</c> decides, and on failure the error's <c>__type</c> names the exception.
/// </summary>
public sealed class CkanClient(HttpClient http)
{
    public async Task<JsonNode?> CallActionAsync(string action, object? parameters = null, bool getOnly = false)
    {
        HttpResponseMessage response;
        if (getOnly)
        {
            var query = new StringBuilder();
            foreach (var (key, value) in JsonSerializer.SerializeToNode(parameters ?? new { })!.AsObject())
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=')
                    .Append(Uri.EscapeDataString(value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? ""));
            }

            response = await http.GetAsync(new Uri($"/api/action/{action}{query}", UriKind.Relative));
        }
        else
        {
            using var content = JsonContent.Create(parameters ?? new { });
            response = await http.PostAsync(new Uri($"/api/action/{action}", UriKind.Relative), content);
        }

        using (response)
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            if (body["success"]?.GetValue<bool>() == true && response.IsSuccessStatusCode)
            {
                return body["result"];
            }

            var error = body["error"]!.AsObject();
            throw new CkanApiException(error["__type"]!.GetValue<string>(), (int)response.StatusCode, error);
        }
    }
}
