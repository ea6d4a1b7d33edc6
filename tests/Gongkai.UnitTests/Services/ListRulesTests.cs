using Gongkai.Services.Rules;

namespace Gongkai.UnitTests.Services;

public sealed class ListDiffTests
{
    private static ListItem Power(string name, string type = "行政许可", string basis = "某法第一条", string agency = "市某局", string duties = "", string accountability = "") =>
        ListItem.Of(("type", type), ("name", name), ("basis", basis), ("agency", agency), ("duties", duties), ("accountability", accountability));

    [Fact]
    public void Identical_versions_have_no_difference_and_count_every_item_unchanged()
    {
        var items = new[] { Power("甲"), Power("乙") };
        var diff = ListDiff.Compute(ListKinds.Power, items, [Power("甲"), Power("乙")]);
        Assert.True(diff.IsEmpty);
        Assert.Equal(2, diff.Unchanged);
    }

    [Fact]
    public void An_item_only_in_the_newer_version_is_added_and_only_in_the_older_removed()
    {
        var diff = ListDiff.Compute(ListKinds.Power, [Power("甲"), Power("乙")], [Power("甲"), Power("丙")]);
        Assert.Equal("丙", Assert.Single(diff.Added)["name"]);
        Assert.Equal("乙", Assert.Single(diff.Removed)["name"]);
        Assert.Empty(diff.Changed);
        Assert.Equal(1, diff.Unchanged);
    }

    [Fact]
    public void A_changed_item_names_each_changed_field_with_before_and_after_and_nothing_else()
    {
        var diff = ListDiff.Compute(ListKinds.Power,
            [Power("建设工程规划许可", agency: "市规划局", basis: "城乡规划法第四十条")],
            [Power("建设工程规划许可", agency: "市自然资源和规划局", basis: "城乡规划法第四十条")]);
        var changed = Assert.Single(diff.Changed);
        Assert.Equal("建设工程规划许可", changed.Key);
        var field = Assert.Single(changed.Changes);
        Assert.Equal("实施主体", field.Column.Name);
        Assert.Equal("市规划局", field.Before);
        Assert.Equal("市自然资源和规划局", field.After);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
    }

    [Fact]
    public void Several_fields_changed_are_listed_in_column_order()
    {
        var diff = ListDiff.Compute(ListKinds.Power, [Power("甲", type: "行政许可", accountability: "旧")], [Power("甲", type: "行政确认", accountability: "新")]);
        Assert.Equal(["职权类型", "追责情形"], Assert.Single(diff.Changed).Changes.Select(c => c.Column.Name));
    }

    [Fact]
    public void Surrounding_spaces_are_no_change_but_a_missing_column_against_a_filled_one_is()
    {
        var diff = ListDiff.Compute(ListKinds.Power, [Power("甲", duties: "受理")], [Power(" 甲 ", duties: " 受理 ")]);
        Assert.True(diff.IsEmpty);
        var missing = ListDiff.Compute(ListKinds.Power, [Power("甲", duties: "受理")], [ListItem.Of(("type", "行政许可"), ("name", "甲"), ("basis", "某法第一条"), ("agency", "市某局"))]);
        var change = Assert.Single(Assert.Single(missing.Changed).Changes);
        Assert.Equal(("受理", ""), (change.Before, change.After));
    }

    [Fact]
    public void Renaming_an_item_is_one_removal_and_one_addition_because_the_name_is_the_key()
    {
        var diff = ListDiff.Compute(ListKinds.Power, [Power("食品流通许可")], [Power("食品经营许可")]);
        Assert.Equal("食品经营许可", Assert.Single(diff.Added)["name"]);
        Assert.Equal("食品流通许可", Assert.Single(diff.Removed)["name"]);
    }

    [Fact]
    public void Order_changes_alone_are_no_difference()
    {
        var diff = ListDiff.Compute(ListKinds.Power, [Power("甲"), Power("乙"), Power("丙")], [Power("丙"), Power("甲"), Power("乙")]);
        Assert.True(diff.IsEmpty);
        Assert.Equal(3, diff.Unchanged);
    }

