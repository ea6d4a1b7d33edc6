namespace Gongkai.Transparency;

/// <summary>The public log's settings (<c>Gongkai:Transparency</c>).</summary>
public sealed class TransparencyOptions
{
    public const string Section = "Gongkai:Transparency";

    /// <summary>The log's ECDSA P-256 private key (PKCS#8 PEM). Relative paths are under the data folder; created
    /// there at first start when missing. Every node of a cluster must be given the same file.</summary>
    public string KeyFile { get; set; } = "transparency/log-key.pem";

    /// <summary>How often the signer looks for new leaves; a new tree head follows new leaves within this (plus the
    /// job runner's poll) — 5 s by default, so within 10 s.</summary>
    public TimeSpan SignInterval { get; set; } = TimeSpan.FromSeconds(5);
}
