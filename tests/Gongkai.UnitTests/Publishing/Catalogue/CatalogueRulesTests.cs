using Gongkai.Organizations;
using Gongkai.Publishing;
using Gongkai.Publishing.Catalogue;

namespace Gongkai.UnitTests.Publishing.Catalogue;

public sealed class CatalogueRulesTests
{
    [Fact]
    public void A_name_is_required_unique_among_siblings_and_free_of_slashes()
    {
        Assert.Equal("请填写目录名称。", CatalogueRules.Validate(new CatalogueNodeInput("  "), []).Errors["name"][0]);
        Assert.Contains("“/”", CatalogueRules.Validate(new CatalogueNodeInput("部门规章/公安部"), []).Errors["name"][0], StringComparison.Ordinal);
        Assert.Contains("已有名为“统计信息”", CatalogueRules.Validate(new CatalogueNodeInput(" 统计信息 "), ["统计信息"]).Errors["name"][0], StringComparison.Ordinal);
        var (value, errors) = CatalogueRules.Validate(new CatalogueNodeInput(" 统计信息 ", TimeLimit: " 形成或变更之日起20个工作日内 "), ["规划计划"]);
        Assert.Empty(errors);
        Assert.Equal("统计信息", value!.Name);
        Assert.Equal("形成或变更之日起20个工作日内", value.TimeLimit);
    }

    [Fact]
    public void Allowed_types_must_be_known_document_types()
    {
        var (_, errors) = CatalogueRules.Validate(new CatalogueNodeInput("规章", AllowedTypes: [DocumentCatalog.NormativeDocument, "会议纪要"]), []);
        Assert.Contains("会议纪要", errors["allowedTypes"][0], StringComparison.Ordinal);
        var (value, _) = CatalogueRules.Validate(new CatalogueNodeInput("规章", AllowedTypes: [DocumentCatalog.NormativeDocument, DocumentCatalog.OtherPolicyDocument]), []);
        Assert.Equal("行政规范性文件；其他政策文件", value!.AllowedTypes);
    }

    [Fact]
    public void A_node_refuses_a_document_type_it_does_not_list_and_an_empty_list_allows_any()
    {
        Assert.Null(CatalogueRules.TypeNotAllowed("工作动态", null, DocumentCatalog.Notice));
        Assert.Null(CatalogueRules.TypeNotAllowed("规章和规范性文件", "行政规范性文件；其他政策文件", DocumentCatalog.NormativeDocument));
        Assert.Equal("目录“统计信息”只收录统计信息，不能放入“通知公告”。", CatalogueRules.TypeNotAllowed("统计信息", "统计信息", DocumentCatalog.Notice));
    }

    [Fact]
    public void A_node_with_documents_or_children_cannot_be_deleted_only_hidden()
    {
        Assert.Contains("请将其隐藏", CatalogueRules.DeletionRefused("统计信息", 3, 0), StringComparison.Ordinal);
        Assert.Contains("子目录", CatalogueRules.DeletionRefused("法定主动公开内容", 0, 15), StringComparison.Ordinal);
        Assert.Null(CatalogueRules.DeletionRefused("空目录", 0, 0));
    }

    [Fact]
    public void Import_paths_split_on_slashes_and_reject_empty_parts()
    {
        Assert.Equal(["部门规章", "公安部"], CatalogueRules.SplitPath(" 部门规章 / 公安部"));
        Assert.Null(CatalogueRules.SplitPath("部门规章//公安部"));
        Assert.Null(CatalogueRules.SplitPath(""));
    }

    [Fact]
    public void Moving_swaps_with_the_neighbour_and_stops_at_the_ends()
    {
        Assert.Equal([2, 1, 3], CatalogueRules.Move([1, 2, 3], 2, -1));
        Assert.Equal([1, 2, 3], CatalogueRules.Move([1, 2, 3], 1, -1));
        Assert.Equal([1, 2, 3], CatalogueRules.Move([1, 2, 3], 3, 1));
    }

    [Fact]
    public void The_default_catalogue_lists_the_fifteen_kinds_and_the_city_county_kinds_only_for_governments()
    {
        Assert.Equal(15, CatalogueDefaults.Article20.Count);
        Assert.Equal(7, CatalogueDefaults.Article21.Count);
        var city = CatalogueDefaults.For(BodyKind.MunicipalGovernment).Select(r => r.Name).ToList();
        var department = CatalogueDefaults.For(BodyKind.MunicipalDepartment).Select(r => r.Name).ToList();
        Assert.Contains(CatalogueDefaults.CityCountyRoot, city);
        Assert.DoesNotContain(CatalogueDefaults.CityCountyRoot, department);
        var keyAreas = CatalogueDefaults.KeyAreas.Select(k => k.Name).ToList();
        Assert.Contains("重大建设项目批准和实施", keyAreas);
        Assert.Contains("精准扶贫精准脱贫", keyAreas);
        Assert.Contains("建议提案办理", keyAreas);
        Assert.Equal(CatalogueDefaults.ThreeWorkingDays, CatalogueDefaults.Article20[0].TimeLimit);
    }

    [Fact]
    public void A_hidden_node_hides_its_children_from_the_public_tree()
    {
        CatalogueNode Node(int id, int? parent, string name, int order, bool hidden = false) => new() { Id = id, ParentId = parent, Name = name, Order = order, Hidden = hidden };
        var nodes = new[] { Node(1, null, "甲", 2), Node(2, null, "乙", 1, hidden: true), Node(3, 2, "乙一", 1), Node(4, 1, "甲一", 1) };
        var publicTree = CatalogueTree.Build(nodes, includeHidden: false);
        Assert.Equal(["甲"], publicTree.Select(n => n.Node.Name));
        Assert.Equal(["甲一"], publicTree[0].Children.Select(n => n.Node.Name));
        var staffTree = CatalogueTree.Build(nodes, includeHidden: true);
        Assert.Equal(["乙", "甲"], staffTree.Select(n => n.Node.Name));
        Assert.Equal(["乙一"], staffTree[0].Children.Select(n => n.Node.Name));
    }
}
