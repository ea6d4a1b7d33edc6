using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Gongkai.Platform.Jobs;

/// <summary>
/// Names this node (one running instance with its own data folder). Node-local state such as a search index keyed
/// by it survives restarts; leases it holds are recognised as its own after a restart.
/// <c>Gongkai:NodeId</c> when set, otherwise the machine name plus a short hash of the data folder, so two instances
/// on one machine with different data folders are different nodes.
/// </summary>
public sealed class NodeIdentity
{
    public const string ConfigurationKey = "Gongkai:NodeId";

    public NodeIdentity(IConfiguration configuration, IOptions<GongkaiOptions> options)
        : this(configuration[ConfigurationKey] is { Length: > 0 } configured
            ? configured
            : DefaultFor(Environment.MachineName, options.Value.ResolvedDataFolder))
    {
    }

    public NodeIdentity(string id) => Id = id;

    public string Id { get; }

    public static string DefaultFor(string machineName, string dataFolder)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(dataFolder));
        return $"{machineName}-{Convert.ToHexStringLower(hash.AsSpan(0, 4))}";
    }

    public override string ToString() => Id;
}
