using System.Text.Json;
using System.Xml;
using Gongkai.OpenData.Dcat;

namespace Gongkai.UnitTests.OpenData;

public sealed class RdfGraphTests
{
    private static RdfGraph Sample()
    {
        var graph = new RdfGraph();
        graph.Add("https://example.gov.cn/dataset/1", "rdf:type", RdfTerm.Iri("dcat:Dataset"))
            .Add("https://example.gov.cn/dataset/1", "dct:title", RdfTerm.Text("行政处罚 \"双公示\"\n第二行", "zh"))
            .Add("https://example.gov.cn/dataset/1", "dct:modified", RdfTerm.Typed("2024-06-01T00:00:00Z", "xsd:dateTime"))
            .Add("https://example.gov.cn/dataset/1", "dcat:distribution", RdfTerm.Iri("https://example.gov.cn/dataset/1/resource/a"))
            .Add("https://example.gov.cn/dataset/1/resource/a", "dcat:downloadURL", RdfTerm.Iri("https://example.gov.cn/d/a b.csv"))
            .Add("https://example.gov.cn/dataset/1/resource/a", "dcat:mediaType", RdfTerm.Iri("http://www.iana.org/assignments/media-types/text/csv"));
        return graph;
    }

    [Fact]
    public void Turtle_JSON_LD_and_RDF_XML_hold_the_same_triples()
    {
        var graph = Sample();
        var expected = graph.Triples.Select(TurtleReader.Key).ToHashSet();

        Assert.Equal(expected, TurtleReader.Parse(graph.ToTurtle()).Select(TurtleReader.Key).ToHashSet());
        Assert.Equal(expected, JsonLdTriples(graph.ToJsonLd()));
        Assert.Equal(expected, RdfXmlTriples(graph.ToRdfXml()));
    }

    [Fact]
    public void Turtle_escapes_quotes_and_line_breaks_in_literals_and_spaces_in_IRIs()
    {
        var turtle = Sample().ToTurtle();

        Assert.Contains("\"行政处罚 \\\"双公示\\\"\\n第二行\"@zh", turtle, StringComparison.Ordinal);
        Assert.Contains("<https://example.gov.cn/d/a%20b.csv>", turtle, StringComparison.Ordinal);
    }

    internal static HashSet<string> JsonLdTriples(string json)
    {
        var triples = new HashSet<string>();
        using var document = JsonDocument.Parse(json);
        foreach (var node in document.RootElement.EnumerateArray())
        {
            var subject = node.GetProperty("@id").GetString()!;
            foreach (var property in node.EnumerateObject())
            {
                if (property.Name == "@id")
                {
                    continue;
                }

                if (property.Name == "@type")
                {
                    triples.UnionWith(property.Value.EnumerateArray().Select(t => $"{subject} {RdfGraph.Expand("rdf:type")} <{t.GetString()}>"));
                    continue;
                }

                foreach (var value in property.Value.EnumerateArray())
                {
                    triples.Add($"{subject} {property.Name} " + (value.TryGetProperty("@id", out var id)
                        ? $"<{id.GetString()}>"
                        : TurtleReader.LiteralKey(value.GetProperty("@value").GetString()!,
                            value.TryGetProperty("@type", out var type) ? type.GetString() : null,
                            value.TryGetProperty("@language", out var language) ? language.GetString() : null)));
                }
            }
        }

        return triples;
    }

    internal static HashSet<string> RdfXmlTriples(string xml)
    {
        const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
        var document = new XmlDocument();
        document.LoadXml(xml);
        var triples = new HashSet<string>();
        foreach (XmlElement description in document.DocumentElement!.ChildNodes.OfType<XmlElement>())
        {
            var subject = description.GetAttribute("about", Rdf);
            foreach (XmlElement property in description.ChildNodes.OfType<XmlElement>())
            {
                var predicate = property.NamespaceURI + property.LocalName;
                var resource = property.GetAttribute("resource", Rdf);
                triples.Add($"{subject} {predicate} " + (resource.Length > 0
                    ? $"<{resource}>"
                    : TurtleReader.LiteralKey(property.InnerText, property.GetAttribute("datatype", Rdf) is { Length: > 0 } d ? d : null,
                        property.GetAttribute("xml:lang") is { Length: > 0 } l ? l : null)));
            }
        }

        return triples;
    }
}
