using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongkai.OpenData.Rules;
using Gongkai.Organizations;
using Gongkai.Platform;
using Microsoft.Extensions.Options;

namespace Gongkai.OpenData.Ckan;

/// <summary>A CKAN error: its <c>__type</c>, HTTP status and the fields of its <c>error</c> object.</summary>
public sealed class CkanException(int status, string type, JsonObject fields) : Exception(type)
{
    public CkanException() : this(500, "Internal Server Error", new JsonObject())
    {
    }

    public CkanException(string message) : this(500, "Internal Server Error", new JsonObject { ["message"] = message })
    {
    }

    public CkanException(string message, Exception innerException) : this(message) => _ = innerException;

    public int Status { get; } = status;

    public string Type { get; } = type;

    public JsonObject Fields { get; } = fields;

    public static CkanException NotFound(string message = "Not found") => new(404, "Not Found Error", new JsonObject { ["message"] = message });

    /// <summary>CKAN's ValidationError: field → list of messages, status 409.</summary>
    public static CkanException Validation(string field, string message) => new(409, "Validation Error", new JsonObject { [field] = new JsonArray(message) });

    public static CkanException SearchQuery(string message) => new(400, "Search Query Error", new JsonObject { ["message"] = "Search Query is invalid: " + message });

    public static CkanException Search(string message) => new(409, "Search Error", new JsonObject { ["message"] = "Search error: " + message });

    public static CkanException BadRequest(string message) => new(400, "Bad Request", new JsonObject { ["message"] = "Bad request - " + message });
}

/// <summary>
/// CKAN's Action API v3 at <c>/api/3/action/{name}</c> and <c>/api/action/{name}</c> (ckanapi omits the version):
/// GET with query parameters or POST with a JSON (or form) body, answers in CKAN's envelope
/// <c>{"help","success","result"}</c> and errors in its shape (<c>{"success":false,"error":{"__type","message"}}</c>,
/// 404/409/400). Read-only: the catalogue is made from published records, never written through this API.
/// </summary>
internal static class CkanApi
{
    public const int MaxRows = 1000;

    private static readonly string[] SearchParameters =
        ["q", "fq", "fq_list", "rows", "start", "sort", "facet", "facet.field", "facet.limit", "facet.mincount", "include_private",
         "include_drafts", "include_deleted", "use_default_schema", "defType", "qf", "fl", "callback", "_"];

    private static readonly Dictionary<string, string> Help = new()
    {
        ["status_show"] = "Return a dictionary with information about the site's configuration.",
        ["site_read"] = "Return True.",
        ["package_list"] = "Return a list of the names of the site's datasets (packages). :param limit: :param offset:",
        ["current_package_list_with_resources"] = "Return a list of the site's datasets and their resources. :param limit: :param offset:",
        ["package_show"] = "Return the metadata of a dataset (package) and its resources. :param id: the id or name of the dataset",
        ["package_search"] = "Searches for packages satisfying a given search criteria. :param q: :param fq: :param rows: :param start: :param sort: :param facet.field:",
        ["organization_list"] = "Return a list of the names of the site's organizations. :param all_fields: :param sort: :param limit: :param offset:",
        ["organization_show"] = "Return the details of an organization. :param id: :param include_datasets:",
        ["group_list"] = "Return a list of the names of the site's groups. :param all_fields: :param sort: :param limit: :param offset:",
        ["group_show"] = "Return the details of a group. :param id:",
        ["tag_list"] = "Return a list of the site's tags. :param query:",
        ["resource_show"] = "Return the metadata of a resource. :param id:",
        ["help_show"] = "Return the help string for a particular API action. :param name:",
    };

    public static void MapCkanApi(this WebApplication app)
    {
        foreach (var prefix in new[] { "/api/3/action", "/api/action" })
        {
            app.MapMethods(prefix + "/{action}", ["GET", "POST"], HandleAsync).WithSummary("CKAN Action API（package_search、package_show 等）")
                .WithTags("CKAN Action API").DisableAntiforgery().AllowAnonymous();
        }
    }

