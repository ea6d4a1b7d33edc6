using System.Globalization;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gongkai.OpenData;
using Gongkai.OpenData.Contracts;
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

/// <summary>Published records and file datasets are found by site search (typed 记录/数据, linking to their public
/// pages) and each published version and each withdrawal is a leaf of the public log that <c>log verify</c> checks;
/// a withdrawn record leaves search.</summary>
public sealed class OpenDataSearchAndLogTests(LogFactory factory) : IClassFixture<LogFactory>
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

    private static async Task<JsonElement> SearchAsync(HttpClient client, string query) =>
        await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));

    private static async Task<JsonElement?> WaitForHitAsync(HttpClient client, string query, string url, bool present)
    {
        JsonElement? found = null;
        await Poll.UntilAsync(() =>
        {
            var result = SearchAsync(client, query).GetAwaiter().GetResult();
            found = result.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("url").GetString() == url).Cast<JsonElement?>().FirstOrDefault();
            return found is not null == present;
        }, TimeSpan.FromSeconds(60), present ? $"{url} to be found by “{query}”" : $"{url} to leave search");
        return found;
    }

    private async Task<LogLeaf> WaitForLeafAsync(string kind, string key, int version)
    {
        LogLeaf? leaf = null;
        await Poll.UntilAsync(() =>
        {
            using var scope = factory.Services.CreateScope();
            leaf = scope.ServiceProvider.GetRequiredService<TransparencyLog>().FindAsync(kind, key, version).GetAwaiter().GetResult();
            return leaf is not null;
        }, TimeSpan.FromSeconds(60), $"a {kind} leaf for {key} v{version}");
        return leaf!;
    }

    private static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task A_published_record_is_searchable_and_logged_and_its_withdrawal_removes_it_from_search_and_is_logged()
    {
        using var client = factory.CreateClient();
        long id;
        const string caseName = "绵阳示例琥珀茶饮有限公司超范围经营案";
        using (var scope = factory.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var body = (await services.GetRequiredService<BodyDirectory>().LoadAsync()).FindByCode("myscjgj")!;
            var desk = services.GetRequiredService<RecordDesk>();
            var today = ChinaTime.Today(services.GetRequiredService<TimeProvider>());
            var created = await desk.CreateAsync(Staff("录入员", "enterer-os"), ShippedRecordTypes.AdministrativePenalty, body.Id, new Dictionary<string, string?>
            {
                ["decisionNo"] = $"绵市监处罚〔{today.Year}〕901号",
                ["caseName"] = caseName,
                ["violation"] = "当事人超出登记的经营范围从事经营活动。",
                ["basis"] = "《中华人民共和国市场主体登记管理条例》第四十六条",
                ["penaltyType"] = "罚款",
                ["result"] = "处罚款3000元。",
                ["fine"] = "3000",
                ["party"] = "绵阳示例琥珀茶饮有限公司",
                ["partyCode"] = Credit(901),
                ["legalRepresentative"] = "赵明远",
                ["decisionDate"] = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["authority"] = "绵阳市市场监督管理局",
            }, submit: true);
            Assert.True(created.Succeeded, created.Refusal?.Message);
            id = created.Value!.Id;
            var reviewed = await desk.ReviewAsync(Staff("审核员", "reviewer-os"), id, approve: true, comment: null);
            Assert.True(reviewed.Succeeded, reviewed.Refusal?.Message);
        }

        // Found by search, as a 记录 linking to the record's public page; the search page says so too.
        var url = "/data/records/" + id.ToString(CultureInfo.InvariantCulture);
        var hit = (await WaitForHitAsync(client, "琥珀茶饮", url, present: true))!.Value;
        Assert.Equal("记录", hit.GetProperty("type").GetString());
        Assert.Contains(caseName, hit.GetProperty("title").GetString(), StringComparison.Ordinal);
        var page = await client.GetStringAsync(new Uri("/search?q=" + Uri.EscapeDataString("琥珀茶饮"), UriKind.Relative));
        Assert.Contains($"href=\"{url}\"", page, StringComparison.Ordinal);
        Assert.Contains("绵阳市市场监督管理局 · 记录", page, StringComparison.Ordinal);
        // Personal data stays masked: the legal representative's full name is not searchable.
        Assert.DoesNotContain((await SearchAsync(client, "赵明远")).GetProperty("items").EnumerateArray(), i => i.GetProperty("url").GetString() == url);

        // In the public log, with the hash of its public fields as written down in ARCHITECTURE.md.
        var key = id.ToString(CultureInfo.InvariantCulture);
        var leaf = await WaitForLeafAsync("record", key, 1);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var version = await db.Set<DataRecordVersion>().AsNoTracking().SingleAsync(v => v.RecordId == id && v.Number == 1);
            var values = SchemaJsonFormat.ReadValues(version.PublicValuesJson);
            var text = string.Join('\n', new[] { ShippedRecordTypes.AdministrativePenalty }.Concat(values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key + "=" + v.Value)));
            var input = JsonSerializer.Deserialize<JsonElement>(leaf.LeafInput);
            Assert.Equal(Sha256Hex(Encoding.UTF8.GetBytes(text)), input.GetProperty("contentSha256").GetString());
            Assert.Equal(url, input.GetProperty("url").GetString());
            Assert.Contains(caseName, input.GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        // Withdrawn: gone from search, the withdrawal is a leaf of its own.
        using (var scope = factory.Services.CreateScope())
        {
            var withdrawn = await scope.ServiceProvider.GetRequiredService<RecordDesk>().WithdrawAsync(Staff("审核员", "reviewer-os"), id, "决定已被依法撤销");
            Assert.True(withdrawn.Succeeded, withdrawn.Refusal?.Message);
        }

        await WaitForHitAsync(client, "琥珀茶饮", url, present: false);
        var withdrawal = await WaitForLeafAsync("record-withdrawal", key, 1);
        Assert.Equal(Sha256Hex(Encoding.UTF8.GetBytes("决定已被依法撤销")), JsonSerializer.Deserialize<JsonElement>(withdrawal.LeafInput).GetProperty("contentSha256").GetString());

        await LogTestSupport.WaitForHeadAsync(client, await LogTestSupport.PublishedVersionCountAsync(factory.Services));
        var (exit, output, _) = await LogTestSupport.RunVerbAsync(factory.Services, "log", "verify");
        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task A_published_file_dataset_is_searchable_as_data_and_each_version_is_logged_with_the_file_hash()
    {
        using var client = factory.CreateClient();
        var bytes = Encoding.UTF8.GetBytes("站点,充电桩数\r\n翡翠湾充电站,12\r\n高新区充电站,8\r\n");
        int fileDatasetId;
        string name;
        using (var scope = factory.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var body = (await services.GetRequiredService<BodyDirectory>().LoadAsync()).FindByCode("myszf")!;
            var desk = services.GetRequiredService<FileDatasetDesk>();
            var metadata = new FileDatasetMetadata("绵阳市翡翠湾公共充电设施", "全市公共充电站及充电桩数量。", "城乡建设", "充电桩", "每月", "无条件开放", "cc-by", "市发展改革委 0816-2222222");
            var submitted = await desk.SubmitAsync(Staff("上传员", "uploader-os"), null, body.Id, metadata, "charging.csv", bytes);
            Assert.True(submitted.Succeeded, submitted.Refusal?.Message);
            var version = submitted.Value!.Version!;
            var reviewed = await desk.ReviewAsync(Staff("审核员", "reviewer-os"), version.Id, approve: true, comment: null);
            Assert.True(reviewed.Succeeded, reviewed.Refusal?.Message);
            fileDatasetId = version.FileDatasetId;
            name = (await services.GetRequiredService<GongkaiDbContext>().Set<FileDataset>().SingleAsync(f => f.Id == fileDatasetId)).Name;
        }

        var hit = (await WaitForHitAsync(client, "翡翠湾充电", "/data/" + name, present: true))!.Value;
        Assert.Equal("数据", hit.GetProperty("type").GetString());

        var leaf = await WaitForLeafAsync("dataset", name, 1);
        Assert.Equal(Sha256Hex(bytes), JsonSerializer.Deserialize<JsonElement>(leaf.LeafInput).GetProperty("contentSha256").GetString());

        await LogTestSupport.WaitForHeadAsync(client, await LogTestSupport.PublishedVersionCountAsync(factory.Services));
        var (exit, output, _) = await LogTestSupport.RunVerbAsync(factory.Services, "log", "verify");
        Assert.True(exit == 0, output);
    }
}
