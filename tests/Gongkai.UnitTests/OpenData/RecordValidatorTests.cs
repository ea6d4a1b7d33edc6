using Gongkai.OpenData;
using Gongkai.OpenData.Rules;

namespace Gongkai.UnitTests.OpenData;

public sealed class RecordValidatorTests
{
    private static readonly DateOnly Today = new(2024, 10, 15);

    private static RecordSchema Penalty => ShippedRecordTypes.All.Single(s => s.Key == ShippedRecordTypes.AdministrativePenalty);

    private static Dictionary<string, string?> ValidPenalty() => new()
    {
        ["decisionNo"] = "绵市监处罚〔2024〕101号",
        ["caseName"] = "某公司销售不合格食品案",
        ["violation"] = "经抽检，菌落总数不符合标准。",
        ["basis"] = "《中华人民共和国食品安全法》第一百二十四条",
        ["penaltyType"] = "罚款",
        ["result"] = "罚款5000元。",
        ["fine"] = "5,000.50",
        ["party"] = "绵阳示例商贸有限公司",
        ["partyCode"] = "91110000600037341L",
        ["decisionDate"] = "2024年9月27日",
        ["authority"] = "绵阳市市场监督管理局",
    };

    private static IReadOnlyDictionary<string, string[]> Errors(Dictionary<string, string?> input)
    {
        var outcome = RecordValidator.Validate(Penalty, input, Today);
        Assert.False(outcome.Succeeded);
        return outcome.Refusal!.Errors;
    }

    [Fact]
    public void A_valid_penalty_is_normalised_and_keyed_by_its_decision_number()
    {
        var outcome = RecordValidator.Validate(Penalty, ValidPenalty(), Today);

        Assert.True(outcome.Succeeded);
        var record = outcome.Value!;
        Assert.Equal("2024-09-27", record.Values["decisionDate"]);
        Assert.Equal("5000.5", record.Values["fine"]);
        Assert.Equal("绵市监处罚〔2024〕101号", record.NaturalKey);
        Assert.Equal("某公司销售不合格食品案", record.Title);
        Assert.Equal(new DateOnly(2024, 9, 27), record.DecisionDate);
        Assert.False(record.Values.ContainsKey("partyIdNumber"));
    }

    [Fact]
    public void A_missing_required_field_is_named_in_Chinese()
    {
        var input = ValidPenalty();
        input["caseName"] = "  ";

        Assert.Equal(["请填写“案件名称”。"], Errors(input)["caseName"]);
    }

    [Theory]
    [InlineData("91110000600037341M", "校验位")]
    [InlineData("9111000060003734", "18位")]
    [InlineData("91110000600O37341L", "I、O、S、V、Z")]
    public void A_credit_code_with_a_wrong_check_character_length_or_letter_is_refused(string code, string says)
    {
        var input = ValidPenalty();
        input["partyCode"] = code;

        Assert.Contains(says, Errors(input)["partyCode"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lower_case_credit_code_with_spaces_is_read_as_the_code_it_is()
    {
        var input = ValidPenalty();
        input["partyCode"] = "9111 0000 6000 3734 1l";

        Assert.Equal("91110000600037341L", RecordValidator.Validate(Penalty, input, Today).Value!.Values["partyCode"]);
    }

    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("11010519491231002x", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("110105209912310021", false)]
    public void ID_numbers_are_checked_by_their_check_character_and_birth_date(string id, bool valid)
    {
        var input = ValidPenalty();
        input["partyIdNumber"] = id;

        var outcome = RecordValidator.Validate(Penalty, input, Today);

        Assert.Equal(valid, outcome.Succeeded);
        if (valid)
        {
            Assert.Equal("11010519491231002X", outcome.Value!.Values["partyIdNumber"]);
        }
    }

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("昨天")]
    [InlineData("2024/2/30")]
    public void Impossible_dates_are_refused(string date)
    {
        var input = ValidPenalty();
        input["decisionDate"] = date;

        Assert.Contains("应为日期", Errors(input)["decisionDate"].Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-5", "负数")]
    [InlineData("12.345", "两位小数")]
    [InlineData("五千", "金额数字")]
    public void Amounts_must_be_non_negative_numbers_with_at_most_two_decimals(string amount, string says)
    {
        var input = ValidPenalty();
        input["fine"] = amount;

        Assert.Contains(says, Errors(input)["fine"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_outside_the_code_list_is_refused_with_the_allowed_values()
    {
        var input = ValidPenalty();
        input["penaltyType"] = "批评";

        var message = Errors(input)["penaltyType"].Single();
        Assert.Contains("警告、罚款", message, StringComparison.Ordinal);
        Assert.Contains("“批评”", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spreadsheet_formula_is_refused_rather_than_published()
    {
        var input = ValidPenalty();
        input["party"] = "=HYPERLINK(\"http://evil.example\")";

        Assert.Contains("公式", Errors(input)["party"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_the_type_does_not_have_is_refused()
    {
        var input = ValidPenalty();
        input["colour"] = "红";

        Assert.Contains("colour", Errors(input).Keys);
    }

    [Fact]
    public void A_one_line_field_refuses_line_breaks_and_over_long_text()
    {
        var input = ValidPenalty();
        input["caseName"] = "第一行\n第二行";
        input["party"] = new string('长', RecordValidator.MaxTextLength + 1);

        var errors = Errors(input);
        Assert.Contains("换行", errors["caseName"].Single(), StringComparison.Ordinal);
        Assert.Contains("最多 200 个字", errors["party"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_of_a_record_is_reported_at_once()
    {
        var input = ValidPenalty();
        input["fine"] = "-1";
        input["decisionDate"] = "x";
        input["partyCode"] = "123";

        Assert.Equal(3, Errors(input).Count);
    }
}
