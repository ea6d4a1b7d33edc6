using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Platform.Data;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Tests.Platform.Data;

/// <summary>A database created by the first release is upgraded in place when a newer application starts.</summary>
public sealed class UpgradeTests
{
    private sealed class NoDemoFactory : GongkaiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Gongkai:Demo:Seed"] = "false" };

        // The test builds the first release's schema itself, so it needs an empty database, not a seeded copy.
        protected override bool FromTemplate => false;
    }

    [Fact]
    public async Task Starting_on_a_database_from_the_first_migration_upgrades_it_and_keeps_its_rows()
    {
        using var factory = new NoDemoFactory();
        await using (var old = OpenContext(factory.Database))
        {
            var migrations = old.Database.GetMigrations().ToList();
            Assert.True(migrations.Count >= 2, "the upgrade test needs at least two migrations");
            await old.GetService<IMigrator>().MigrateAsync(migrations[0]);
            await old.Database.ExecuteSqlRawAsync(
                "INSERT INTO bodies (\"Code\", \"Name\", \"ShortName\", \"Kind\", \"CreditCode\", \"Functions\", \"InternalStructure\", " +
                "\"Address\", \"OfficeHours\", \"Phone\", \"Email\", \"HeadName\", \"SortOrder\") VALUES " +
                "('legacy', '旧版数据测试局', '测试局', 'MunicipalDepartment', '91110000600037341L', '职能', '', '地址', '时间', '0816-1234567', 'a@b.cn', '张三', 1)");
        }

        using var client = factory.CreateClient();
        var bodies = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/bodies", UriKind.Relative));
        Assert.Contains(bodies.EnumerateArray(), b => b.GetProperty("name").GetString() == "旧版数据测试局");

        await using var upgraded = OpenContext(factory.Database);
        Assert.Empty(await upgraded.Database.GetPendingMigrationsAsync());
    }

    private static GongkaiDbContext OpenContext(TestDatabase database) => database.IsPostgres
        ? new PostgresGongkaiDbContext(new DbContextOptionsBuilder<PostgresGongkaiDbContext>().UseNpgsql(database.ConnectionString).Options)
        : new SqliteGongkaiDbContext(new DbContextOptionsBuilder<SqliteGongkaiDbContext>().UseSqlite(database.ConnectionString).Options);
}
