using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Publishing.Contracts;
using Gongkai.Tests.Infrastructure;
using Gongkai.Transparency;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Transparency;

/// <summary>A host whose signer and job runner look every second, so tests wait seconds for a tree head.</summary>
public class LogFactory : GongkaiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Gongkai:Transparency:SignInterval"] = "00:00:01",
        ["Gongkai:Jobs:PollInterval"] = "00:00:01",
    };
}

public sealed record Sth(long TreeSize, long Timestamp, byte[] Root, byte[] Signature);

internal static class LogTestSupport
{
    public static async Task<Sth?> GetSthAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/ct/v1/get-sth", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Sth(json.GetProperty("tree_size").GetInt64(), json.GetProperty("timestamp").GetInt64(),
            Convert.FromBase64String(json.GetProperty("sha256_root_hash").GetString()!), Convert.FromBase64String(json.GetProperty("tree_head_signature").GetString()!));
    }

    /// <summary>Waits for a signed tree head of exactly <paramref name="size"/> leaves (the sequencer and the signer run in the background).</summary>
    public static async Task<Sth> WaitForHeadAsync(HttpClient client, long size)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            var sth = await GetSthAsync(client);
            if (sth is not null && sth.TreeSize >= size)
            {
                Assert.Equal(size, sth.TreeSize);
                return sth;
            }

            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for a tree head of {size} leaves (last: {sth?.TreeSize.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})");
            await Task.Delay(100);
        }
    }

    /// <summary>Every published version, public interpretation, published gazette issue and withdrawal in the database,
    /// and every open-data record and file-dataset version and record withdrawal:
    /// what the log should hold once it caught up.</summary>
    public static async Task<int> PublishedVersionCountAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var count = 0;
        await foreach (var _ in scope.ServiceProvider.GetRequiredService<PublishedVersions>().AllAsync())
        {
            count++;
        }

        var records = scope.ServiceProvider.GetRequiredService<PublishedRecords>();
        var openData = scope.ServiceProvider.GetRequiredService<Gongkai.OpenData.Contracts.PublishedOpenData>();
        return count + (await records.AllInterpretationsAsync()).Count + (await records.GazetteIssuesAsync()).Count + (await records.AllWithdrawalsAsync()).Count
            + (await openData.AllVersionsAsync()).Count + (await openData.AllWithdrawalsAsync()).Count;
    }

    /// <summary>Runs <c>log …</c> the way the executable does, with the host's services.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunVerbAsync(IServiceProvider services, params string[] args)
    {
        var root = new RootCommand { TransparencyCommands.Create(async action =>
        {
            await using var scope = services.CreateAsyncScope();
            return await action(scope.ServiceProvider, CancellationToken.None);
        }) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    public static List<byte[]> Hashes(JsonElement array) => array.EnumerateArray().Select(e => Convert.FromBase64String(e.GetString()!)).ToList();
}
