using System.Globalization;
using System.Text;
using Gongkai.Search.Analysis;
using System.Runtime.InteropServices;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Gongkai.Platform.Time;

namespace Gongkai.Search.Indexing;

/// <summary>
/// What the index knows of one public document: the projection from the database (or, in tests, from the law
/// corpus). <see cref="Attachments"/> holds the extracted text of its attachments; it is indexed with the lowest
/// weight and filled by the projection (empty until attachment text extraction exists).
/// </summary>
public sealed record SearchDocument(
    string IndexNo,
    string Title,
    string? DocNumber,
    string BodyCode,
    string BodyName,
    IReadOnlyList<string> CoIssuerCodes,
    string DocumentType,
    string Subject,
    DateTimeOffset PublishedAt,
    string Validity,
    bool IsCurrentlyValid,
    string Text,
    IReadOnlyList<string> Attachments,
    string Url)
{
    /// <summary>A law-library document (<see cref="Publishing.DocumentKind.Reference"/>): shown under its issuer, never a body's.</summary>
    public bool IsReference { get; init; }

    /// <summary>制定机关, 效力级别, 地域 and 时效性 of a reference document ("" when unknown or not one).</summary>
    public string Issuer { get; init; } = "";

    public string Level { get; init; } = "";

    public string Region { get; init; } = "";

    public string LegalStatus { get; init; } = "";

    /// <summary>A published record (记录) or file dataset (数据) of the open-data portal: <see cref="DocumentType"/> says
    /// which, <see cref="Subject"/> holds its record type or theme, and it has no validity.</summary>
    public bool IsOpenData { get; init; }
}

/// <summary>Index field names and the mapping of a <see cref="SearchDocument"/> to a Lucene document.</summary>
public static class SearchFields
{
    public const string Id = "id";
    public const string Title = "title";
    public const string Body = "body";

    /// <summary>The body text for snippets, as UTF-16 binary doc values rather than a stored field: reading a stored
    /// 17 KB body means decompressing it, which cost more than the rest of a query (docs/PERFORMANCE.md, Search).</summary>
    public const string BodyText = "body_text";
    public const string Attachments = "attachments";
    public const string DocNumber = "docnumber";
    public const string DocNumberText = "docnumber_text";
    public const string Bodies = "bodies";
    public const string BodyCode = "body_code";
    public const string BodyName = "body_name";
    public const string Type = "type";
    public const string Subject = "subject";
    public const string Year = "year";
    public const string Validity = "validity";
    public const string ValidityRank = "validity_rank";
    public const string Published = "published";
    public const string Url = "url";

    /// <summary>The title as one exact term (folded, without 中华人民共和国, spaces and brackets): exact titles and short
    /// names (劳动合同法) match it whole.</summary>
    public const string TitleKey = "title_key";

    /// <summary>效力级别, 地域 (facet and prior), 时效性 rank (0 in force, 1 amended/not yet, 2 repealed) of reference documents.</summary>
    public const string Level = "level";
    public const string Region = "region";
    public const string Issuer = "issuer";
    public const string LegalRank = "legal_rank";

    /// <summary>Per mille: how much a document's own rank says it binds (the authority prior, <see cref="Querying.RankingPrior"/>).</summary>
    public const string Authority = "authority";

    /// <summary>The authority of a document of level <paramref name="level"/>: a law above its regulations and rules;
    /// a library text of unknown level (a guide, a standard) below all of them; the site's own documents 1.</summary>
    public static int AuthorityOf(bool reference, string level) => !reference ? 1000 : level switch
    {
        "宪法" or "法律" => 1000,
        "行政法规" => 950,
        "部门规章" => 900,
        "地方性法规" or "地方政府规章" => 1000,
        "" => 600,
        _ => 900,
    };
    public const string Kind = "kind";

    /// <summary>The authority of an open-data record or dataset: below the site's documents, so a document and a record
    /// matching a query equally well list the document first (citizens searching the site mostly look for documents).</summary>
    public const int OpenDataAuthority = 700;

    /// <summary>What a result shows, as one binary doc value per document (<see cref="HitRecord"/>): reading it is a
    /// seek and a copy of ~200 bytes, where stored fields decompress a 16 KB block per hit (docs/PERFORMANCE.md, Search).</summary>
    public const string Hit = "hit";

    /// <summary>Facet fields carry doc values; the body facet stores "code\u001Fname" so counts can show names.</summary>
    public const string FacetSeparator = "\u001F";

    public static string FacetField(string name) => "f_" + name;

    /// <summary>The stored fields a result showed in an index written before <see cref="Hit"/> existed (read only as a fallback).</summary>
    public static readonly ISet<string> HitFields = new HashSet<string>(StringComparer.Ordinal)
    {
        Id, Title, Url, DocNumberText, BodyCode, BodyName, Type, Published, Validity,
    };

    /// <summary>Reads a document's body text (kept for snippets) into <paramref name="bytes"/>; false for an index written
    /// before it existed (<paramref name="values"/> null). <see cref="BodyChars"/> views the bytes as text without copying.</summary>
    public static bool TryReadBodyText(BinaryDocValues? values, int doc, BytesRef bytes)
    {
        if (values is null)
        {
            return false;
        }

        values.Get(doc, bytes);
        return true;
    }

