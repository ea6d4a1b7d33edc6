using System.Security.Cryptography;
using Gongkai.Platform;
using Microsoft.Extensions.Options;

namespace Gongkai.Transparency.Log;

/// <summary>
/// The log's ECDSA P-256 key. Read from <see cref="TransparencyOptions.KeyFile"/> (PKCS#8 PEM); when the file does
/// not exist it is created there once (exclusive create, owner-only on Unix), so the private half never leaves the
/// server. The public half is served at <c>/.well-known/gongkai-log-key.pem</c>.
/// </summary>
public sealed class LogSigningKey : IDisposable
{
    private readonly Lazy<ECDsa> _key;

    public LogSigningKey(IOptions<TransparencyOptions> options, IOptions<GongkaiOptions> gongkai)
    {
        Path = System.IO.Path.GetFullPath(options.Value.KeyFile, gongkai.Value.ResolvedDataFolder);
        _key = new Lazy<ECDsa>(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Path { get; }

    /// <summary>SubjectPublicKeyInfo PEM.</summary>
    public string PublicKeyPem => _key.Value.ExportSubjectPublicKeyInfoPem();

    /// <summary>Lower-case hex SHA-256 of the DER SubjectPublicKeyInfo: RFC 6962's LogID.</summary>
    public string KeyId => Convert.ToHexStringLower(SHA256.HashData(_key.Value.ExportSubjectPublicKeyInfo()));

    /// <summary>DER (RFC 3279) ECDSA signature with SHA-256.</summary>
    public byte[] Sign(byte[] data) => _key.Value.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    public void Dispose()
    {
        if (_key.IsValueCreated)
        {
            _key.Value.Dispose();
        }
    }

    private ECDsa Load()
    {
        var key = ECDsa.Create();
        if (!File.Exists(Path))
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var writer = new StreamWriter(Path, options);
                writer.Write(fresh.ExportPkcs8PrivateKeyPem());
            }
            catch (IOException) when (File.Exists(Path))
            {
                // Another process created it first: use theirs.
            }
        }

        key.ImportFromPem(File.ReadAllText(Path));
        if (key.KeySize != 256)
        {
            throw new InvalidOperationException($"The public log's key {Path} is not a P-256 key.");
        }

        return key;
    }
}