    [Fact]
    public void Repeated_keys_in_old_data_pair_first_with_first_so_nothing_is_lost()
    {
        var diff = ListDiff.Compute(ListKinds.Power, [Power("甲", agency: "一"), Power("甲", agency: "二")], [Power("甲", agency: "一")]);
        Assert.Equal("二", Assert.Single(diff.Removed)["agency"]);
        Assert.Equal(1, diff.Unchanged);
    }

    [Fact]
    public void From_nothing_every_item_is_added_and_to_nothing_every_item_removed()
    {
        Assert.Equal(2, ListDiff.Compute(ListKinds.Power, [], [Power("甲"), Power("乙")]).Added.Count);
        Assert.Equal(2, ListDiff.Compute(ListKinds.Power, [Power("甲"), Power("乙")], []).Removed.Count);
    }

    [Fact]
    public void Other_kinds_match_on_their_own_key_column()
    {
        ListItem Fee(string item, string standard) => ListItem.Of(("item", item), ("basis", "某通知"), ("standard", standard), ("collector", "某中心"), ("funds", "缴入国库"));
        var diff = ListDiff.Compute(ListKinds.Fee, [Fee("不动产登记费", "每件80元")], [Fee("不动产登记费", "每件60元")]);
        var change = Assert.Single(Assert.Single(diff.Changed).Changes);
        Assert.Equal(("标准", "每件80元", "每件60元"), (change.Column.Name, change.Before, change.After));
    }

    [Fact]
    public void A_five_thousand_item_list_with_changes_everywhere_is_diffed_completely()
    {
        var older = Enumerable.Range(0, 5000).Select(i => Power($"事项{i}", agency: $"局{i % 7}")).ToList();
        var newer = older.Where((_, i) => i % 100 != 0).Select((item, i) => i % 50 == 0 ? Power(item["name"], agency: "新局") : item)
            .Concat(Enumerable.Range(0, 25).Select(i => Power($"新增{i}"))).ToList();
        var diff = ListDiff.Compute(ListKinds.Power, older, newer);
        Assert.Equal(25, diff.Added.Count);
        Assert.Equal(50, diff.Removed.Count);
        Assert.Equal(older.Count - 50, diff.Changed.Count + diff.Unchanged);
        Assert.All(diff.Changed, c => Assert.Equal("新局", c.After["agency"]));
    }
}

public sealed class ListItemRulesTests
{
    private static ListItem Row(string type, string name, string basis, string agency = "市某局") =>
        ListItem.Of(("type", type), ("name", name), ("basis", basis), ("agency", agency));

    [Fact]
    public void A_clean_list_passes_with_only_the_kinds_columns_kept()
    {
        var check = ListItemRules.Check(ListKinds.Power, [ListItem.Of(("type", "行政许可"), ("name", "甲"), ("basis", "某法"), ("agency", "市某局"), ("extra", "x"))]);
        Assert.True(check.Valid);
        Assert.DoesNotContain("extra", Assert.Single(check.Items).Values.Keys);
    }

