using BenchmarkDotNet.Running;

namespace Gongkai.Bench;

/// <summary>Benchmarks: <c>dotnet run -c Release --project bench/Gongkai.Bench -- --filter '*'</c> (see docs/PERFORMANCE.md).</summary>
internal static class BenchProgram
{
    public static void Main(string[] args)
    {
        if (args is ["search-load", var corpus])
        {
            SearchLoad.Run(corpus);
            return;
        }

        if (args is ["search-load", var lawCorpus, var keptIndex])
        {
            SearchLoad.Run(lawCorpus, keptIndex);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
    }
}
