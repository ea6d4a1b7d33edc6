namespace Gongkai.Organizations;

/// <summary>The directory sections a visitor sees on 机构设置.</summary>
public enum DirectorySection
{
    CityGovernment,
    Counties,
    Parks,
    ServiceBodies,
    PublicInstitutions,
}

/// <summary>Stable names for <see cref="BodyKind"/>: the lower-case kebab slug the API speaks, the Chinese label
/// pages show, and the directory section a kind belongs to.</summary>
public static class BodyKinds
{
    private static readonly (BodyKind Kind, string Slug, string ChineseName, DirectorySection Section)[] Table =
    [
        (BodyKind.MunicipalGovernment, "municipal-government", "市人民政府", DirectorySection.CityGovernment),
        (BodyKind.MunicipalDepartment, "municipal-department", "市政府工作部门", DirectorySection.CityGovernment),
        (BodyKind.CountyGovernment, "county-government", "县（市、区）人民政府", DirectorySection.Counties),
        (BodyKind.CountyDepartment, "county-department", "县（市、区）政府工作部门", DirectorySection.Counties),
        (BodyKind.ParkCommittee, "park-committee", "园区管理委员会", DirectorySection.Parks),
        (BodyKind.ParkDepartment, "park-department", "园区工作机构", DirectorySection.Parks),
        (BodyKind.ServiceCentre, "service-centre", "服务机构", DirectorySection.ServiceBodies),
        (BodyKind.Township, "township", "乡镇人民政府（街道办事处）", DirectorySection.Counties),
        (BodyKind.School, "school", "学校", DirectorySection.PublicInstitutions),
        (BodyKind.Hospital, "hospital", "医院", DirectorySection.PublicInstitutions),
        (BodyKind.WaterSupply, "water-supply", "供水单位", DirectorySection.PublicInstitutions),
        (BodyKind.PowerSupply, "power-supply", "供电单位", DirectorySection.PublicInstitutions),
        (BodyKind.GasSupply, "gas-supply", "供气单位", DirectorySection.PublicInstitutions),
        (BodyKind.HeatSupply, "heat-supply", "供热单位", DirectorySection.PublicInstitutions),
        (BodyKind.PublicTransport, "public-transport", "公共交通单位", DirectorySection.PublicInstitutions),
    ];

    public static IReadOnlyList<BodyKind> All { get; } = Table.Select(row => row.Kind).ToArray();

    public static string Slug(BodyKind kind) => Row(kind).Slug;

    public static string ChineseName(BodyKind kind) => Row(kind).ChineseName;

    public static DirectorySection SectionOf(BodyKind kind) => Row(kind).Section;

    public static bool TryParse(string? slug, out BodyKind kind)
    {
        foreach (var row in Table)
        {
            if (string.Equals(row.Slug, slug, StringComparison.Ordinal))
            {
                kind = row.Kind;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Governments answer administrative-review applications against their departments.</summary>
    public static bool IsGovernment(BodyKind kind) => kind is BodyKind.MunicipalGovernment or BodyKind.CountyGovernment;

    /// <summary>公共企事业单位: they disclose under their supervising department (their parent), which oversees them.</summary>
    public static bool IsPublicInstitution(BodyKind kind) => SectionOf(kind) == DirectorySection.PublicInstitutions;

    public static string SectionTitle(DirectorySection section) => section switch
    {
        DirectorySection.CityGovernment => "市政府及其部门",
        DirectorySection.Counties => "县（市、区）",
        DirectorySection.Parks => "园区",
        DirectorySection.ServiceBodies => "服务机构",
        DirectorySection.PublicInstitutions => "公共企事业单位",
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };

    private static (BodyKind Kind, string Slug, string ChineseName, DirectorySection Section) Row(BodyKind kind)
    {
        foreach (var row in Table)
        {
            if (row.Kind == kind)
            {
                return row;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown body kind.");
    }
}