    [Fact]
    public void Unknown_power_type_duplicate_item_and_missing_basis_are_each_reported_on_their_row_and_nothing_passes()
    {
        var check = ListItemRules.Check(ListKinds.Power,
        [
            Row("行政许可", "食品经营许可", "食品安全法第三十五条"),
            Row("行政许口", "建设工程规划许可", "城乡规划法第四十条"),
            Row("行政处罚", "食品经营许可", "食品安全法第一百二十二条"),
            Row("行政给付", "低保金给付", "  "),
        ]);
        Assert.False(check.Valid);
        Assert.Empty(check.Items);
        Assert.Collection(check.Problems,
            p => Assert.Equal((2, "职权类型"), (p.Row, p.Column)),
            p => Assert.Equal((3, "事项名称"), (p.Row, p.Column)),
            p => Assert.Equal((4, "设定依据"), (p.Row, p.Column)));
        Assert.Contains("行政许口", check.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("与第 1 行重复", check.Problems[1].Message, StringComparison.Ordinal);
        Assert.Equal("第 4 行（设定依据）：缺少设定依据。", check.Problems[2].Describe());
    }

    [Theory]
    [InlineData("行政许可")]
    [InlineData("行政处罚")]
    [InlineData("行政强制")]
    [InlineData("行政征收")]
    [InlineData("行政给付")]
    [InlineData("行政检查")]
    [InlineData("行政确认")]
    [InlineData("行政奖励")]
    [InlineData("行政裁决")]
    [InlineData("其他")]
    public void Each_of_the_ten_power_types_is_accepted(string type) =>
        Assert.True(ListItemRules.Check(ListKinds.Power, [Row(type, "甲", "某法")]).Valid);

    [Fact]
    public void A_value_longer_than_its_column_is_refused()
    {
        var check = ListItemRules.Check(ListKinds.Power, [Row("行政许可", new string('长', 201), "某法")]);
        Assert.Contains("不能超过 200 个字", Assert.Single(check.Problems).Message, StringComparison.Ordinal);
    }
}

public sealed class ListTableTests
{
    [Fact]
    public void Every_kind_has_unique_codes_and_column_keys_and_a_required_key_column()
    {
        Assert.Equal(ListKinds.All.Count, ListKinds.All.Select(k => k.Code).Distinct().Count());
        Assert.All(ListKinds.All, k =>
        {
            Assert.Equal(k.Columns.Count, k.Columns.Select(c => c.Key).Distinct().Count());
            Assert.Equal(k.Columns.Count, k.Columns.Select(c => c.Name).Distinct().Count());
            Assert.True(k.Key.Required, $"{k.Name}: the key column must be required");
        });
        Assert.Same(ListKinds.NegativeList, ListKinds.Find(" negative-list "));
        Assert.Null(ListKinds.Find("unknown"));
    }

