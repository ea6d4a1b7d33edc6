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
        Assert.Equal(expected, TurtleReader.JsonLdTriples(graph.ToJsonLd()));
        Assert.Equal(expected, TurtleReader.RdfXmlTriples(graph.ToRdfXml()));
    }

    [Fact]
    public void Turtle_escapes_quotes_and_line_breaks_in_literals_and_spaces_in_IRIs()
    {
        var turtle = Sample().ToTurtle();
        Assert.Contains(Sample().Triples, t => t.Value.Value == "https://example.gov.cn/d/a%20b.csv");

        Assert.Contains("\"行政处罚 \\\"双公示\\\"\\n第二行\"@zh", turtle, StringComparison.Ordinal);
        Assert.Contains("<https://example.gov.cn/d/a%20b.csv>", turtle, StringComparison.Ordinal);
    }
}
