namespace Gongkai.Publishing.Catalogue;

/// <summary>What a body admin enters for a catalogue node (API body and admin form alike).</summary>
public sealed record CatalogueNodeInput(
    string? Name,
    string? Content = null,
    string? ResponsibleBody = null,
    string? TimeLimit = null,
    string? Carriers = null,
    string? UpdateFrequency = null,
    IReadOnlyList<string>? AllowedTypes = null);

/// <summary>Input that passed <see cref="CatalogueRules.Validate"/>: trimmed, allowed types known and joined.</summary>
public sealed record CheckedCatalogueNodeInput(string Name, string Content, string ResponsibleBody, string TimeLimit, string Carriers,
    string UpdateFrequency, string? AllowedTypes);

/// <summary>The catalogue's rules, in Chinese, without I/O.</summary>
public static class CatalogueRules
{
    public const int MaxNameLength = 50;
    public const int MaxTextLength = 1000;
    public const int MaxShortTextLength = 200;

    /// <summary>Separates nested node names in an import's <c>category</c>.</summary>
    public const char PathSeparator = '/';

    /// <summary>Checks a node's fields; <paramref name="siblingNames"/> are the names of the other nodes under the same
    /// parent (a name must be unique there, so a path like 法定主动公开内容/统计信息 names one node).</summary>
    public static (CheckedCatalogueNodeInput? Value, Dictionary<string, string[]> Errors) Validate(CatalogueNodeInput input, IEnumerable<string> siblingNames)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors["name"] = ["请填写目录名称。"];
        }
        else if (name.Length > MaxNameLength)
        {
            errors["name"] = [$"目录名称不能超过 {MaxNameLength} 个字。"];
        }
        else if (name.Contains(PathSeparator, StringComparison.Ordinal))
        {
            errors["name"] = ["目录名称不能包含“/”（“/”用于表示上下级目录）。"];
        }
        else if (siblingNames.Contains(name, StringComparer.Ordinal))
        {
            errors["name"] = [$"同一上级目录下已有名为“{name}”的目录。"];
        }

        string Text(string field, string label, string? value, int max)
        {
            var text = value?.Trim() ?? "";
            if (text.Length > max)
            {
                errors[field] = [$"{label}不能超过 {max} 个字。"];
            }

            return text;
        }

        var content = Text("content", "公开内容", input.Content, MaxTextLength);
        var responsible = Text("responsibleBody", "公开主体", input.ResponsibleBody, MaxShortTextLength);
        var timeLimit = Text("timeLimit", "公开时限", input.TimeLimit, MaxShortTextLength);
        var carriers = Text("carriers", "公开载体", input.Carriers, MaxShortTextLength);
        var frequency = Text("updateFrequency", "更新频率", input.UpdateFrequency, MaxShortTextLength);

        var types = (input.AllowedTypes ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var unknown = types.Where(t => !DocumentCatalog.Types.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            errors["allowedTypes"] = [$"文件类型“{string.Join("、", unknown)}”不在可选范围内。"];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new CheckedCatalogueNodeInput(name, content, responsible, timeLimit, carriers, frequency, JoinTypes(types)), errors);
    }

    /// <summary>Null when a document of <paramref name="documentType"/> may be filed in the node, else why not.</summary>
    public static string? TypeNotAllowed(string nodeName, string? allowedTypes, string documentType)
    {
        var allowed = SplitTypes(allowedTypes);
        return allowed.Count == 0 || allowed.Contains(documentType, StringComparer.Ordinal)
            ? null
            : $"目录“{nodeName}”只收录{string.Join("、", allowed)}，不能放入“{documentType}”。";
    }

    /// <summary>Null when a node may be deleted; a node that documents use, or that has sub-nodes, may only be hidden.</summary>
    public static string? DeletionRefused(string nodeName, int documentCount, int childCount) =>
        documentCount > 0
            ? $"目录“{nodeName}”下有 {documentCount} 件文件，不能删除；如不再使用，请将其隐藏。"
            : childCount > 0
                ? $"目录“{nodeName}”下还有 {childCount} 个子目录，请先删除或移走子目录；如不再使用，也可将其隐藏。"
                : null;

    /// <summary>The names of a nested path such as <c>部门规章/公安部</c>; null when a part is empty or too long.</summary>
    public static IReadOnlyList<string>? SplitPath(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var parts = path.Split(PathSeparator).Select(p => p.Trim()).ToList();
        return parts.Any(p => p.Length == 0 || p.Length > MaxNameLength) ? null : parts;
    }

    public static IReadOnlyList<string> SplitTypes(string? types) =>
        string.IsNullOrWhiteSpace(types) ? [] : types.Split('；', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string? JoinTypes(IEnumerable<string> types)
    {
        var joined = string.Join('；', types);
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>Moves the item at <paramref name="index"/> one place up (-1) or down (+1); returns the new order of ids,
    /// or the same order when the move would leave the list.</summary>
    public static IReadOnlyList<int> Move(IReadOnlyList<int> orderedIds, int id, int direction)
    {
        var list = orderedIds.ToList();
        var index = list.IndexOf(id);
        var target = index + Math.Sign(direction);
        if (index < 0 || target < 0 || target >= list.Count)
        {
            return list;
        }

        (list[index], list[target]) = (list[target], list[index]);
        return list;
    }
}
