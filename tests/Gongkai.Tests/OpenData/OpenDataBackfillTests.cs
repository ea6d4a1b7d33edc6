using System.Globalization;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Gongkai.OpenData;
using Gongkai.OpenData.Data;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Platform.Time;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Gongkai.Tests.Transparency;
using Gongkai.Transparency.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.OpenData;

/// <summary>A record and a file dataset published before search and the public log followed open data (their
/// change-log rows never reached those followers) are neither searchable nor logged; the one-off backfill of migration
/// <c>BackfillOpenDataChanges</c> brings both into search and the log, and a second run adds nothing.</summary>
public sealed class OpenDataBackfillTests(LogFactory factory) : IClassFixture<LogFactory>
{
    private static ClaimsPrincipal Staff(string name, string id) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.Name, name),
        new Claim(ClaimTypes.NameIdentifier, id),
        new Claim(ClaimTypes.Role, StaffRoles.SystemAdmin),
    ], "test"));

    private static string Credit(int serial)
    {
        var org = $"MB{serial:D6}"[..8];
        var first17 = "91510703" + org + CreditCode.ComputeOrganizationCodeCheck(org);
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }

    private static async Task<bool> FoundAsync(HttpClient client, string query, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/search?q=" + Uri.EscapeDataString(query), UriKind.Relative)))
        .GetProperty("items").EnumerateArray().Any(i => i.GetProperty("url").GetString() == url);

    private async Task<LogLeaf?> LeafAsync(string kind, string key, int version)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TransparencyLog>().FindAsync(kind, key, version);
    }

    [Fact]
    public async Task Open_data_published_before_the_followers_followed_it_is_searchable_and_logged_after_the_backfill_and_a_second_run_adds_nothing()
    {
        using var client = factory.CreateClient();
        long recordId;
        int fileDatasetId;
        string datasetName;
        using (var scope = factory.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<GongkaiDbContext>();
            var hierarchy = await services.GetRequiredService<BodyDirectory>().LoadAsync();
            var today = ChinaTime.Today(services.GetRequiredService<TimeProvider>());
            var before = await db.Set<ChangeLogEntry>().MaxAsync(e => (long?)e.Id) ?? 0;
            // The state of a database from before session 15: published through the desks, but no follower of search
            // or the log ever saw a row for them (here: the rows are removed before anyone can read them).
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                var records = services.GetRequiredService<RecordDesk>();
                var created = await records.CreateAsync(Staff("录入员", "enterer-bf"), ShippedRecordTypes.AdministrativePenalty, hierarchy.FindByCode("myscjgj")!.Id,
                    new Dictionary<string, string?>
                    {
                        ["decisionNo"] = $"绵市监处罚〔{today.Year}〕951号",
                        ["caseName"] = "绵阳示例珊瑚书屋有限公司超范围经营案",
                        ["violation"] = "当事人超出登记的经营范围从事经营活动。",
                        ["basis"] = "《中华人民共和国市场主体登记管理条例》第四十六条",
                        ["penaltyType"] = "罚款",
                        ["result"] = "处罚款2000元。",
                        ["fine"] = "2000",
                        ["party"] = "绵阳示例珊瑚书屋有限公司",
                        ["partyCode"] = Credit(951),
                        ["legalRepresentative"] = "钱文博",
                        ["decisionDate"] = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["authority"] = "绵阳市市场监督管理局",
                    }, submit: true);
                Assert.True(created.Succeeded, created.Refusal?.Message);
                recordId = created.Value!.Id;
                var approved = await records.ReviewAsync(Staff("审核员", "reviewer-bf"), recordId, approve: true, comment: null);
                Assert.True(approved.Succeeded, approved.Refusal?.Message);

                var files = services.GetRequiredService<FileDatasetDesk>();
                var metadata = new FileDatasetMetadata("绵阳市珊瑚湖水质监测点", "全市湖库水质监测点位。", "生态环境", "水质", "每月", "无条件开放", "cc-by", "市生态环境局 0816-3333333");
                var submitted = await files.SubmitAsync(Staff("上传员", "uploader-bf"), null, hierarchy.FindByCode("myszf")!.Id, metadata, "lakes.csv",
                    Encoding.UTF8.GetBytes("点位,水质类别\r\n珊瑚湖一号,II\r\n"));
                Assert.True(submitted.Succeeded, submitted.Refusal?.Message);
                var version = submitted.Value!.Version!;
                Assert.True((await files.ReviewAsync(Staff("审核员", "reviewer-bf"), version.Id, approve: true, comment: null)).Succeeded);
                fileDatasetId = version.FileDatasetId;
                datasetName = await db.Set<FileDataset>().Where(f => f.Id == fileDatasetId).Select(f => f.Name).SingleAsync();

                var removed = await db.Set<ChangeLogEntry>().Where(e => e.Id > before && (e.Entity == "data-record" || e.Entity == "file-dataset")).ExecuteDeleteAsync();
                Assert.Equal(2, removed);
                await transaction.CommitAsync();
            }
        }

        var recordKey = recordId.ToString(CultureInfo.InvariantCulture);
        var recordUrl = "/data/records/" + recordKey;
        var datasetUrl = "/data/" + datasetName;
        Assert.False(await FoundAsync(client, "珊瑚书屋", recordUrl));
        Assert.False(await FoundAsync(client, "珊瑚湖水质", datasetUrl));
        Assert.Null(await LeafAsync("record", recordKey, 1));
        Assert.Null(await LeafAsync("dataset", datasetName, 1));

        // The migration step, as registered.
        using (var scope = factory.Services.CreateScope())
        {
            var backfill = scope.ServiceProvider.GetServices<IDataBackfill>().Single(b => b.Migration == "BackfillOpenDataChanges");
            await backfill.RunAsync(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>(), CancellationToken.None);
        }

        await Poll.UntilAsync(() => FoundAsync(client, "珊瑚书屋", recordUrl).GetAwaiter().GetResult(), TimeSpan.FromSeconds(60), "the record to be found");
        await Poll.UntilAsync(() => FoundAsync(client, "珊瑚湖水质", datasetUrl).GetAwaiter().GetResult(), TimeSpan.FromSeconds(60), "the dataset to be found");
        await Poll.UntilAsync(() => LeafAsync("record", recordKey, 1).GetAwaiter().GetResult() is not null, TimeSpan.FromSeconds(60), "the record's leaf");
        await Poll.UntilAsync(() => LeafAsync("dataset", datasetName, 1).GetAwaiter().GetResult() is not null, TimeSpan.FromSeconds(60), "the dataset's leaf");

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var rows = await db.Set<ChangeLogEntry>().CountAsync(e => e.Detail == OpenDataChangeBackfill.Detail);
            Assert.Equal(0, await OpenDataChangeBackfill.RunAsync(db));
            Assert.Equal(rows, await db.Set<ChangeLogEntry>().CountAsync(e => e.Detail == OpenDataChangeBackfill.Detail));
            Assert.Equal(1, await db.Set<ChangeLogEntry>().CountAsync(e => e.Detail == OpenDataChangeBackfill.Detail && e.Entity == "data-record" && e.EntityId == recordKey));
        }

        await LogTestSupport.WaitForHeadAsync(client, await LogTestSupport.PublishedVersionCountAsync(factory.Services));
        var (exit, output, _) = await LogTestSupport.RunVerbAsync(factory.Services, "log", "verify");
        Assert.True(exit == 0, output);
    }
}
