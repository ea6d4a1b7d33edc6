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

    [Fact]
    public void A_guide_offers_only_the_channels_the_bodys_data_allows_and_always_the_online_form()
    {
        var body = Demo.FindByCode("stxjtj")!;
        var full = new Body { Code = "x", Name = "某局", ShortName = "某局", CreditCode = "", Address = "某路1号", Email = "gk@example.cn" };
        var bare = new Body { Code = "y z", Name = "某办", ShortName = "某办", CreditCode = "" };

        Assert.Equal([ApplicationChannel.Online, ApplicationChannel.InPerson, ApplicationChannel.Letter, ApplicationChannel.Email],
            DisclosureGuide.For(full, [], "省").Channels);
        Assert.Equal([ApplicationChannel.Online], DisclosureGuide.For(bare, [], "省").Channels);
        Assert.Equal("/requests/apply?body=y%20z", DisclosureGuide.For(bare, [], "省").OnlineApplicationUrl);
        Assert.Equal("/requests/apply?body=stxjtj", DisclosureGuide.For(body, [], "省").OnlineApplicationUrl);
    }
}
