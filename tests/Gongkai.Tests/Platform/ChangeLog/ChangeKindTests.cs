using System.Reflection;
using Gongkai.Platform.Data;
using Gongkai.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.ChangeLog;

/// <summary>A change written to the log that nobody reads is a search index or a cache that silently goes stale.</summary>
public sealed class ChangeKindTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static IEnumerable<(FieldInfo Field, ChangeKind Kind)> WrittenKinds() =>
        typeof(ChangeKind).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<ChangeKindsAttribute>() is not null)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(ChangeKind))
            .Select(f => (f, (ChangeKind)f.GetValue(null)!));

    [Fact]
    public void Every_kind_a_module_writes_has_a_follower_that_reads_it_or_is_marked_informational()
    {
        using var scope = factory.Services.CreateScope();
        var followers = scope.ServiceProvider.GetServices<IChangeLogFollower>().ToList();
        var kinds = WrittenKinds().ToList();

        Assert.NotEmpty(kinds);
        var unread = kinds
            .Where(k => k.Field.GetCustomAttribute<InformationalAttribute>() is null && !followers.Any(f => f.Follows(k.Kind)))
            .Select(k => $"{k.Field.DeclaringType!.Name}.{k.Field.Name} = {k.Kind}")
            .ToList();
        Assert.True(unread.Count == 0, "Written but read by no follower: " + string.Join("; ", unread));
    }

    [Fact]
    public void Kinds_are_declared_once_so_writer_and_readers_share_one_definition()
    {
        var duplicates = WrittenKinds().GroupBy(k => k.Kind).Where(g => g.Count() > 1).Select(g => g.Key.ToString()).ToList();

        Assert.Empty(duplicates);
        Assert.Contains(WrittenKinds(), k => k.Kind.Name == "document.published");
    }
}
