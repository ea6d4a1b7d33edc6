using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Gongkai.OpenData.Dcat;

/// <summary>An RDF term in object position: an IRI or a literal (with a datatype IRI or a language tag).</summary>
public sealed record RdfTerm(string Value, bool IsIri, string? Datatype = null, string? Language = null)
{
    public static RdfTerm Iri(string iri) => new(iri, true);

    public static RdfTerm Text(string text, string? language = null) => new(text, false, null, language);

    public static RdfTerm Typed(string text, string datatype) => new(text, false, datatype);
}

public sealed record RdfTriple(string Subject, string Predicate, RdfTerm Value);

/// <summary>
/// A small RDF graph (IRIs as subjects, no blank nodes) written as Turtle, JSON-LD (expanded form: full IRIs, no
/// remote context to fetch) and RDF/XML — the three serialisations DCAT harvesters read.
/// </summary>
public sealed class RdfGraph
{
    public static IReadOnlyDictionary<string, string> Prefixes { get; } = new Dictionary<string, string>
    {
        ["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        ["dcat"] = "http://www.w3.org/ns/dcat#",
        ["dct"] = "http://purl.org/dc/terms/",
        ["foaf"] = "http://xmlns.com/foaf/0.1/",
        ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
        ["owl"] = "http://www.w3.org/2002/07/owl#",
        ["hydra"] = "http://www.w3.org/ns/hydra/core#",
    };

    private readonly List<RdfTriple> _triples = [];

    public IReadOnlyList<RdfTriple> Triples => _triples;

    public static string Expand(string curie)
    {
        ArgumentNullException.ThrowIfNull(curie);
        var colon = curie.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Prefixes.TryGetValue(curie[..colon], out var ns) ? ns + curie[(colon + 1)..] : curie;
    }

    public RdfGraph Add(string subject, string predicate, RdfTerm value)
    {
        ArgumentNullException.ThrowIfNull(value);
        // IRIs are stored percent-encoded where Turtle forbids a character, so every serialisation writes the same IRI.
        var term = value.IsIri ? value with { Value = EscapeIri(Expand(value.Value)) }
            : value.Datatype is { } datatype ? value with { Datatype = Expand(datatype) }
            : value;
        _triples.Add(new RdfTriple(EscapeIri(subject), Expand(predicate), term));
        return this;
    }

    public string ToTurtle()
    {
        var text = new StringBuilder();
        foreach (var (prefix, ns) in Prefixes)
        {
            text.Append("@prefix ").Append(prefix).Append(": <").Append(ns).Append("> .\n");
        }

        foreach (var subject in _triples.GroupBy(t => t.Subject))
        {
            text.Append('\n').Append('<').Append(EscapeIri(subject.Key)).Append('>');
            var first = true;
            foreach (var triple in subject)
            {
                text.Append(first ? "\n    " : " ;\n    ");
                first = false;
                text.Append(Compact(triple.Predicate)).Append(' ').Append(TurtleTerm(triple.Value));
            }

            text.Append(" .\n");
        }

        return text.ToString();
    }

    public string ToJsonLd()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var subject in _triples.GroupBy(t => t.Subject))
            {
                json.WriteStartObject();
                json.WriteString("@id", subject.Key);
                var types = subject.Where(t => t.Predicate == Expand("rdf:type")).ToList();
                if (types.Count > 0)
                {
                    json.WriteStartArray("@type");
                    types.ForEach(t => json.WriteStringValue(t.Value.Value));
                    json.WriteEndArray();
                }

                foreach (var predicate in subject.Where(t => t.Predicate != Expand("rdf:type")).GroupBy(t => t.Predicate))
                {
                    json.WriteStartArray(predicate.Key);
                    foreach (var triple in predicate)
                    {
                        json.WriteStartObject();
                        if (triple.Value.IsIri)
                        {
                            json.WriteString("@id", triple.Value.Value);
                        }
                        else
                        {
                            json.WriteString("@value", triple.Value.Value);
                            if (triple.Value.Datatype is { } datatype)
                            {
                                json.WriteString("@type", datatype);
                            }

                            if (triple.Value.Language is { } language)
                            {
                                json.WriteString("@language", language);
                            }
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public string ToRdfXml()
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            var rdf = Prefixes["rdf"];
            xml.WriteStartElement("rdf", "RDF", rdf);
            foreach (var (prefix, ns) in Prefixes.Where(p => p.Key != "rdf"))
            {
                xml.WriteAttributeString("xmlns", prefix, null, ns);
            }

            foreach (var subject in _triples.GroupBy(t => t.Subject))
            {
                xml.WriteStartElement("rdf", "Description", rdf);
                xml.WriteAttributeString("rdf", "about", rdf, subject.Key);
                foreach (var triple in subject)
                {
                    var (ns, local) = Split(triple.Predicate);
                    xml.WriteStartElement(local, ns);
                    if (triple.Value.IsIri)
                    {
                        xml.WriteAttributeString("rdf", "resource", rdf, triple.Value.Value);
                    }
                    else
                    {
                        if (triple.Value.Datatype is { } datatype)
                        {
                            xml.WriteAttributeString("rdf", "datatype", rdf, datatype);
                        }

                        if (triple.Value.Language is { } language)
                        {
                            xml.WriteAttributeString("xml", "lang", null, language);
                        }

                        xml.WriteString(triple.Value.Value);
                    }

                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static (string Namespace, string Local) Split(string iri)
    {
        var cut = Math.Max(iri.LastIndexOf('#'), iri.LastIndexOf('/')) + 1;
        return (iri[..cut], iri[cut..]);
    }

    private static string Compact(string iri)
    {
        if (iri == Expand("rdf:type"))
        {
            return "a";
        }

        foreach (var (prefix, ns) in Prefixes)
        {
            if (iri.StartsWith(ns, StringComparison.Ordinal) && iri[ns.Length..].All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return prefix + ":" + iri[ns.Length..];
            }
        }

        return "<" + EscapeIri(iri) + ">";
    }

    private static string TurtleTerm(RdfTerm term)
    {
        if (term.IsIri)
        {
            return Compact(term.Value);
        }

        var literal = "\"" + EscapeString(term.Value) + "\"";
        return term.Datatype is { } datatype ? literal + "^^" + Compact(datatype)
            : term.Language is { } language ? literal + "@" + language
            : literal;
    }

    private static string EscapeString(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }

    /// <summary>IRIs are built from our own names and URLs; percent-encode the few characters Turtle forbids in them.</summary>
    private static string EscapeIri(string iri)
    {
        var text = new StringBuilder(iri.Length);
        foreach (var c in iri)
        {
            if (c <= ' ' || "<>\"{}|^`\\".Contains(c, StringComparison.Ordinal))
            {
                text.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
