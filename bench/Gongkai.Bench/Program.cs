using BenchmarkDotNet.Running;

namespace Gongkai.Bench;

/// <summary>Benchmarks: <c>dotnet run -c Release --project bench/Gongkai.Bench -- --filter '*'</c> (see docs/PERFORMANCE.md).</summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        // Wall-clock scenarios (a seeded database, a corpus load); everything else is BenchmarkDotNet.
        if (args is ["requests", ..])
        {
            return await RequestsScenario.RunAsync(args);
        }

        if (args is ["search-visibility", .. var options])
        {
            var corpusAt = Array.IndexOf(options, "--corpus");
            var postgresAt = Array.IndexOf(options, "postgres");
            return await SearchVisibility.RunAsync(
                corpusAt >= 0 && corpusAt + 1 < options.Length ? options[corpusAt + 1] : null,
                postgresAt >= 0 && postgresAt + 1 < options.Length ? options[postgresAt + 1] : null);
        }

        if (args is ["oversight", ..])
        {
            return await OversightScenario.RunAsync(args);
        }

        if (args is ["print", ..])
        {
            return PrintScenario.Run();
        }

        if (args is ["services", ..])
        {
            return await ServicesScenario.RunAsync(args);
        }

        if (args is ["websub", ..])
        {
            return await WebSubScenario.RunAsync(args);
        }

        if (args is ["open-data", ..])
        {
            return await OpenDataScenario.RunAsync(args);
        }

        if (args is ["transparency", .. var logOptions])
        {
            return await TransparencyScenario.RunAsync(logOptions);
        }

        if (args is ["search-load", var corpus])
        {
            SearchLoad.Run(corpus);
            return 0;
        }

        if (args is ["search-load", var lawCorpus, var keptIndex])
        {
            SearchLoad.Run(lawCorpus, keptIndex);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
        return 0;
    }
}