    [Fact]
    public void A_negative_list_row_outside_its_two_categories_is_refused()
    {
        var check = ListTable.Read(ListKinds.NegativeList, ["类别", "事项编号", "禁止或许可事项", "设定依据"], [["鼓励类", "101", "某事项", "某决定"]]);
        Assert.Contains("禁止准入类、许可准入类", Assert.Single(check.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Headers_in_any_order_by_Chinese_name_or_key_read_into_items()
    {
        var check = ListTable.Read(ListKinds.Power, ["\uFEFF事项名称", "type", "设定依据", "实施主体"], [["甲", "行政许可", "某法", "市某局"], ["", "", "", ""]]);
        Assert.True(check.Valid);
        var item = Assert.Single(check.Items);
        Assert.Equal(("甲", "行政许可"), (item["name"], item["type"]));
    }

    [Fact]
    public void An_unknown_header_or_a_missing_required_column_refuses_the_file()
    {
        var check = ListTable.Read(ListKinds.Power, ["事项名称", "职权类别", "实施主体"], [["甲", "行政许可", "市某局"]]);
        Assert.False(check.Valid);
        Assert.Contains(check.Problems, p => p.Message.Contains("职权类别", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.Message.Contains("缺少“设定依据”列", StringComparison.Ordinal));
        Assert.Contains(check.Problems, p => p.Message.Contains("缺少“职权类型”列", StringComparison.Ordinal));
    }

    [Fact]
    public void Row_problems_carry_the_data_row_number()
    {
        var check = ListTable.Read(ListKinds.Power, ["职权类型", "事项名称", "设定依据", "实施主体"], [["行政许可", "甲", "某法", "局"], ["行政许口", "乙", "某法", "局"]]);
        Assert.Equal(2, Assert.Single(check.Problems).Row);
    }

    [Fact]
    public void Csv_has_the_header_in_column_order_quotes_where_needed_and_defuses_formulas()
    {
        var csv = ListTable.ToCsv(ListKinds.Fee, [ListItem.Of(("item", "甲,乙"), ("basis", "说\"明\""), ("standard", "=1+1"), ("collector", "中心"))]);
        Assert.Equal("项目,依据,标准,执收单位,资金管理方式\r\n\"甲,乙\",\"说\"\"明\"\"\",'=1+1,中心,\r\n", csv);
    }
}

public sealed class ListAdjustmentRulesTests
{
    private static readonly ListItem Item = ListItem.Of(("type", "行政许可"), ("name", "甲"), ("basis", "某法"), ("agency", "局"));

    [Fact]
    public void The_first_version_needs_a_reason_and_a_date()
    {
        var refused = ListAdjustmentRules.Check(ListKinds.Power, null, " ", [Item], null, null);
        Assert.NotNull(refused.Errors());
        Assert.Contains("reason", refused.Errors()!.Keys);
        Assert.Contains("effectiveOn", refused.Errors()!.Keys);
        var done = ListAdjustmentRules.Check(ListKinds.Power, new DateOnly(2026, 1, 1), " 首次公布 ", [Item], null, null);
        Assert.Equal("首次公布", done.Value!.Reason);
    }

    [Fact]
    public void A_version_effective_before_the_latest_one_is_refused_so_history_never_changes()
    {
        var refused = ListAdjustmentRules.Check(ListKinds.Power, new DateOnly(2025, 12, 31), "机构改革",
            [Item, ListItem.Of(("type", "行政许可"), ("name", "乙"), ("basis", "某法"), ("agency", "局"))], new DateOnly(2026, 1, 1), [Item]);
        Assert.Contains("2026年1月1日", refused.Errors()!["effectiveOn"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_adjustment_that_changes_nothing_is_refused()
    {
        var refused = ListAdjustmentRules.Check(ListKinds.Power, new DateOnly(2026, 2, 1), "复核", [Item], new DateOnly(2026, 1, 1), [Item]);
        Assert.Contains("没有任何变化", refused.Errors()!["items"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Row_problems_are_all_listed_and_the_message_counts_them()
    {
        var refused = ListAdjustmentRules.Check(ListKinds.Power, new DateOnly(2026, 2, 1), "机构改革",
            [Item, Item, ListItem.Of(("type", "未知"), ("name", "乙"), ("agency", "局"))], null, null);
        Assert.Equal(3, refused.Errors()!["items"].Length);
        Assert.Contains("3 处问题", refused.Refusal!.Message, StringComparison.Ordinal);
    }
}

public sealed class VersionsInForceTests
{
    private sealed record V(int Number, DateOnly EffectiveOn) : IDatedVersion;

    [Fact]
    public void The_version_in_force_is_the_last_effective_on_or_before_the_date_and_later_adopted_wins_a_tie()
    {
        V[] versions = [new(1, new DateOnly(2025, 1, 1)), new(2, new DateOnly(2026, 1, 1)), new(3, new DateOnly(2026, 1, 1)), new(4, new DateOnly(2027, 1, 1))];
        Assert.Null(VersionsInForce.On(versions, new DateOnly(2024, 12, 31)));
        Assert.Equal(1, VersionsInForce.On(versions, new DateOnly(2025, 12, 31))!.Number);
        Assert.Equal(3, VersionsInForce.On(versions, new DateOnly(2026, 1, 1))!.Number);
        Assert.Equal(3, VersionsInForce.On(versions, new DateOnly(2026, 12, 31))!.Number);
        Assert.Equal(4, VersionsInForce.On(versions, new DateOnly(2027, 1, 1))!.Number);
    }
}

internal static class OutcomeErrors
{
    public static IReadOnlyDictionary<string, string[]>? Errors<T>(this Gongkai.Platform.Outcomes.Outcome<T> outcome) where T : notnull => outcome.Refusal?.Errors;
}
