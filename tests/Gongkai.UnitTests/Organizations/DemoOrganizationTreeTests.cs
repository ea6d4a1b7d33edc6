using Gongkai.Organizations;
using Gongkai.Organizations.Demo;

namespace Gongkai.UnitTests.Organizations;

public sealed class DemoOrganizationTreeTests
{
    private static readonly List<Body> Bodies = DemoOrganizationSeeder.Build();

    [Fact]
    public void Every_demo_body_passes_the_rules_staff_must_follow()
    {
        var keys = Bodies.Select((b, i) => new BodyKey(i + 1, b.Parent is null ? null : Bodies.IndexOf(b.Parent) + 1, b.Code, b.Name, b.CreditCode)).ToList();
        foreach (var (body, key) in Bodies.Zip(keys))
        {
            var draft = BodyDraft.From(body);
            draft.ParentId = key.ParentId;
            Assert.Empty(BodyValidator.Validate(BodyValidator.Normalize(draft), key.Id, keys));
        }
    }

    [Fact]
    public void The_tree_has_a_city_government_three_counties_two_parks_and_a_service_centre()
    {
        Assert.InRange(Bodies.Count, 28, 36);
        Assert.Single(Bodies, b => b.Kind == BodyKind.MunicipalGovernment);
        Assert.Equal(["三台县人民政府", "盐亭县人民政府", "梓潼县人民政府"], Bodies.Where(b => b.Kind == BodyKind.CountyGovernment).Select(b => b.Name));
        Assert.Equal(2, Bodies.Count(b => b.Kind == BodyKind.ParkCommittee));
        Assert.Contains(Bodies, b => b.Kind == BodyKind.ServiceCentre);
        Assert.InRange(Bodies.Count(b => b.Kind == BodyKind.MunicipalDepartment), 14, 18);
    }

    [Fact]
    public void Credit_codes_carry_the_region_of_the_city_or_county()
    {
        Assert.StartsWith("11510700", Bodies.Single(b => b.Code == "myszf").CreditCode, StringComparison.Ordinal);
        Assert.StartsWith("11510722", Bodies.Single(b => b.Code == "stxzf").CreditCode, StringComparison.Ordinal);
        Assert.StartsWith("11510723", Bodies.Single(b => b.Code == "ytxmzj").CreditCode, StringComparison.Ordinal);
        Assert.StartsWith("11510725", Bodies.Single(b => b.Code == "ztxzjj").CreditCode, StringComparison.Ordinal);
        Assert.Equal(Bodies.Count, Bodies.Select(b => b.CreditCode).Distinct().Count());
    }
}
