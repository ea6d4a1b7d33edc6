using Gongkai.Platform.Cli;
using System.CommandLine;
using Gongkai.Search.Indexing;

namespace Gongkai.Search;

/// <summary><c>gongkai reindex</c>: rebuilds this node's search index from the database beside the serving one, then swaps.</summary>
internal static class SearchCommands
{
    public static Command Create(WithServices withServices)
    {
        var command = new Command("reindex", "从数据库重建本节点的全文检索索引：新索引建好后原子切换，重建期间旧索引照常服务。");
        command.SetAction((_, _) => withServices(async (services, cancellationToken) =>
        {
            var outcome = await services.GetRequiredService<Reindexer>().RebuildAsync(cancellationToken);
            Console.WriteLine($"已重建检索索引 {outcome.Generation}：{outcome.Documents} 件文件，用时 {outcome.Elapsed.TotalSeconds:F1} 秒；运行中的网站将在数秒内切换到新索引。");
            return 0;
        }));
        return command;
    }
}
