using System.Globalization;

namespace Gongkai.Transparency.Rules;

/// <summary>
/// What one leaf of the public log says: a published version of something (<see cref="Kind"/> <c>document</c>,
/// <c>interpretation</c>, <c>gazette</c>, <c>withdrawal</c>, <c>record</c>, <c>dataset</c>, <c>record-withdrawal</c>), identified by its 索引号 and version number, with its title, the SHA-256 of its public content, when that
/// version was published (UTC, milliseconds) and where it is shown (a path on the site, so the leaf does not change
/// with the site's host name).
/// </summary>
public sealed record LogEntryContent(string Kind, string IndexNo, int Version, string Title, string ContentSha256, DateTimeOffset PublishedAt, string Url)
{
    public const string DocumentKind = "document";

    /// <summary>A policy interpretation (政策解读); <see cref="IndexNo"/> is its number as in <c>/interpretations/{id}</c>.</summary>
    public const string InterpretationKind = "interpretation";

    /// <summary>A published gazette issue (政府公报); <see cref="IndexNo"/> is year-number, e.g. <c>2024-7</c>.</summary>
    public const string GazetteKind = "gazette";

    /// <summary>A document's withdrawal (撤回); <see cref="Version"/> is the version withdrawn, the hash covers the reason.</summary>
    public const string WithdrawalKind = "withdrawal";

    /// <summary>A published version of an open-data record (数据开放的记录); <see cref="IndexNo"/> is its number as in
    /// <c>/data/records/{id}</c>, the hash covers its type key and public (masked) fields.</summary>
    public const string RecordKind = "record";

    /// <summary>A published version of a staff-published file dataset; <see cref="IndexNo"/> is its CKAN name as in
    /// <c>/data/{name}</c>, the hash is the uploaded file's.</summary>
    public const string DatasetKind = "dataset";

    /// <summary>A record's withdrawal (撤回); <see cref="Version"/> is the version withdrawn, the hash covers the reason.</summary>
    public const string RecordWithdrawalKind = "record-withdrawal";

    /// <summary>How people name the thing a leaf records, in Chinese (for <c>log verify</c> and the entry page).</summary>
    public static string Describe(string kind, string indexNo, int version) => kind switch
    {
        InterpretationKind => $"政策解读 {indexNo}",
        GazetteKind => $"政府公报 {indexNo} 期",
        WithdrawalKind => $"索引号 {indexNo} 的撤回（第 {version} 版）",
        RecordKind => $"数据开放记录 {indexNo} 第 {version} 版",
        DatasetKind => $"数据集 {indexNo} 第 {version} 版",
        RecordWithdrawalKind => $"数据开放记录 {indexNo} 的撤回（第 {version} 版）",
        _ => $"索引号 {indexNo} 第 {version} 版",
    };

    /// <summary>ISO 8601 in UTC to the millisecond: both databases keep at least that much, so a version read back
    /// from either gives the same text.</summary>
    public string PublishedAtText => PublishedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>leaf_input</c>: the UTF-8 bytes of the RFC 8785 canonical JSON of the seven fields.</summary>
    public byte[] LeafInput() => CanonicalJson.Utf8(new Dictionary<string, object>
    {
        ["kind"] = Kind,
        ["indexNo"] = IndexNo,
        ["version"] = Version,
        ["title"] = Title,
        ["contentSha256"] = ContentSha256,
        ["publishedAt"] = PublishedAtText,
        ["url"] = Url,
    });

    public byte[] LeafHash() => MerkleTree.LeafHash(LeafInput());
}
