using Gongkai.OpenData;
using Gongkai.OpenData.Rules;

namespace Gongkai.UnitTests.OpenData;

public sealed class SchemaTextTests
{
    [Fact]
    public void Every_shipped_type_passes_the_schema_check_and_survives_the_line_format()
    {
        foreach (var schema in ShippedRecordTypes.All)
        {
            Assert.True(SchemaText.Check(schema).Succeeded, schema.Key + ": " + string.Join(" ", SchemaText.Check(schema).Refusal?.Errors.SelectMany(e => e.Value) ?? []));
            var parsed = SchemaText.Parse(SchemaText.Format(schema.Fields));
            Assert.True(parsed.Succeeded);
            Assert.Equal(schema.Fields, parsed.Value!, new FieldComparer());
        }
    }

    [Fact]
    public void The_shipped_types_carry_the_fields_the_regulations_name()
    {
        var poverty = ShippedRecordTypes.All.Single(s => s.Key == ShippedRecordTypes.PovertyProject);
        foreach (var label in new[] { "项目名称", "资金来源", "实施开始日期", "预期目标", "实施结果", "实施单位", "责任人", "举报电话", "检查验收结果" })
        {
            Assert.Contains(poverty.Fields, f => f.Label == label);
        }

        var construction = ShippedRecordTypes.All.Single(s => s.Key == ShippedRecordTypes.ConstructionProject);
        Assert.Equal(["批准服务", "批准结果", "招标投标", "征收土地", "重大设计变更", "施工", "质量安全监督", "竣工验收"], construction.Field("stage")!.CodeList);
        foreach (var key in new[] { ShippedRecordTypes.AdministrativeLicence, ShippedRecordTypes.AdministrativePenalty })
        {
            Assert.Equal(7, ShippedRecordTypes.All.Single(s => s.Key == key).PublishWithinWorkingDays);
        }
    }

    [Fact]
    public void Chinese_type_names_and_the_required_mark_are_read()
    {
        var parsed = SchemaText.Parse("site|监测点位|文本|必填\nvalue|监测值|decimal||μg/m³\nkind|类别|代码表||| 甲、乙 ");

        Assert.True(parsed.Succeeded);
        var fields = parsed.Value!;
        Assert.Equal(new FieldDefinition("site", "监测点位", FieldType.Text, true), fields[0]);
        Assert.Equal("μg/m³", fields[1].Unit);
        Assert.Equal(["甲", "乙"], fields[2].CodeList);
    }

    [Fact]
    public void An_unknown_type_names_the_line()
    {
        var parsed = SchemaText.Parse("a|甲|text\nb|乙|colour");

        Assert.False(parsed.Succeeded);
        Assert.Contains("第 2 行类型“colour”未知", parsed.Refusal!.Errors["fields"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_with_repeated_labels_a_code_field_without_codes_or_a_personal_key_is_refused()
    {
        var schema = new RecordSchema("test", "测试", "",
        [
            new("a", "名称", FieldType.Text, true),
            new("b", "名称", FieldType.Text),
            new("c", "类别", FieldType.Code, true),
            new("d", "身份证号", FieldType.IdNumber, true),
        ], ["d"], "a", DecisionDateField: "a", PublishWithinWorkingDays: 7);

        var errors = SchemaText.Check(schema).Refusal!.Errors;

        Assert.Contains(errors["fields"], m => m.Contains("名称“名称”重复", StringComparison.Ordinal));
        Assert.Contains(errors["fields"], m => m.Contains("请列出可选值", StringComparison.Ordinal));
        Assert.Contains("个人信息", errors["naturalKey"].Single(), StringComparison.Ordinal);
        Assert.Contains("日期字段", errors["decisionDateField"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_key_must_be_url_safe()
    {
        var schema = new RecordSchema("Road Works", "道路施工", "", [new("a", "名称", FieldType.Text, true)], ["a"], "a");

        Assert.True(SchemaText.Check(schema).Refusal!.Errors.ContainsKey("key"));
    }

    private sealed class FieldComparer : IEqualityComparer<FieldDefinition>
    {
        public bool Equals(FieldDefinition? x, FieldDefinition? y) =>
            x is not null && y is not null && x.Key == y.Key && x.Label == y.Label && x.Type == y.Type && x.Required == y.Required
            && x.Unit == y.Unit && x.CodeList.SequenceEqual(y.CodeList) && x.Description == y.Description;

        public int GetHashCode(FieldDefinition obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
