using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Gongkai.OpenData.Dcat;

namespace Gongkai.UnitTests.OpenData;

/// <summary>
/// A strict reader for the Turtle subset harvesters meet in practice (W3C Turtle: @prefix, IRIs with \u and %
/// escapes left as is, prefixed names, <c>a</c>, predicate lists with <c>;</c>, object lists with <c>,</c>, string
/// literals with escapes, language tags and datatypes, numbers and booleans). It throws on anything else, so the
/// catalogue's output must be well-formed Turtle to pass. Test-only: no RDF library is available to the build.
/// </summary>
internal static class TurtleReader
{
    public static string Key(RdfTriple triple) =>
        $"{triple.Subject} {triple.Predicate} " + (triple.Value.IsIri ? $"<{triple.Value.Value}>" : LiteralKey(triple.Value.Value, triple.Value.Datatype, triple.Value.Language));

    public static string LiteralKey(string value, string? datatype, string? language) =>
        "\"" + value + "\"" + (datatype is not null ? "^^" + datatype : language is not null ? "@" + language : "");

    /// <summary>The triples of an expanded JSON-LD document (full IRIs, as the catalogue writes it), as keys.</summary>
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
                        : LiteralKey(value.GetProperty("@value").GetString()!,
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
                    : LiteralKey(property.InnerText, property.GetAttribute("datatype", Rdf) is { Length: > 0 } d ? d : null,
                        property.GetAttribute("xml:lang") is { Length: > 0 } l ? l : null)));
            }
        }

        return triples;
    }

    public static IReadOnlyList<RdfTriple> Parse(string text)
    {
        var reader = new Reader(text);
        return reader.Document();
    }

    private sealed class Reader(string text)
    {
        private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal);
        private readonly List<RdfTriple> _triples = [];
        private int _at;

        public List<RdfTriple> Document()
        {
            while (SkipSpace())
            {
                if (Peek("@prefix"))
                {
                    _at += 7;
                    SkipSpace();
                    var colon = text.IndexOf(':', _at);
                    var prefix = text[_at..colon].Trim();
                    _at = colon + 1;
                    SkipSpace();
                    _prefixes[prefix] = Iri();
                    SkipSpace();
                    Expect('.');
                    continue;
                }

                var subject = Subject();
                PredicateObjectList(subject);
                SkipSpace();
                Expect('.');
            }

            return _triples;
        }

        private string Subject() => text[_at] == '<' ? Iri() : PrefixedName();

        private void PredicateObjectList(string subject)
        {
            while (true)
            {
                SkipSpace();
                string predicate;
                if (text[_at] == 'a' && char.IsWhiteSpace(text[_at + 1]))
                {
                    _at++;
                    predicate = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
                }
                else
                {
                    predicate = text[_at] == '<' ? Iri() : PrefixedName();
                }

                while (true)
                {
                    SkipSpace();
                    _triples.Add(new RdfTriple(subject, predicate, Object()));
                    SkipSpace();
                    if (text[_at] != ',')
                    {
                        break;
                    }

                    _at++;
                }

                if (text[_at] != ';')
                {
                    return;
                }

                _at++;
                SkipSpace();
                if (text[_at] == '.')
                {
                    return;
                }
            }
        }

        private RdfTerm Object()
        {
            var c = text[_at];
            if (c == '<')
            {
                return RdfTerm.Iri(Iri());
            }

            if (c == '"')
            {
                var value = StringLiteral();
                if (text[_at] == '@')
                {
                    var start = ++_at;
                    while (_at < text.Length && (char.IsAsciiLetterOrDigit(text[_at]) || text[_at] == '-'))
                    {
                        _at++;
                    }

                    return RdfTerm.Text(value, text[start.._at]);
                }

                if (Peek("^^"))
                {
                    _at += 2;
                    return new RdfTerm(value, false, text[_at] == '<' ? Iri() : PrefixedName());
                }

                return RdfTerm.Text(value);
            }

            if (char.IsAsciiDigit(c) || c is '-' or '+')
            {
                var start = _at++;
                while (_at < text.Length && (char.IsAsciiDigit(text[_at]) || text[_at] == '.' && char.IsAsciiDigit(text[_at + 1])))
                {
                    _at++;
                }

                return new RdfTerm(text[start.._at], false, "http://www.w3.org/2001/XMLSchema#integer");
            }

            return RdfTerm.Iri(PrefixedName());
        }

        private string Iri()
        {
            Expect('<');
            var end = text.IndexOf('>', _at);
            var iri = text[_at..end];
            if (iri.Any(ch => ch <= ' ' || "<>\"{}|^`\\".Contains(ch, StringComparison.Ordinal)))
            {
                throw new FormatException($"Character not allowed in an IRI: <{iri}>");
            }

            _at = end + 1;
            return iri;
        }

        private string PrefixedName()
        {
            var start = _at;
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] is ':' or '_' or '-'))
            {
                _at++;
            }

            var name = text[start.._at];
            var colon = name.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || !_prefixes.TryGetValue(name[..colon], out var ns))
            {
                throw new FormatException($"Unknown prefixed name '{name}' at {start}.");
            }

            return ns + name[(colon + 1)..];
        }

        private string StringLiteral()
        {
            Expect('"');
            var value = new StringBuilder();
            while (text[_at] != '"')
            {
                var c = text[_at++];
                if (c is '\n' or '\r')
                {
                    throw new FormatException("Line break inside a short string literal.");
                }

                if (c != '\\')
                {
                    value.Append(c);
                    continue;
                }

                var escape = text[_at++];
                value.Append(escape switch
                {
                    'n' => "\n",
                    'r' => "\r",
                    't' => "\t",
                    '"' => "\"",
                    '\\' => "\\",
                    'u' => ((char)int.Parse(text.AsSpan(_at, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString(),
                    _ => throw new FormatException($"Unknown escape \\{escape}."),
                });
                if (escape == 'u')
                {
                    _at += 4;
                }
            }

            _at++;
            return value.ToString();
        }

        private bool Peek(string s) => string.CompareOrdinal(text, _at, s, 0, s.Length) == 0;

        private void Expect(char c)
        {
            if (_at >= text.Length || text[_at] != c)
            {
                throw new FormatException($"Expected '{c}' at {_at}, found '{(_at < text.Length ? text[_at] : ' ')}'.");
            }

            _at++;
        }

        private bool SkipSpace()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }

            return _at < text.Length;
        }
    }
}
