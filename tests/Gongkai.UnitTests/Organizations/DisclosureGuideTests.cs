using Gongkai.Organizations;
using Gongkai.Organizations.Demo;

namespace Gongkai.UnitTests.Organizations;

public sealed class DisclosureGuideTests
{
    private static readonly BodyHierarchy Demo = new(DemoOrganizationSeeder.Build().Select((body, index) =>
    {
        body.Id = index + 1;
        return body;
    }).Select(body =>
    {
        body.ParentId = body.Parent?.Id;
        return body;
    }).ToList());

    private static string ReviewBodyOf(string code)
    {
        var body = Demo.FindByCode(code)!;
        return DisclosureGuide.For(body, Demo.AncestorsOf(body), "四川省人民政府").ReviewBody;
    }

    [Fact]
    public void The_city_governments_review_body_is_the_provincial_government()
    {
        Assert.Equal("四川省人民政府", ReviewBodyOf("myszf"));
    }

    [Theory]
    [InlineData("myfgw")]
    [InlineData("myszfb")]
    [InlineData("stxzf")]
    [InlineData("mygxq")]
    [InlineData("myzwzx")]
    [InlineData("mygxjfj")]
    public void Municipal_departments_counties_parks_and_the_service_centre_answer_to_the_city_government(string code)
    {
        Assert.Equal("绵阳市人民政府", ReviewBodyOf(code));
    }

    [Theory]
    [InlineData("stxjtj", "三台县人民政府")]
    [InlineData("ytxwjj", "盐亭县人民政府")]
    [InlineData("ztxzjj", "梓潼县人民政府")]
    public void A_county_department_answers_to_its_county_government(string code, string government)
    {
        Assert.Equal(government, ReviewBodyOf(code));
    }

    [Fact]
    public void Only_governments_get_the_article_21_items()
    {
        Assert.True(DisclosureGuide.For(Demo.FindByCode("stxzf")!, [], "省").IsGovernment);
        Assert.False(DisclosureGuide.For(Demo.FindByCode("stxczj")!, [], "省").IsGovernment);
    }
}
