using System.Globalization;
using Gongkai.OpenData.Ckan;
using Gongkai.OpenData.Rules;
using Gongkai.Platform;
using Microsoft.Extensions.Options;

namespace Gongkai.OpenData.Dcat;

/// <summary>
/// The catalogue in DCAT (v3 / DCAT-AP terms) at <c>/catalog.ttl</c>, <c>/catalog.jsonld</c>, <c>/catalog.rdf</c>
/// (and <c>.xml</c>), 100 datasets a page with Hydra paging, and one dataset at <c>/dataset/{id}.ttl|jsonld|rdf</c>:
/// one <c>dcat:Dataset</c> per CKAN package (the same id, title, notes, tags, organisation and resources), each
/// resource a <c>dcat:Distribution</c> with <c>dcat:downloadURL</c> and <c>dcat:mediaType</c>.
/// </summary>
internal static class DcatCatalog
{
    public const int PageSize = 100;

    private const string MediaTypes = "http://www.iana.org/assignments/media-types/";

    public static void MapDcat(this WebApplication app)
    {
        foreach (var extension in new[] { "ttl", "jsonld", "rdf", "xml" })
        {
            app.MapGet("/catalog." + extension, async (int? page, HttpContext http, OpenDataCatalog catalog, IOptions<GongkaiOptions> options, CancellationToken cancellationToken) =>
            {
                var pageNumber = page ?? 1;
                if (pageNumber < 1)
                {
                    return Results.Problem(title: "参数超出范围", detail: "page 应不小于 1。", statusCode: 400);
                }

                var baseUrl = BaseUrl(http);
                var datasets = await catalog.ListDatasetsAsync(cancellationToken);
                var graph = Catalogue(datasets, pageNumber, baseUrl, options.Value.Site, extension);
                return Serialise(graph, extension);
            }).WithSummary("数据开放目录（DCAT）").WithTags("数据开放");

            app.MapGet("/dataset/{id}." + extension, async (string id, HttpContext http, OpenDataCatalog catalog, CancellationToken cancellationToken) =>
            {
                var dataset = await catalog.FindDatasetAsync(id, cancellationToken);
                if (dataset is null)
                {
                    return Results.Problem(title: "数据集不存在", detail: $"没有“{id}”这个数据集。", statusCode: 404);
                }

                var graph = new RdfGraph();
                AddDataset(graph, dataset, BaseUrl(http));
                return Serialise(graph, extension);
            }).WithSummary("一个数据集的 DCAT 描述").WithTags("数据开放");
        }
    }

    public static string DatasetUri(string baseUrl, DatasetView view) => $"{baseUrl}/dataset/{view.Dataset.Id:D}";

    public static RdfGraph Catalogue(IReadOnlyList<DatasetView> datasets, int page, string baseUrl, SiteIdentity site, string extension)
    {
        var graph = new RdfGraph();
        var catalogue = baseUrl + "/catalog";
        graph.Add(catalogue, "rdf:type", RdfTerm.Iri("dcat:Catalog"))
            .Add(catalogue, "dct:title", RdfTerm.Text(site.Name + "数据开放目录", "zh"))
            .Add(catalogue, "dct:description", RdfTerm.Text(site.Description, "zh"))
            .Add(catalogue, "dct:language", RdfTerm.Iri("http://publications.europa.eu/resource/authority/language/ZHO"))
            .Add(catalogue, "foaf:homepage", RdfTerm.Iri(baseUrl + "/data"))
            .Add(catalogue, "dct:publisher", RdfTerm.Iri(baseUrl + "/#publisher"));
        graph.Add(baseUrl + "/#publisher", "rdf:type", RdfTerm.Iri("foaf:Organization"))
            .Add(baseUrl + "/#publisher", "foaf:name", RdfTerm.Text(site.Name, "zh"));
        if (datasets.Count > 0)
        {
            graph.Add(catalogue, "dct:modified", DateTime(datasets.Max(d => d.Dataset.ModifiedAt)));
        }

        var ordered = datasets.OrderByDescending(d => d.Dataset.ModifiedAt).ThenBy(d => d.Dataset.Name, StringComparer.Ordinal).ToList();
        var pages = Math.Max(1, (ordered.Count + PageSize - 1) / PageSize);
        foreach (var dataset in ordered.Skip((page - 1) * PageSize).Take(PageSize))
        {
            graph.Add(catalogue, "dcat:dataset", RdfTerm.Iri(DatasetUri(baseUrl, dataset)));
            AddDataset(graph, dataset, baseUrl);
        }

        if (pages > 1)
        {
            var self = $"{baseUrl}/catalog.{extension}?page={page}";
            string PageUrl(int n) => $"{baseUrl}/catalog.{extension}?page={n}";
            graph.Add(self, "rdf:type", RdfTerm.Iri("hydra:PagedCollection"))
                .Add(self, "hydra:totalItems", RdfTerm.Typed(ordered.Count.ToString(CultureInfo.InvariantCulture), "xsd:integer"))
                .Add(self, "hydra:itemsPerPage", RdfTerm.Typed(PageSize.ToString(CultureInfo.InvariantCulture), "xsd:integer"))
                .Add(self, "hydra:firstPage", RdfTerm.Text(PageUrl(1)))
                .Add(self, "hydra:lastPage", RdfTerm.Text(PageUrl(pages)));
            if (page < pages)
            {
                graph.Add(self, "hydra:nextPage", RdfTerm.Text(PageUrl(page + 1)));
            }

            if (page > 1)
            {
                graph.Add(self, "hydra:previousPage", RdfTerm.Text(PageUrl(page - 1)));
            }
        }

        return graph;
    }