    /// <summary>The UTF-16 text in bytes written by <see cref="ToLucene"/> (native byte order: the index is this node's own).</summary>
    public static ReadOnlySpan<char> BodyChars(BytesRef bytes) => MemoryMarshal.Cast<byte, char>(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));

    public static readonly string[] FacetNames = ["body", "type", "subject", "year", "validity", "level", "region"];

    /// <summary>A title as <see cref="TitleKey"/> holds it; queries are keyed the same way.</summary>
    public static string TitleKeyOf(string title)
    {
        var folded = TextFolding.Fold(title).Replace("中华人民共和国", "", StringComparison.Ordinal);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }


    public static Document ToLucene(SearchDocument source)
    {
        var year = ChinaTime.DateOf(source.PublishedAt).Year.ToString(CultureInfo.InvariantCulture);
        // Nothing is stored: what a result shows comes from doc values (hit, published, body_text).
        var document = new Document
        {
            new StringField(Id, source.IndexNo, Field.Store.NO),
            new TextField(Title, source.Title, Field.Store.NO),
            new TextField(Body, source.Text, Field.Store.NO),
            new BinaryDocValuesField(BodyText, new BytesRef(MemoryMarshal.AsBytes(source.Text.AsSpan()).ToArray())),
            new BinaryDocValuesField(Hit, new BytesRef(HitRecord.Encode(source))),
            new StringField(BodyCode, source.BodyCode, Field.Store.NO),
            new StringField(Type, source.DocumentType, Field.Store.NO),
            new StringField(Subject, source.Subject, Field.Store.NO),
            new StringField(Year, year, Field.Store.NO),
            new StringField(Validity, source.Validity, Field.Store.NO),
            new NumericDocValuesField(ValidityRank, source.IsCurrentlyValid ? 0 : 1),
            new NumericDocValuesField(Published, source.PublishedAt.ToUnixTimeSeconds()),
            new SortedDocValuesField(FacetField("type"), new BytesRef(source.DocumentType)),
            new SortedDocValuesField(FacetField("subject"), new BytesRef(source.Subject)),
            new SortedDocValuesField(FacetField("year"), new BytesRef(year)),
            new StringField(TitleKey, TitleKeyOf(source.Title), Field.Store.NO),
            new StringField(Kind, source.IsReference ? "reference" : source.IsOpenData ? "data" : "own", Field.Store.NO),
            new StringField(Level, source.Level, Field.Store.NO),
            new StringField(Region, source.Region, Field.Store.NO),
            new StringField(Issuer, source.Issuer, Field.Store.NO),
            new NumericDocValuesField(Authority, source.IsOpenData ? OpenDataAuthority : AuthorityOf(source.IsReference, source.Level)),
            new NumericDocValuesField(LegalRank, source.LegalStatus switch { "已废止" => 2, "已修改" or "尚未生效" => 1, _ => 0 }),
        };
        // Facets only for what a document has: a reference document belongs to no body of the site, a record or a
        // dataset has no validity.
        if (source.Validity.Length > 0)
        {
            document.Add(new SortedDocValuesField(FacetField("validity"), new BytesRef(source.Validity)));
        }

        if (source.BodyCode.Length > 0)
        {
            document.Add(new SortedDocValuesField(FacetField("body"), new BytesRef(source.BodyCode + FacetSeparator + source.BodyName)));
        }

        if (source.Level.Length > 0)
        {
            document.Add(new SortedDocValuesField(FacetField("level"), new BytesRef(source.Level)));
        }

        if (source.Region.Length > 0)
        {
            document.Add(new SortedDocValuesField(FacetField("region"), new BytesRef(source.Region)));
        }

        foreach (var code in source.CoIssuerCodes.Prepend(source.BodyCode).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(Bodies, code, Field.Store.NO));
        }

        if (source.DocNumber is { Length: > 0 } docNumber)
        {
            document.Add(new StringField(DocNumber, DocNumberForm.Normalise(docNumber), Field.Store.NO));
        }

        foreach (var text in source.Attachments)
        {
            document.Add(new TextField(Attachments, text, Field.Store.NO));
        }

        return document;
    }
}

/// <summary>
/// The fields a result shows, packed for <see cref="SearchFields.Hit"/>: UTF-8, separated by U+001F (removed from the
/// values, where it has no business anyway). The publication time comes from the <c>published</c> doc values.
/// </summary>
public sealed record HitRecord(string IndexNo, string Title, string Url, string? DocNumber, string BodyCode, string BodyName, string DocumentType, string Validity,
    string Issuer = "", string Level = "", string Region = "", string LegalStatus = "")
{
    private const byte Separator = 0x1F;
    private const int FieldCount = 12;

    /// <summary>Records written before the library fields existed have the first eight fields only.</summary>
    private const int OldFieldCount = 8;

    public static byte[] Encode(SearchDocument source) => Encoding.UTF8.GetBytes(string.Join('\u001F',
        new[] { source.IndexNo, source.Title, source.Url, source.DocNumber ?? "", source.BodyCode, source.BodyName, source.DocumentType, source.Validity,
                source.Issuer, source.Level, source.Region, source.LegalStatus }
            .Select(v => v.Replace('\u001F', ' '))));

    /// <summary>Reads the record from its bytes; null when they are not one (never written by <see cref="Encode"/>).</summary>
    public static HitRecord? Decode(ReadOnlySpan<byte> bytes)
    {
        var values = new string[FieldCount];
        var count = 0;
        while (true)
        {
            if (count == FieldCount)
            {
                return null;
            }

            var end = bytes.IndexOf(Separator);
            values[count++] = Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
            if (end < 0)
            {
                break;
            }

            bytes = bytes[(end + 1)..];
        }

        if (count != FieldCount && count != OldFieldCount)
        {
            return null;
        }

        return new HitRecord(values[0], values[1], values[2], values[3].Length == 0 ? null : values[3], values[4], values[5], values[6], values[7],
            values[8] ?? "", values[9] ?? "", values[10] ?? "", values[11] ?? "");
    }
}
