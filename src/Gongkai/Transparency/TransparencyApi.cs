using System.Text.Json.Serialization;
using Gongkai.Platform.Outcomes;
using Gongkai.Transparency.Log;
using Gongkai.Transparency.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Transparency;

/// <summary>RFC 6962 §4.3 get-sth.</summary>
public sealed record SthView(
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("sha256_root_hash")] string Sha256RootHash,
    [property: JsonPropertyName("tree_head_signature")] string TreeHeadSignature)
{
    public static SthView Of(SignedTreeHead head) =>
        new(head.TreeSize, head.TimestampMs, Convert.ToBase64String(head.RootHash), Convert.ToBase64String(head.Signature));
}

/// <summary>RFC 6962 §4.4 get-sth-consistency.</summary>
public sealed record ConsistencyView([property: JsonPropertyName("consistency")] IReadOnlyList<string> Consistency);

/// <summary>RFC 6962 §4.5 get-proof-by-hash.</summary>
public sealed record ProofByHashView(
    [property: JsonPropertyName("leaf_index")] long LeafIndex,
    [property: JsonPropertyName("audit_path")] IReadOnlyList<string> AuditPath);

/// <summary>RFC 6962 §4.6 get-entries: <c>leaf_input</c> is the canonical JSON of the entry, <c>extra_data</c> empty.</summary>
public sealed record EntriesView([property: JsonPropertyName("entries")] IReadOnlyList<EntryView> Entries);

public sealed record EntryView(
    [property: JsonPropertyName("leaf_input")] string LeafInput,
    [property: JsonPropertyName("extra_data")] string ExtraData);

/// <summary>RFC 6962 §4.8 get-entry-and-proof.</summary>
public sealed record EntryAndProofView(
    [property: JsonPropertyName("leaf_input")] string LeafInput,
    [property: JsonPropertyName("extra_data")] string ExtraData,
    [property: JsonPropertyName("audit_path")] IReadOnlyList<string> AuditPath);

/// <summary>The public log's read API at <c>/ct/v1/</c> (RFC 6962 §4 names and base64 encodings) and its public key.
/// Every size is checked against the latest signed tree head: a bad parameter is a 400 problem in Chinese.</summary>
internal static class TransparencyApi
{
    public const string KeyPath = "/.well-known/gongkai-log-key.pem";

    public static void MapTransparencyApi(this WebApplication app)
    {
        var ct = app.MapGroup("/ct/v1").WithTags("公开日志");
        ct.MapGet("/get-sth", GetSthAsync).WithSummary("公开日志：最新签名树头");
        ct.MapGet("/get-sth-consistency", GetConsistencyAsync).WithSummary("公开日志：两个树头之间的一致性证明");
        ct.MapGet("/get-proof-by-hash", GetProofByHashAsync).WithSummary("公开日志：某条目的包含证明");
        ct.MapGet("/get-entries", GetEntriesAsync).WithSummary("公开日志：按序号取条目");
        ct.MapGet("/get-entry-and-proof", GetEntryAndProofAsync).WithSummary("公开日志：取条目及其包含证明");
        app.MapGet(KeyPath, (LogSigningKey key) => TypedResults.Text(key.PublicKeyPem, "application/x-pem-file")).WithSummary("公开日志的签名公钥（PEM）").WithTags("公开日志");
    }

    private static async Task<Results<Ok<SthView>, ProblemHttpResult>> GetSthAsync(TransparencyLog log, CancellationToken cancellationToken) =>
        await log.LatestHeadAsync(cancellationToken) is { } head
            ? TypedResults.Ok(SthView.Of(head))
            : NoHead();

    private static async Task<Results<Ok<ConsistencyView>, ProblemHttpResult, ValidationProblem>> GetConsistencyAsync(
        string? first, string? second, TransparencyLog log, CancellationToken cancellationToken)
    {
        var checkedSizes = LogQueries.Consistency(first, second, await SignedSizeAsync(log, cancellationToken));
        return await checkedSizes.ToResultAsync(async sizes =>
            TypedResults.Ok(new ConsistencyView(Base64(sizes.First == sizes.Second ? [] : await log.ConsistencyProofAsync(sizes.First, sizes.Second, cancellationToken)))));
    }

    private static async Task<IResult> GetProofByHashAsync(string? hash, string? tree_size, TransparencyLog log, CancellationToken cancellationToken)
    {
        var request = LogQueries.ProofByHash(hash, tree_size, await SignedSizeAsync(log, cancellationToken));
        if (!request.Succeeded)
        {
            return request.Refusal.ToProblem();
        }

        var (leafHash, size) = request.Value;
        var leaf = await log.LeafByHashAsync(leafHash, cancellationToken);
        if (leaf is null || leaf.LeafIndex >= size)
        {
            return TypedResults.Problem(title: "公开日志中没有该条目", statusCode: StatusCodes.Status404NotFound,
                detail: leaf is null ? "公开日志中没有哈希为该值的条目。" : $"该条目编号为 {leaf.LeafIndex}，不在 {size} 条的树中。");
        }

        return TypedResults.Ok(new ProofByHashView(leaf.LeafIndex, Base64(await log.InclusionProofAsync(leaf.LeafIndex, size, cancellationToken))));
    }

    private static async Task<Results<Ok<EntriesView>, ProblemHttpResult, ValidationProblem>> GetEntriesAsync(
        string? start, string? end, TransparencyLog log, CancellationToken cancellationToken)
    {
        var range = LogQueries.Entries(start, end, await SignedSizeAsync(log, cancellationToken));
        return await range.ToResultAsync(async r =>
            TypedResults.Ok(new EntriesView((await log.LeavesAsync(r.Start, r.End, cancellationToken))
                .Select(l => new EntryView(Convert.ToBase64String(l.LeafInput), "")).ToList())));
    }

    private static async Task<Results<Ok<EntryAndProofView>, ProblemHttpResult, ValidationProblem>> GetEntryAndProofAsync(
        string? leaf_index, string? tree_size, TransparencyLog log, CancellationToken cancellationToken)
    {
        var request = LogQueries.EntryAndProof(leaf_index, tree_size, await SignedSizeAsync(log, cancellationToken));
        return await request.ToResultAsync(async r =>
        {
            var leaf = await log.LeafAsync(r.LeafIndex, cancellationToken) ?? throw new InvalidOperationException($"Leaf {r.LeafIndex} of a signed tree is missing.");
            return TypedResults.Ok(new EntryAndProofView(Convert.ToBase64String(leaf.LeafInput), "",
                Base64(await log.InclusionProofAsync(r.LeafIndex, r.TreeSize, cancellationToken))));
        });
    }

    private static async Task<long> SignedSizeAsync(TransparencyLog log, CancellationToken cancellationToken) =>
        (await log.LatestHeadAsync(cancellationToken))?.TreeSize ?? 0;

    private static ProblemHttpResult NoHead() =>
        TypedResults.Problem(title: "公开日志尚无签名树头", detail: "本站的公开日志还没有签发树头，请数秒后再试。", statusCode: StatusCodes.Status404NotFound);

    private static List<string> Base64(IReadOnlyList<byte[]> hashes) => hashes.Select(Convert.ToBase64String).ToList();
}
