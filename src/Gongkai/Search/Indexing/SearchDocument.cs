using System.Globalization;
using Gongkai.Search.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Util;

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
    string Url);

/// <summary>Index field names and the mapping of a <see cref="SearchDocument"/> to a Lucene document.</summary>
public static class SearchFields
{
    public const string Id = "id";
    public const string Title = "title";
    public const string Body = "body";
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

    /// <summary>Facet fields carry doc values; the body facet stores "code\u001Fname" so counts can show names.</summary>
    public const string FacetSeparator = "\u001F";

    public static string FacetField(string name) => "f_" + name;

    public static readonly string[] FacetNames = ["body", "type", "subject", "year", "validity"];

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static int ChinaYear(DateTimeOffset at) => at.ToOffset(ChinaOffset).Year;

    public static DateOnly ChinaDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ChinaOffset).DateTime);

    public static Document ToLucene(SearchDocument source)
    {
        var year = ChinaYear(source.PublishedAt).ToString(CultureInfo.InvariantCulture);
        var document = new Document
        {
            new StringField(Id, source.IndexNo, Field.Store.YES),
            new TextField(Title, source.Title, Field.Store.YES),
            new TextField(Body, source.Text, Field.Store.YES),
            new StringField(BodyCode, source.BodyCode, Field.Store.YES),
            new StoredField(BodyName, source.BodyName),
            new StringField(Type, source.DocumentType, Field.Store.YES),
            new StringField(Subject, source.Subject, Field.Store.NO),
            new StringField(Year, year, Field.Store.NO),
            new StringField(Validity, source.Validity, Field.Store.YES),
            new StoredField(Url, source.Url),
            new NumericDocValuesField(ValidityRank, source.IsCurrentlyValid ? 0 : 1),
            new NumericDocValuesField(Published, source.PublishedAt.ToUnixTimeSeconds()),
            new StoredField(Published, source.PublishedAt.ToUnixTimeSeconds()),
            new SortedDocValuesField(FacetField("body"), new BytesRef(source.BodyCode + FacetSeparator + source.BodyName)),
            new SortedDocValuesField(FacetField("type"), new BytesRef(source.DocumentType)),
            new SortedDocValuesField(FacetField("subject"), new BytesRef(source.Subject)),
            new SortedDocValuesField(FacetField("year"), new BytesRef(year)),
            new SortedDocValuesField(FacetField("validity"), new BytesRef(source.Validity)),
        };
        foreach (var code in source.CoIssuerCodes.Prepend(source.BodyCode).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(Bodies, code, Field.Store.NO));
        }

        if (source.DocNumber is { Length: > 0 } docNumber)
        {
            document.Add(new StringField(DocNumber, DocNumberForm.Normalise(docNumber), Field.Store.NO));
            document.Add(new StoredField(DocNumberText, docNumber));
        }

        foreach (var text in source.Attachments)
        {
            document.Add(new TextField(Attachments, text, Field.Store.NO));
        }

        return document;
    }
}