    public static void AddDataset(RdfGraph graph, DatasetView view, string baseUrl)
    {
        var d = view.Dataset;
        var uri = DatasetUri(baseUrl, view);
        var publisher = $"{baseUrl}/bodies/{view.Body.Code}";
        graph.Add(uri, "rdf:type", RdfTerm.Iri("dcat:Dataset"))
            .Add(uri, "dct:identifier", RdfTerm.Text(d.Id.ToString("D")))
            .Add(uri, "dct:title", RdfTerm.Text(d.Title, "zh"))
            .Add(uri, "dct:description", RdfTerm.Text(d.Notes, "zh"))
            .Add(uri, "dcat:landingPage", RdfTerm.Iri($"{baseUrl}/data/{d.Name}"))
            .Add(uri, "dct:issued", DateTime(d.CreatedAt))
            .Add(uri, "dct:modified", DateTime(d.ModifiedAt))
            .Add(uri, "owl:versionInfo", RdfTerm.Text(view.Type.Version.ToString(CultureInfo.InvariantCulture)))
            .Add(uri, "dct:publisher", RdfTerm.Iri(publisher))
            .Add(uri, "dct:license", RdfTerm.Iri(CkanJson.Licence(d.LicenceId).Url))
            .Add(uri, "dcat:contactPoint", RdfTerm.Iri(publisher + "#contact"));
        if (d.Theme.Length > 0)
        {
            graph.Add(uri, "dcat:theme", RdfTerm.Iri($"{baseUrl}/data?theme={Uri.EscapeDataString(d.Theme)}"));
        }

        foreach (var tag in view.Tags)
        {
            graph.Add(uri, "dcat:keyword", RdfTerm.Text(tag, "zh"));
        }

        if (UpdateFrequency.DcatCode(d.UpdateFrequency) is { } frequency)
        {
            graph.Add(uri, "dct:accrualPeriodicity", RdfTerm.Iri("http://publications.europa.eu/resource/authority/frequency/" + frequency));
        }

        graph.Add(publisher, "rdf:type", RdfTerm.Iri("foaf:Organization"))
            .Add(publisher, "foaf:name", RdfTerm.Text(view.Body.Name, "zh"));
        graph.Add(publisher + "#contact", "rdf:type", RdfTerm.Iri("vcard:Organization"))
            .Add(publisher + "#contact", "vcard:fn", RdfTerm.Text(view.Body.Name, "zh"));
        if (view.Body.Email.Length > 0)
        {
            graph.Add(publisher + "#contact", "vcard:hasEmail", RdfTerm.Iri("mailto:" + view.Body.Email));
        }

        foreach (var resource in view.ResourceList)
        {
            var format = view.FormatOf(resource);
            var distribution = $"{uri}/resource/{view.ResourceId(resource):D}";
            var download = baseUrl + view.DownloadPath(resource);
            graph.Add(uri, "dcat:distribution", RdfTerm.Iri(distribution));
            graph.Add(distribution, "rdf:type", RdfTerm.Iri("dcat:Distribution"))
                .Add(distribution, "dct:title", RdfTerm.Text(view.ResourceTitle(resource), "zh"))
                .Add(distribution, "dcat:accessURL", RdfTerm.Iri(download))
                .Add(distribution, "dcat:downloadURL", RdfTerm.Iri(download))
                .Add(distribution, "dct:format", RdfTerm.Text(format))
                .Add(distribution, "dcat:mediaType", RdfTerm.Iri(MediaTypes + Downloads.MediaType(format)))
                .Add(distribution, "dct:modified", DateTime(d.ModifiedAt))
                .Add(distribution, "dct:license", RdfTerm.Iri(CkanJson.Licence(d.LicenceId).Url));
        }
    }

    private static RdfTerm DateTime(DateTimeOffset at) =>
        RdfTerm.Typed(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), "xsd:dateTime");

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static IResult Serialise(RdfGraph graph, string extension) => extension switch
    {
        "ttl" => Results.Text(graph.ToTurtle(), "text/turtle; charset=utf-8"),
        "jsonld" => Results.Text(graph.ToJsonLd(), "application/ld+json; charset=utf-8"),
        _ => Results.Text(graph.ToRdfXml(), "application/rdf+xml; charset=utf-8"),
    };
}
