using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace Gongkai.Platform.Web;

/// <summary>Writes a syndication feed as an Atom 1.0 document for a UTF-8 response.</summary>
public static class AtomDocument
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static string Write(SyndicationFeed feed)
    {
        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = false }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        // StringBuilder output is declared utf-16; the response is UTF-8.
        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
