using System.Net;
using System.Text.Json.Nodes;
using System.Xml;
using Gongkai.OpenData;
using Gongkai.OpenData.Dcat;
using Gongkai.Tests.Infrastructure;
using Gongkai.UnitTests.OpenData;

namespace Gongkai.Tests.OpenData;

/// <summary>The CKAN Action API and the DCAT catalogue over the demo city's datasets, driven with the request shapes
/// CKAN's client library sends (POST JSON to /api/action, GET with JSON lists) and read back as a harvester does.</summary>
public sealed class CkanApiTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private CkanClient Ckan() => new(factory.CreateClient());

    private static readonly string[] PackageKeys =
        ["id", "name", "title", "notes", "organization", "tags", "resources", "metadata_modified", "metadata_created", "license_id", "owner_org", "num_resources", "type", "state"];

    private static readonly string[] ResourceKeys = ["id", "name", "format", "url", "last_modified", "package_id", "mimetype"];

    private static readonly string[] FacetFields = ["tags", "res_format", "organization"];

    private static string Penalties => "administrative-penalty-myscjgj";

    [Fact]
    public async Task Status_show_names_the_site_and_a_CKAN_version_clients_accept()
    {
        var status = (await Ckan().CallActionAsync("status_show"))!;

        Assert.StartsWith("2.", status["ckan_version"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("数据开放", status["site_title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True((await Ckan().CallActionAsync("site_read"))!.GetValue<bool>());
    }

    [Fact]
    public async Task Package_list_names_one_dataset_per_record_type_and_body_and_pages_with_limit_and_offset()
    {
        var names = (await Ckan().CallActionAsync("package_list"))!.AsArray().Select(n => n!.GetValue<string>()).ToList();

        foreach (var type in ShippedRecordTypes.All)
        {
            Assert.Contains(names, n => n.StartsWith(type.Key + "-", StringComparison.Ordinal));
        }

        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        var page = (await Ckan().CallActionAsync("package_list", new { limit = 2, offset = 1 }, getOnly: true))!.AsArray();
        Assert.Equal(names.Skip(1).Take(2), page.Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Package_show_answers_by_name_or_id_with_CKAN_keys_and_downloadable_resources()
    {
        var package = (await Ckan().CallActionAsync("package_show", new { id = Penalties }))!;
        var byId = (await Ckan().CallActionAsync("package_show", new { id = package["id"]!.GetValue<string>() }, getOnly: true))!;

        Assert.Equal(Penalties, byId["name"]!.GetValue<string>());
        foreach (var key in PackageKeys)
        {
            Assert.True(package.AsObject().ContainsKey(key), key);
        }

        Assert.Equal("绵阳市市场监督管理局行政处罚", package["title"]!.GetValue<string>());
        Assert.Equal("myscjgj", package["organization"]!["name"]!.GetValue<string>());
        Assert.Equal("dataset", package["type"]!.GetValue<string>());
        Assert.True(Guid.TryParse(package["id"]!.GetValue<string>(), out _));
        var resources = package["resources"]!.AsArray();
        Assert.Equal(["CSV", "JSON", "XLSX", "CSV"], resources.Select(r => r!["format"]!.GetValue<string>()));
        foreach (var resource in resources)
        {
            foreach (var key in ResourceKeys)
            {
                Assert.True(resource!.AsObject().ContainsKey(key), key);
            }
        }

        var csvUrl = new Uri(resources[0]!["url"]!.GetValue<string>());
        using var csv = await factory.CreateClient().GetAsync(new Uri(csvUrl.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("处罚决定书文号,案件名称", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("绵市监处罚〔", text, StringComparison.Ordinal);
        Assert.DoesNotContain("王建国", text, StringComparison.Ordinal);
        Assert.Contains("王某", text, StringComparison.Ordinal);

        var json = JsonNode.Parse(await (await factory.CreateClient().GetAsync(new Uri(new Uri(resources[1]!["url"]!.GetValue<string>()).PathAndQuery, UriKind.Relative))).Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(package["extras"]!.AsArray().Single(e => e!["key"]!.GetValue<string>() == "record_count")!["value"]!.GetValue<string>(), json.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(json, row => Assert.StartsWith("绵市监处罚〔", row!["decisionNo"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Package_search_filters_pages_sorts_and_counts_facets_as_CKAN_does()
    {
        var all = (await Ckan().CallActionAsync("package_search", new { q = "*:*", rows = 1000 }))!;
        var total = all["count"]!.GetValue<int>();
        Assert.Equal(total, all["results"]!.AsArray().Count);

        var market = (await Ckan().CallActionAsync("package_search",
            new Dictionary<string, object> { ["fq"] = "organization:myscjgj", ["facet.field"] = FacetFields, ["rows"] = 1000 }))!;
        var marketNames = market["results"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ToList();
        Assert.Contains(Penalties, marketNames);
        Assert.All(marketNames, n => Assert.EndsWith("-myscjgj", n, StringComparison.Ordinal));
        Assert.Equal(marketNames.Count, market["facets"]!["organization"]!["myscjgj"]!.GetValue<int>());
        Assert.Equal(marketNames.Count, market["facets"]!["res_format"]!["CSV"]!.GetValue<int>());
        Assert.Equal("绵阳市市场监督管理局", market["search_facets"]!["organization"]!["items"]![0]!["display_name"]!.GetValue<string>());

        var excluded = (await Ckan().CallActionAsync("package_search", new Dictionary<string, object> { ["fq"] = "-organization:myscjgj", ["rows"] = 1000 }))!;
        Assert.Equal(total - marketNames.Count, excluded["count"]!.GetValue<int>());

        var page = (await Ckan().CallActionAsync("package_search", new Dictionary<string, object> { ["sort"] = "name asc", ["rows"] = 2, ["start"] = 1 }, getOnly: true))!;
        var sorted = all["results"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(sorted.Skip(1).Take(2), page["results"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()));
        Assert.Equal(total, page["count"]!.GetValue<int>());

        var text = (await Ckan().CallActionAsync("package_search", new { q = "行政处罚" }))!;
        Assert.Contains(Penalties, text["results"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()));

        var harvested = (await Ckan().CallActionAsync("package_search", new Dictionary<string, object> { ["fq"] = "metadata_modified:[2000-01-01T00:00:00Z TO *]", ["sort"] = "id asc", ["rows"] = 1000 }))!;
        Assert.Equal(total, harvested["count"]!.GetValue<int>());
        var future = (await Ckan().CallActionAsync("package_search", new Dictionary<string, object> { ["fq"] = "metadata_modified:[2999-01-01T00:00:00Z TO *]" }))!;
        Assert.Equal(0, future["count"]!.GetValue<int>());

        var formats = (await Ckan().CallActionAsync("package_search", new Dictionary<string, object> { ["fq"] = "res_format:JSON tags:行政处罚" }))!;
        Assert.Contains(Penalties, formats["results"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Organizations_groups_tags_and_resources_answer_like_CKAN()
    {
        var names = (await Ckan().CallActionAsync("organization_list"))!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Contains("myscjgj", names);
        var full = (await Ckan().CallActionAsync("organization_list", new { all_fields = true }))!.AsArray();
        var market = full.Single(o => o!["name"]!.GetValue<string>() == "myscjgj")!;
        Assert.Equal("绵阳市市场监督管理局", market["title"]!.GetValue<string>());
        Assert.True(market["package_count"]!.GetValue<int>() >= 2);
        Assert.True(market["is_organization"]!.GetValue<bool>());

        var shown = (await Ckan().CallActionAsync("organization_show", new { id = "myscjgj" }))!;
        Assert.Contains(Penalties, shown["packages"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));

        var groups = (await Ckan().CallActionAsync("group_list", new { all_fields = true }))!.AsArray();
        Assert.Contains(groups, g => g!["name"]!.GetValue<string>() == "credit" && g["title"]!.GetValue<string>() == "信用服务");

        var tags = (await Ckan().CallActionAsync("tag_list"))!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        Assert.Contains("行政处罚", tags);
        Assert.Equal(["行政处罚"], (await Ckan().CallActionAsync("tag_list", new { query = "处罚" }))!.AsArray().Select(t => t!.GetValue<string>()));

        var package = (await Ckan().CallActionAsync("package_show", new { id = Penalties }))!;
        var resourceId = package["resources"]![1]!["id"]!.GetValue<string>();
        var resource = (await Ckan().CallActionAsync("resource_show", new { id = resourceId }))!;
        Assert.Equal("JSON", resource["format"]!.GetValue<string>());
        Assert.Equal(package["id"]!.GetValue<string>(), resource["package_id"]!.GetValue<string>());

        var current = (await Ckan().CallActionAsync("current_package_list_with_resources", new { limit = 3 }))!.AsArray();
        Assert.Equal(3, current.Count);
        Assert.All(current, p => Assert.Equal(4, p!["resources"]!.AsArray().Count)); // CSV, JSON, XLSX, data dictionary
    }

    [Fact]
    public async Task Errors_come_in_CKAN_shape_with_CKAN_statuses()
    {
        var notFound = await Assert.ThrowsAsync<CkanApiException>(() => Ckan().CallActionAsync("package_show", new { id = "no-such-dataset" }));
        Assert.Equal(("Not Found Error", 404), (notFound.Type, notFound.Status));
        Assert.Equal("Not found", notFound.Error["message"]!.GetValue<string>());

        var missing = await Assert.ThrowsAsync<CkanApiException>(() => Ckan().CallActionAsync("package_show"));
        Assert.Equal(("Validation Error", 409), (missing.Type, missing.Status));
        Assert.Equal("Missing value", missing.Error["id"]![0]!.GetValue<string>());

        var unknownAction = await Assert.ThrowsAsync<CkanApiException>(() => Ckan().CallActionAsync("package_explode"));
        Assert.Equal(400, unknownAction.Status);
        Assert.Contains("Action name not known: package_explode", unknownAction.Error["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var badParameter = await Assert.ThrowsAsync<CkanApiException>(() => Ckan().CallActionAsync("package_search", new { colour = "red" }));
        Assert.Equal(("Search Error", 409), (badParameter.Type, badParameter.Status));

        var badQuery = await Assert.ThrowsAsync<CkanApiException>(() => Ckan().CallActionAsync("package_search", new { q = "title:\"unclosed" }));
        Assert.Equal(("Search Query Error", 400), (badQuery.Type, badQuery.Status));

        var badRows = await Assert.ThrowsAsync<CkanApiException>(() => Ckan().CallActionAsync("package_search", new { rows = "many" }));
        Assert.Equal(("Validation Error", 409), (badRows.Type, badRows.Status));

        using var client = factory.CreateClient();
        using var broken = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/3/action/package_list", UriKind.Relative), broken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False(body["success"]!.GetValue<bool>());
        Assert.EndsWith("help_show?name=package_list", body["help"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_versioned_path_answers_GET_with_the_envelope()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/api/3/action/package_search?q=*:*&rows=1&facet.field=[\"groups\"]", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.True(body["success"]!.GetValue<bool>());
        Assert.Single(body["result"]!["results"]!.AsArray());
        Assert.NotNull(body["result"]!["facets"]!["groups"]!["credit"]);
    }

    [Fact]
    public async Task The_DCAT_catalogue_parses_as_Turtle_JSON_LD_and_RDF_XML_with_one_dataset_per_package()
    {
        using var client = factory.CreateClient();
        var names = (await Ckan().CallActionAsync("package_list"))!.AsArray().Count;
        var turtle = await client.GetStringAsync(new Uri("/catalog.ttl", UriKind.Relative));
        var triples = TurtleReader.Parse(turtle);
        const string Type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
        var datasets = triples.Where(t => t.Predicate == Type && t.Value.Value == "http://www.w3.org/ns/dcat#Dataset").Select(t => t.Subject).ToList();
        Assert.Equal(names, datasets.Count);
        Assert.Single(triples, t => t.Predicate == Type && t.Value.Value == "http://www.w3.org/ns/dcat#Catalog");

        var package = (await Ckan().CallActionAsync("package_show", new { id = Penalties }))!;
        var uri = datasets.Single(d => d.EndsWith(package["id"]!.GetValue<string>(), StringComparison.Ordinal));
        var about = triples.Where(t => t.Subject == uri).ToList();
        Assert.Contains(about, t => t.Predicate == "http://purl.org/dc/terms/title" && t.Value.Value == package["title"]!.GetValue<string>());
        Assert.Contains(about, t => t.Predicate == "http://purl.org/dc/terms/publisher");
        Assert.Contains(about, t => t.Predicate == "http://purl.org/dc/terms/modified" && t.Value.Datatype == "http://www.w3.org/2001/XMLSchema#dateTime");
        Assert.Contains(about, t => t.Predicate == "http://www.w3.org/ns/dcat#theme");
        var distributions = about.Where(t => t.Predicate == "http://www.w3.org/ns/dcat#distribution").Select(t => t.Value.Value).ToList();
        Assert.Equal(4, distributions.Count); // CSV, JSON, XLSX and the data dictionary
        Assert.Contains(about, t => t.Predicate == "http://purl.org/dc/terms/accrualPeriodicity" && t.Value.Value.EndsWith("/UPDATE_CONT", StringComparison.Ordinal));
        var csv = triples.Where(t => distributions.Contains(t.Subject)).ToList();
        Assert.Contains(csv, t => t.Predicate == "http://www.w3.org/ns/dcat#mediaType" && t.Value.Value.EndsWith("/text/csv", StringComparison.Ordinal));
        Assert.Contains(csv, t => t.Predicate == "http://www.w3.org/ns/dcat#mediaType" && t.Value.Value.EndsWith("/application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", StringComparison.Ordinal));
        var download = csv.First(t => t.Predicate == "http://www.w3.org/ns/dcat#downloadURL").Value.Value;
        using var file = await client.GetAsync(new Uri(new Uri(download).PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);

        var expected = triples.Select(TurtleReader.Key).ToHashSet();
        Assert.Equal(expected, TurtleReader.JsonLdTriples(await client.GetStringAsync(new Uri("/catalog.jsonld", UriKind.Relative))));
        Assert.Equal(expected, TurtleReader.RdfXmlTriples(await client.GetStringAsync(new Uri("/catalog.rdf", UriKind.Relative))));

        var one = TurtleReader.Parse(await client.GetStringAsync(new Uri($"/dataset/{package["id"]!.GetValue<string>()}.ttl", UriKind.Relative)));
        Assert.Single(one, t => t.Predicate == Type && t.Value.Value == "http://www.w3.org/ns/dcat#Dataset");
    }

    [Fact]
    public async Task The_portal_lists_datasets_and_shows_one_with_its_downloads_and_dictionary()
    {
        using var client = factory.CreateClient();
        var list = await client.GetStringAsync(new Uri("/data?body=myscjgj", UriKind.Relative));
        Assert.Contains("绵阳市市场监督管理局行政处罚", list, StringComparison.Ordinal);
        Assert.DoesNotContain("绵阳市生态环境局环境监测数据", list, StringComparison.Ordinal);

        var page = await client.GetStringAsync(new Uri($"/data/{Penalties}", UriKind.Relative));
        Assert.Contains("数据字典", page, StringComparison.Ordinal);
        Assert.Contains("/download/administrative-penalty-myscjgj.csv", page, StringComparison.Ordinal);
        Assert.Contains("处罚决定书文号", page, StringComparison.Ordinal);

        using var missing = await client.GetAsync(new Uri("/data/no-such-dataset", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_construction_project_page_shows_its_stages_as_a_timeline()
    {
        using var client = factory.CreateClient();
        var records = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/v1/records/construction-project?body=myfgw&size=100", UriKind.Relative)))!;
        var first = records["items"]!.AsArray().First(i => i!["fields"]!["stage"]!.GetValue<string>() == "批准服务")!;

        var page = await client.GetStringAsync(new Uri($"/data/records/{first["id"]!.GetValue<long>()}", UriKind.Relative));

        Assert.Contains("项目进展", page, StringComparison.Ordinal);
        Assert.Contains("竣工验收", page, StringComparison.Ordinal);
        Assert.Contains("尚未公开", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_types_are_listed_with_their_schemas()
    {
        var types = JsonNode.Parse(await factory.CreateClient().GetStringAsync(new Uri("/api/v1/record-types", UriKind.Relative)))!.AsArray();

        var penalty = types.Single(t => t!["key"]!.GetValue<string>() == "administrative-penalty")!;
        Assert.Equal(7, penalty["schema"]!["publishWithinWorkingDays"]!.GetValue<int>());
        Assert.Contains(penalty["schema"]!["fields"]!.AsArray(), f => f!["type"]!.GetValue<string>() == "credit-code");
    }
}
