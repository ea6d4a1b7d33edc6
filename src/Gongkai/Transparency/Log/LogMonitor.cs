using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gongkai.Transparency.Rules;

namespace Gongkai.Transparency.Log;

/// <summary>The tree head a monitor saw last, kept in its state file (JSON).</summary>
public sealed record MonitorState(
    [property: JsonPropertyName("tree_size")] long TreeSize,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("sha256_root_hash")] string Sha256RootHash,
    [property: JsonPropertyName("key_sha256")] string KeySha256);

/// <summary>The outcome of one monitor run: exit code 0 (consistent, or first sight) or 1 (fork, rewrite, bad
/// signature, changed key), and what it says.</summary>
public sealed record MonitorResult(int ExitCode, string Message);

/// <summary>
/// <c>log monitor --url &lt;site&gt; --state &lt;file&gt;</c>: fetches the site's latest signed tree head and public key,
/// checks the signature, and checks that the new head extends the one in the state file (RFC 6962 consistency proof,
/// verified per RFC 9162 §2.1.4.2). A smaller tree, a different root at the same size, an inconsistent proof or a
/// changed key is reported (exit 1) and the state file is left as it was, so the evidence stays.
/// </summary>
public sealed class LogMonitor(HttpClient http)
{
    public async Task<MonitorResult> RunAsync(Uri site, string stateFile, CancellationToken cancellationToken = default)
    {
        var sth = await http.GetFromJsonAsync<SthView>(new Uri(site, "ct/v1/get-sth"), cancellationToken)
            ?? throw new InvalidDataException("get-sth returned nothing.");
        var pem = await http.GetStringAsync(new Uri(site, TransparencyApi.KeyPath.TrimStart('/')), cancellationToken);
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        var keyId = Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
        var root = Convert.FromBase64String(sth.Sha256RootHash);
        var der = TreeHeadSignature.Decode(Convert.FromBase64String(sth.TreeHeadSignature));
        if (der is null || !key.VerifyData(TreeHeadSignature.SignedBytes(sth.Timestamp, sth.TreeSize, root), der, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
        {
            return new MonitorResult(1, $"树头签名无效：{site} 第 {sth.TreeSize} 条的树头不是用其公布的密钥签发的。");
        }

        var current = new MonitorState(sth.TreeSize, sth.Timestamp, sth.Sha256RootHash, keyId);
        if (!File.Exists(stateFile))
        {
            await SaveAsync(stateFile, current, cancellationToken);
            return new MonitorResult(0, $"首次记录：树头 {sth.TreeSize} 条，根哈希 {sth.Sha256RootHash}。");
        }

        var last = JsonSerializer.Deserialize<MonitorState>(await File.ReadAllTextAsync(stateFile, cancellationToken))
            ?? throw new InvalidDataException($"{stateFile} is not a monitor state file.");
        if (last.KeySha256 != keyId)
        {
            return new MonitorResult(1, $"日志公钥变了（原 {last.KeySha256}，现 {keyId}）。若站点公告了密钥轮换，请核实后删除状态文件重新开始。");
        }

        if (sth.TreeSize < last.TreeSize)
        {
            return new MonitorResult(1, $"日志变小了：上次见到 {last.TreeSize} 条，现在只有 {sth.TreeSize} 条。日志被回滚或分叉。");
        }

        if (sth.TreeSize == last.TreeSize)
        {
            return sth.Sha256RootHash == last.Sha256RootHash
                ? new MonitorResult(0, $"没有新条目：仍是 {sth.TreeSize} 条，根哈希一致。")
                : new MonitorResult(1, $"同样 {sth.TreeSize} 条，根哈希却不同（上次 {last.Sha256RootHash}，现在 {sth.Sha256RootHash}）：日志被改写或分叉。");
        }

        if (last.TreeSize > 0)
        {
            var proof = await http.GetFromJsonAsync<ConsistencyView>(
                new Uri(site, $"ct/v1/get-sth-consistency?first={last.TreeSize}&second={sth.TreeSize}"), cancellationToken)
                ?? throw new InvalidDataException("get-sth-consistency returned nothing.");
            if (!MerkleTree.VerifyConsistency(last.TreeSize, sth.TreeSize, Convert.FromBase64String(last.Sha256RootHash), root,
                    proof.Consistency.Select(Convert.FromBase64String).ToList()))
            {
                return new MonitorResult(1, $"一致性证明不成立：{sth.TreeSize} 条的树不是 {last.TreeSize} 条的树的延续，已公开的历史被改写或分叉。");
            }
        }

        await SaveAsync(stateFile, current, cancellationToken);
        return new MonitorResult(0, $"一致：日志从 {last.TreeSize} 条增长到 {sth.TreeSize} 条，此前的历史未被改动。");
    }

    private static async Task SaveAsync(string stateFile, MonitorState state, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(stateFile));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var temporary = stateFile + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(state), cancellationToken);
        File.Move(temporary, stateFile, overwrite: true);
    }
}
