using Gongkai.Safeguards;
using Gongkai.Safeguards.Detection;
using Gongkai.Safeguards.Wording;

namespace Gongkai.UnitTests.Safeguards;

/// <summary>Fictional contacts and heads used by the detector tests and the quality set.</summary>
internal static class SafeguardsTestData
{
    public static readonly DateOnly Today = new(2026, 11, 27);

    public static PublicContacts Contacts() => new PublicContacts()
        .AddPhone("0816-2221234").AddPhone("0816-2335678、2335679").AddPhone("0816-12345").AddPhone("0816-6081111")
        .AddEmail("xxgk@my.gov.cn").AddEmail("myscjg@163.com").AddAddress("绵阳市涪城区安昌路17号").AddAddress("绵阳市游仙区东津路9号")
        .AddName("赵立新").AddName("钱雨桐").AddName("孙海燕");

    public static IReadOnlyList<Leader> Leaders() =>
    [
        Leader.FromBody("赵立新", "绵阳市人民政府")!,
        Leader.FromBody("钱雨桐", "绵阳市市场监督管理局")!,
        Leader.FromBody("孙海燕", "绵阳市卫生健康委员会")!,
    ];

    public static SafeguardsProfile Profile() =>
        new(Contacts(), new WordingChecker(DefaultWordingLists.All), new LeaderTitleCheck(Leaders()), Masker.Default);

    public static CheckResult Check(string text, DateOnly? documentDate = null) =>
        SafeguardsChecker.Check(text, documentDate ?? new DateOnly(2024, 5, 1), Profile(), Today);

    /// <summary>A valid ID number from its first 17 digits.</summary>
    public static string Id(string first17) => first17 + Checksums.IdCheckCharacter(first17);

    /// <summary>An 18-character number with a wrong check character.</summary>
    public static string BadId(string first17)
    {
        var right = Checksums.IdCheckCharacter(first17);
        return first17 + (right == '1' ? '2' : '1');
    }

    public static string Card(string withoutCheck) => withoutCheck + Checksums.LuhnCheckDigit(withoutCheck);
}