    private static async Task HandleAsync(string action, HttpContext http, OpenDataCatalog catalog, BodyDirectory bodies, IOptions<GongkaiOptions> options,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var help = $"{baseUrl}/api/3/action/help_show?name={Uri.EscapeDataString(action)}";
        JsonNode? result;
        try
        {
            if (!Help.ContainsKey(action))
            {
                throw CkanException.BadRequest($"Action name not known: {action}");
            }

            var parameters = await ReadParametersAsync(http, cancellationToken);
            result = action switch
            {
                "status_show" => new JsonObject
                {
                    ["site_title"] = options.Value.Site.Name + "数据开放",
                    ["site_description"] = options.Value.Site.Description,
                    ["site_url"] = baseUrl,
                    ["ckan_version"] = "2.10.4",
                    ["locale_default"] = "zh_Hans_CN",
                    ["error_emails_to"] = null,
                    ["extensions"] = new JsonArray("gongkai", "dcat"),
                },
                "site_read" => true,
                "help_show" => Help.TryGetValue(Text(parameters, "name") ?? throw CkanException.Validation("name", "Missing value"), out var text)
                    ? text
                    : throw CkanException.NotFound("Action function not found"),
                "package_list" => await PackageListAsync(catalog, parameters, cancellationToken),
                "current_package_list_with_resources" => await CurrentPackagesAsync(catalog, parameters, baseUrl, cancellationToken),
                "package_show" => CkanJson.Package(await FindPackageAsync(catalog, parameters, cancellationToken), baseUrl, clock.GetUtcNow()),
                "package_search" => await SearchAsync(catalog, parameters, baseUrl, cancellationToken),
                "organization_list" => await OrganizationListAsync(catalog, bodies, parameters, cancellationToken),
                "organization_show" => await OrganizationShowAsync(catalog, bodies, parameters, baseUrl, cancellationToken),
                "group_list" => await GroupListAsync(catalog, parameters, cancellationToken),
                "group_show" => await GroupShowAsync(catalog, parameters, cancellationToken),
                "tag_list" => await TagListAsync(catalog, parameters, cancellationToken),
                "resource_show" => await ResourceShowAsync(catalog, parameters, baseUrl, cancellationToken),
                _ => throw CkanException.BadRequest($"Action name not known: {action}"),
            };
        }
        catch (CkanException error)
        {
            var body = new JsonObject(error.Fields.Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone())))
            {
                ["__type"] = error.Type,
            };
            await WriteAsync(http, error.Status, new JsonObject { ["help"] = help, ["success"] = false, ["error"] = body }, cancellationToken);
            return;
        }

        await WriteAsync(http, 200, new JsonObject { ["help"] = help, ["success"] = true, ["result"] = result }, cancellationToken);
    }

    private static async Task WriteAsync(HttpContext http, int status, JsonObject body, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json;charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        // Browser-based CKAN clients (data explorers) call the API from other origins; it is public and read-only.
        http.Response.Headers.AccessControlAllowOrigin = "*";
        await using var writer = new Utf8JsonWriter(http.Response.Body, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        body.WriteTo(writer);
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>Query parameters, overlaid by a POST body (JSON object, or form fields as CKAN also accepts).</summary>
    private static async Task<Dictionary<string, JsonNode?>> ReadParametersAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in http.Request.Query)
        {
            parameters[key] = JsonValue.Create(value.ToString());
        }

        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return parameters;
        }

        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                parameters[key] = JsonValue.Create(value.ToString());
            }

            return parameters;
        }

        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return parameters;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException error)
        {
            throw CkanException.BadRequest("JSON Error: " + error.Message);
        }

        if (node is not JsonObject body)
        {
            throw CkanException.BadRequest("JSON Error: Request data JSON decoded to a non-dict object");
        }

        foreach (var (key, value) in body)
        {
            parameters[key] = value?.DeepClone();
        }

        return parameters;
    }

    private static string? Text(Dictionary<string, JsonNode?> parameters, string key) =>
        parameters.TryGetValue(key, out var node) && node is not null
            ? node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString()
            : null;

    private static int Integer(Dictionary<string, JsonNode?> parameters, string key, int fallback, int min = 0, int max = int.MaxValue)
    {
        if (!parameters.TryGetValue(key, out var node) || node is null)
        {
            return fallback;
        }

        int value;
        if (node is JsonValue json && json.TryGetValue<int>(out var number))
        {
            value = number;
        }
        else if (!int.TryParse(Text(parameters, key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            throw CkanException.Validation(key, "Invalid integer");
        }

        if (value < min)
        {
            throw CkanException.Validation(key, $"Must be a natural number{(min > 0 ? " greater than zero" : "")}");
        }

        return Math.Min(value, max);
    }

    private static bool Boolean(Dictionary<string, JsonNode?> parameters, string key) =>
        parameters.TryGetValue(key, out var node) && node is JsonValue value
        && (value.TryGetValue<bool>(out var flag) ? flag : (Text(parameters, key) ?? "").ToLowerInvariant() is "true" or "1" or "yes" or "on");

    /// <summary>A list parameter: a JSON array, or a string holding one (ckanapi GET: <c>facet.field=["tags"]</c>).</summary>
    private static List<string> List(Dictionary<string, JsonNode?> parameters, string key)
    {
        if (!parameters.TryGetValue(key, out var node) || node is null)
        {
            return [];
        }

        if (node is JsonArray array)
        {
            return array.Select(n => n?.ToString() ?? "").ToList();
        }

        var text = Text(parameters, key) ?? "";
        if (text.TrimStart().StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(text) is JsonArray parsed ? parsed.Select(n => n?.ToString() ?? "").ToList() : [];
            }
            catch (JsonException)
            {
                throw CkanException.Validation(key, "Invalid JSON list");
            }
        }

        return text.Length == 0 ? [] : [text];
    }

    private static async Task<JsonNode> PackageListAsync(OpenDataCatalog catalog, Dictionary<string, JsonNode?> parameters, CancellationToken cancellationToken)
    {
        var limit = Integer(parameters, "limit", int.MaxValue, 0);
        var offset = Integer(parameters, "offset", 0);
        var datasets = await catalog.ListDatasetsAsync(cancellationToken);
        return new JsonArray(datasets.Select(d => d.Dataset.Name).Order(StringComparer.Ordinal).Skip(offset).Take(limit).Select(n => (JsonNode)n).ToArray());
    }

    private static async Task<JsonNode> CurrentPackagesAsync(OpenDataCatalog catalog, Dictionary<string, JsonNode?> parameters, string baseUrl, CancellationToken cancellationToken)
    {
        var limit = Integer(parameters, "limit", int.MaxValue, 0);
        var offset = Integer(parameters, "offset", 0);
        var datasets = await catalog.ListDatasetsAsync(cancellationToken);
        return new JsonArray(datasets.OrderByDescending(d => d.Dataset.ModifiedAt).Skip(offset).Take(limit).Select(d => (JsonNode)CkanJson.Package(d, baseUrl)).ToArray());
    }

    private static async Task<DatasetView> FindPackageAsync(OpenDataCatalog catalog, Dictionary<string, JsonNode?> parameters, CancellationToken cancellationToken)
    {
        var id = Text(parameters, "id") ?? Text(parameters, "name_or_id");
        if (string.IsNullOrWhiteSpace(id))
        {
            throw CkanException.Validation("id", "Missing value");
        }

        return await catalog.FindDatasetAsync(id, cancellationToken) ?? throw CkanException.NotFound();
    }

    private static async Task<JsonNode> SearchAsync(OpenDataCatalog catalog, Dictionary<string, JsonNode?> parameters, string baseUrl, CancellationToken cancellationToken)
    {
        var unknown = parameters.Keys.Where(k => !SearchParameters.Contains(k) && !k.StartsWith("ext_", StringComparison.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw CkanException.Search($"Invalid search parameters: {JsonSerializer.Serialize(unknown)}");
        }

        var rows = Integer(parameters, "rows", 10, 0, MaxRows);
        var start = Integer(parameters, "start", 0);
        var q = CkanQuery.Parse(Text(parameters, "q"));
        var filters = new List<CkanClause>();
        foreach (var fq in List(parameters, "fq_list").Prepend(Text(parameters, "fq") ?? ""))
        {
            var parsed = CkanQuery.Parse(fq);
            if (!parsed.Succeeded)
            {
                throw CkanException.SearchQuery(parsed.Refusal!.Message);
            }

            filters.AddRange(parsed.Value!);
        }

        if (!q.Succeeded)
        {
            throw CkanException.SearchQuery(q.Refusal!.Message);
        }

        var sortText = Text(parameters, "sort") ?? CkanQuery.DefaultSort;
        var sort = CkanQuery.ParseSort(sortText);
        if (!sort.Succeeded)
        {
            throw CkanException.SearchQuery(sort.Refusal!.Message);
        }

        var all = await catalog.ListDatasetsAsync(cancellationToken);
        var byId = all.ToDictionary(d => d.Dataset.Id);
        var clauses = q.Value!.Concat(filters).ToList();
        var matched = CkanQuery.Sort(all.Select(CkanJson.SearchItem).Where(i => CkanQuery.Matches(i, clauses)), sort.Value!, q.Value!).ToList();

        var facetFields = List(parameters, "facet.field");
        var facetLimit = Integer(parameters, "facet.limit", 50, -1);
        var facetMinCount = Integer(parameters, "facet.mincount", 1, 0);
        var facets = new JsonObject();
        var searchFacets = new JsonObject();
        foreach (var field in facetFields)
        {
            var counts = matched.SelectMany(i => field switch
                {
                    "organization" => [i.Organization],
                    "tags" => i.Tags,
                    "res_format" => i.Formats,
                    "groups" => i.Groups,
                    "license_id" => [i.LicenceId],
                    _ => throw CkanException.SearchQuery($"cannot facet on field {field}"),
                })
                .GroupBy(v => v, StringComparer.Ordinal)
                .Select(g => (Name: g.Key, Count: g.Count()))
                .Where(g => g.Count >= facetMinCount)
                .OrderByDescending(g => g.Count).ThenBy(g => g.Name, StringComparer.Ordinal)
                .Take(facetLimit < 0 ? int.MaxValue : facetLimit)
                .ToList();
            facets[field] = new JsonObject(counts.Select(c => KeyValuePair.Create(c.Name, (JsonNode?)c.Count)));
            searchFacets[field] = new JsonObject
            {
                ["title"] = field,
                ["items"] = new JsonArray(counts.Select(c => (JsonNode)new JsonObject
                {
                    ["name"] = c.Name,
                    ["display_name"] = DisplayName(field, c.Name, all),
                    ["count"] = c.Count,
                }).ToArray()),
            };
        }

        return new JsonObject
        {
            ["count"] = matched.Count,
            ["sort"] = sortText,
            ["facets"] = facets,
            ["search_facets"] = searchFacets,
            ["results"] = new JsonArray(matched.Skip(start).Take(rows).Select(i => (JsonNode)CkanJson.Package(byId[i.Id], baseUrl)).ToArray()),
        };
    }

    private static string DisplayName(string field, string name, IReadOnlyList<DatasetView> all) => field switch
    {
        "organization" => all.FirstOrDefault(d => d.Body.Code == name)?.Body.Name ?? name,
        "groups" => all.FirstOrDefault(d => CkanJson.ThemeSlug(d.Dataset.Theme) == name)?.Dataset.Theme ?? name,
        _ => name,
    };

    private static async Task<JsonNode> OrganizationListAsync(OpenDataCatalog catalog, BodyDirectory bodies, Dictionary<string, JsonNode?> parameters, CancellationToken cancellationToken)
    {
        var hierarchy = await bodies.LoadAsync(cancellationToken);
        var counts = (await catalog.ListDatasetsAsync(cancellationToken)).GroupBy(d => d.Body.Id).ToDictionary(g => g.Key, g => g.Count());
        var all = Boolean(parameters, "all_fields");
        var sort = Text(parameters, "sort") ?? "name asc";
        var limit = Integer(parameters, "limit", 1000, 0);
        var offset = Integer(parameters, "offset", 0);
        IEnumerable<Body> ordered = sort.StartsWith("package_count", StringComparison.Ordinal)
            ? hierarchy.All.OrderByDescending(b => counts.GetValueOrDefault(b.Id)).ThenBy(b => b.Code, StringComparer.Ordinal)
            : sort.StartsWith("title", StringComparison.Ordinal) ? hierarchy.All.OrderBy(b => b.Name, StringComparer.Ordinal)
            : hierarchy.All.OrderBy(b => b.Code, StringComparer.Ordinal);
        if (sort.EndsWith(" desc", StringComparison.Ordinal) && !sort.StartsWith("package_count", StringComparison.Ordinal))
        {
            ordered = ordered.Reverse();
        }

        return new JsonArray(ordered.Skip(offset).Take(limit)
            .Select(b => all ? (JsonNode)CkanJson.Organization(b, counts.GetValueOrDefault(b.Id)) : b.Code).ToArray());
    }

    private static async Task<JsonNode> OrganizationShowAsync(OpenDataCatalog catalog, BodyDirectory bodies, Dictionary<string, JsonNode?> parameters, string baseUrl,
        CancellationToken cancellationToken)
    {
        var id = Text(parameters, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            throw CkanException.Validation("id", "Missing value");
        }

        var hierarchy = await bodies.LoadAsync(cancellationToken);
        var body = hierarchy.FindByCode(id) ?? hierarchy.All.FirstOrDefault(b => CkanJson.OrganizationId(b) == id) ?? throw CkanException.NotFound("Organization was not found.");
        var datasets = (await catalog.ListDatasetsAsync(cancellationToken)).Where(d => d.Body.Id == body.Id).ToList();
        var org = CkanJson.Organization(body, datasets.Count);
        if (!parameters.ContainsKey("include_datasets") || Boolean(parameters, "include_datasets"))
        {
            org["packages"] = new JsonArray(datasets.Select(d => (JsonNode)CkanJson.Package(d, baseUrl)).ToArray());
        }

        org["users"] = new JsonArray();
        org["extras"] = new JsonArray();
        org["tags"] = new JsonArray();
        org["groups"] = new JsonArray();
        return org;
    }

    private static async Task<JsonNode> GroupListAsync(OpenDataCatalog catalog, Dictionary<string, JsonNode?> parameters, CancellationToken cancellationToken)
    {
        var all = Boolean(parameters, "all_fields");
        var limit = Integer(parameters, "limit", 1000, 0);
        var offset = Integer(parameters, "offset", 0);
        var themes = (await catalog.ListDatasetsAsync(cancellationToken)).Where(d => d.Dataset.Theme.Length > 0)
            .GroupBy(d => d.Dataset.Theme).OrderBy(g => CkanJson.ThemeSlug(g.Key), StringComparer.Ordinal);
        return new JsonArray(themes.Skip(offset).Take(limit)
            .Select(g => all ? (JsonNode)CkanJson.Group(g.Key, g.Count()) : CkanJson.ThemeSlug(g.Key)).ToArray());
    }

    private static async Task<JsonNode> GroupShowAsync(OpenDataCatalog catalog, Dictionary<string, JsonNode?> parameters, CancellationToken cancellationToken)
    {
        var id = Text(parameters, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            throw CkanException.Validation("id", "Missing value");
        }

        var theme = (await catalog.ListDatasetsAsync(cancellationToken)).Where(d => d.Dataset.Theme.Length > 0)
            .GroupBy(d => d.Dataset.Theme).FirstOrDefault(g => CkanJson.ThemeSlug(g.Key) == id || g.Key == id)
            ?? throw CkanException.NotFound("Group was not found.");
        return CkanJson.Group(theme.Key, theme.Count());
    }

    private static async Task<JsonNode> TagListAsync(OpenDataCatalog catalog, Dictionary<string, JsonNode?> parameters, CancellationToken cancellationToken)
    {
        var query = Text(parameters, "query") ?? "";
        var tags = (await catalog.ListDatasetsAsync(cancellationToken)).SelectMany(d => d.Tags).Distinct()
            .Where(t => t.Contains(query, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal);
        return new JsonArray(tags.Select(t => (JsonNode)t).ToArray());
    }

    private static async Task<JsonNode> ResourceShowAsync(OpenDataCatalog catalog, Dictionary<string, JsonNode?> parameters, string baseUrl, CancellationToken cancellationToken)
    {
        var id = Text(parameters, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            throw CkanException.Validation("id", "Missing value");
        }

        foreach (var dataset in await catalog.ListDatasetsAsync(cancellationToken))
        {
            for (var i = 0; i < dataset.ResourceList.Count; i++)
            {
                if (dataset.ResourceId(dataset.ResourceList[i]).ToString("D").Equals(id, StringComparison.OrdinalIgnoreCase))
                {
                    return CkanJson.Resource(dataset, dataset.ResourceList[i], i, baseUrl);
                }
            }
        }

        throw CkanException.NotFound("Resource was not found.");
    }
}
