using Gongkai.Platform.Data;
using Gongkai.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Data;

/// <summary>Numbers people quote (索引号, tracking numbers) never repeat, however many callers ask at once.</summary>
public sealed class SequenceAllocatorTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private async Task<long> NextAsync(string scope, int count = 1, long startAfter = 0)
    {
        using var services = factory.Services.CreateScope();
        return await services.ServiceProvider.GetRequiredService<SequenceAllocator>().NextAsync(scope, _ => Task.FromResult(startAfter), count);
    }

    [Fact]
    public async Task Callers_on_separate_connections_at_the_same_moment_all_get_distinct_numbers()
    {
        _ = factory.Services; // start the host once, before the callers race
        var numbers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => NextAsync("test/parallel"))));

        Assert.Equal(Enumerable.Range(1, 30).Select(n => (long)n), numbers.Order());
    }

    [Fact]
    public async Task A_new_scope_starts_after_the_numbers_given_before_it_existed_and_blocks_do_not_overlap()
    {
        Assert.Equal(42, await NextAsync("test/seeded", startAfter: 41));
        Assert.Equal(43, await NextAsync("test/seeded", count: 10, startAfter: 999));
        Assert.Equal(53, await NextAsync("test/seeded"));
        Assert.Equal(1, await NextAsync("test/other"));
    }
}
