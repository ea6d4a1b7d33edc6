using Gongkai.Organizations;

namespace Gongkai.UnitTests.Organizations;

public sealed class BodyValidatorTests
{
    // A tiny tree: city (1) → department (2) → section (3); county (4) under the city.
    private static readonly BodyKey[] Existing =
    [
        new(1, null, "city", "绵阳市人民政府", "115107000070000115"),
        new(2, 1, "dept", "绵阳市财政局", "1151070000700002XW"),
        new(3, 2, "unit", "绵阳市某服务中心", "91110000600037341L"),
        new(4, 1, "county", "三台县人民政府", "11510722007220014Y"),
    ];

    private static BodyDraft ValidDraft() => new()
    {
        Code = "newdept",
        Name = "绵阳市测试局",
        ShortName = "市测试局",
        Kind = "municipal-department",
        ParentId = 1,
        CreditCode = "Y1110000600037341Y",
        Phone = "0816-2345678",
        Email = "xxgk@example.gov.cn",
    };

    private static Dictionary<string, string[]> Validate(BodyDraft draft, int? editing = null) =>
        BodyValidator.Validate(BodyValidator.Normalize(draft), editing, Existing);

    [Fact]
    public void A_complete_draft_has_no_errors()
    {
        Assert.Empty(Validate(ValidDraft()));
    }

    [Fact]
    public void Name_short_name_and_kind_are_required()
    {
        var draft = ValidDraft();
        draft.Name = "  ";
        draft.ShortName = null;
        draft.Kind = "";
        var errors = Validate(draft);
        Assert.Equal(["请填写机构名称。"], errors["name"]);
        Assert.Equal(["请填写机构简称。"], errors["shortName"]);
        Assert.Equal(["请选择机构类型。"], errors["kind"]);
    }

    [Fact]
    public void An_unknown_kind_is_rejected()
    {
        var draft = ValidDraft();
        draft.Kind = "ministry";
        Assert.Equal(["机构类型无效。"], Validate(draft)["kind"]);
    }

    [Fact]
    public void A_bad_credit_code_reports_the_credit_code_rule()
    {
        var draft = ValidDraft();
        draft.CreditCode = "91110000600037341M";
        Assert.Contains("统一社会信用代码", Validate(draft)["creditCode"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lowercase_credit_code_is_normalised_and_accepted()
    {
        var draft = ValidDraft();
        draft.CreditCode = "y1110000600037341y";
        Assert.Empty(Validate(draft));
    }

    [Fact]
    public void A_credit_code_used_by_another_body_is_rejected_with_its_name()
    {
        var draft = ValidDraft();
        draft.CreditCode = "1151070000700002XW";
        Assert.Equal(["统一社会信用代码已被“绵阳市财政局”使用。"], Validate(draft)["creditCode"]);
    }

    [Fact]
    public void Keeping_ones_own_credit_code_when_editing_is_fine()
    {
        var draft = ValidDraft();
        draft.CreditCode = "1151070000700002XW";
        Assert.Empty(Validate(draft, editing: 2));
    }

    [Theory]
    [InlineData("0816-2345678")]
    [InlineData("08162345678")]
    [InlineData("028-86543210")]
    [InlineData("0816-2345678-801")]
    [InlineData("0816-2223590、12315")]
    [InlineData("13812345678")]
    [InlineData("400-123-4567")]
    public void Common_phone_shapes_are_accepted(string phone)
    {
        var draft = ValidDraft();
        draft.Phone = phone;
        Assert.False(Validate(draft).ContainsKey("phone"));
    }

    [Theory]
    [InlineData("2345678")]
    [InlineData("0816-23")]
    [InlineData("电话0816-2345678")]
    [InlineData("12345678901234")]
    public void Malformed_phone_numbers_are_rejected(string phone)
    {
        var draft = ValidDraft();
        draft.Phone = phone;
        Assert.Contains("联系电话格式不正确", Validate(draft)["phone"].Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xxgk")]
    [InlineData("xxgk@localhost")]
    [InlineData("a b@example.cn")]
    [InlineData("xxgk@@example.cn")]
    public void Malformed_email_addresses_are_rejected(string email)
    {
        var draft = ValidDraft();
        draft.Email = email;
        Assert.Contains("电子邮箱格式不正确", Validate(draft)["email"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_city_government_may_have_no_parent()
    {
        var department = ValidDraft();
        department.ParentId = null;
        Assert.Equal(["请选择上级机构。"], Validate(department)["parentId"]);

        var city = ValidDraft();
        city.ParentId = null;
        city.Kind = "municipal-government";
        Assert.Empty(Validate(city));
    }

    [Fact]
    public void A_parent_that_does_not_exist_is_rejected()
    {
        var draft = ValidDraft();
        draft.ParentId = 99;
        Assert.Equal(["所选上级机构不存在。"], Validate(draft)["parentId"]);
    }

    [Fact]
    public void A_body_cannot_be_its_own_parent()
    {
        var draft = ValidDraft();
        draft.ParentId = 2;
        Assert.Equal(["上级机构不能是本机构自己。"], Validate(draft, editing: 2)["parentId"]);
    }

    [Fact]
    public void Moving_a_body_under_its_own_sub_body_is_rejected_as_a_cycle()
    {
        var draft = ValidDraft();
        draft.CreditCode = "1151070000700002XW";
        draft.ParentId = 3;
        Assert.Contains("循环", Validate(draft, editing: 2)["parentId"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_must_be_short_lowercase_ascii_and_unique_when_creating()
    {
        var bad = ValidDraft();
        bad.Code = "市财政局";
        Assert.Contains("小写字母", Validate(bad)["code"].Single(), StringComparison.Ordinal);

        var taken = ValidDraft();
        taken.Code = "DEPT";
        Assert.Equal(["机构代码“dept”已被使用。"], Validate(taken)["code"]);
    }

    [Fact]
    public void Texts_longer_than_their_columns_are_rejected_with_the_count()
    {
        var draft = ValidDraft();
        draft.Name = new string('局', BodyValidator.MaxName + 1);
        draft.Functions = new string('职', BodyValidator.MaxFunctions + 1);
        var errors = Validate(draft);
        Assert.Equal([$"机构名称不能超过{BodyValidator.MaxName}个字，当前为{BodyValidator.MaxName + 1}个字。"], errors["name"]);
        Assert.True(errors.ContainsKey("functions"));
    }

    [Fact]
    public void Normalising_trims_fields_and_drops_blank_structure_lines()
    {
        var draft = ValidDraft();
        draft.Name = "  绵阳市测试局 ";
        draft.InternalStructure = "办公室\r\n\r\n  综合科  \n";
        var normal = BodyValidator.Normalize(draft);
        Assert.Equal("绵阳市测试局", normal.Name);
        Assert.Equal("办公室\n综合科", normal.InternalStructure);
    }
}
