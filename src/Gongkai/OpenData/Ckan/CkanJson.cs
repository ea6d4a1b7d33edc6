using System.Globalization;
using System.Text.Json.Nodes;
using Gongkai.OpenData.Rules;
using Gongkai.Organizations;

namespace Gongkai.OpenData.Ckan;

/// <summary>Datasets, resources, organisations and groups in CKAN's dictionary shapes (the keys CKAN's
/// <c>package_show</c> returns), so ckanapi, ckanr and harvesters read them unchanged.</summary>
public static class CkanJson
{
    public const string LicenceTitle = "Creative Commons Attribution";
    public const string LicenceUrl = "http://www.opendefinition.org/licenses/cc-by";

    /// <summary>The licences staff may choose for a file dataset (CKAN's default licence ids), with title and URL.</summary>
    public static IReadOnlyDictionary<string, (string Title, string Url)> Licences { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["cc-by"] = (LicenceTitle, LicenceUrl),
        ["cc-by-sa"] = ("Creative Commons Attribution Share-Alike", "http://www.opendefinition.org/licenses/cc-by-sa"),
        ["cc-zero"] = ("Creative Commons CCZero", "http://www.opendefinition.org/licenses/cc-zero"),
        ["odc-by"] = ("Open Data Commons Attribution License", "http://www.opendefinition.org/licenses/odc-by"),
    };

    public static (string Title, string Url) Licence(string id) => Licences.TryGetValue(id, out var licence) ? licence : (LicenceTitle, LicenceUrl);

    /// <summary>Themes (CKAN groups) by slug: groups need URL-safe names.</summary>
    public static IReadOnlyDictionary<string, string> ThemeSlugs { get; } = new Dictionary<string, string>
    {
        ["城乡建设"] = "urban-construction",
        ["财税金融"] = "finance",
        ["民政、扶贫、救灾"] = "poverty-relief",
        ["资源环境"] = "environment",
        ["信用服务"] = "credit",
        ["市场监管"] = "market-regulation",
        ["综合政务"] = "government-affairs",
    };

    public static string ThemeSlug(string theme) =>
        ThemeSlugs.TryGetValue(theme, out var slug) ? slug : "theme-" + DatasetIds.NameBased("theme:" + theme).ToString("N")[..8];

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <param name="now">When given (package_show), the extras also say whether the update frequency has lapsed
    /// (<c>update_lapsed</c>) and when the next update was due (<c>update_due</c>); the package shape is CKAN's.</param>
    public static JsonObject Package(DatasetView view, string baseUrl, DateTimeOffset? now = null)
    {
        var d = view.Dataset;
        var tags = new JsonArray(view.Tags.Select(t => (JsonNode)new JsonObject
        {
            ["id"] = DatasetIds.NameBased("tag:" + t).ToString("D"),
            ["name"] = t,
            ["display_name"] = t,
            ["state"] = "active",
            ["vocabulary_id"] = null,
        }).ToArray());
        var resources = new JsonArray(view.ResourceList.Select((f, i) => (JsonNode)Resource(view, f, i, baseUrl)).ToArray());
        var groups = new JsonArray();
        if (d.Theme.Length > 0)
        {
            groups.Add(Group(d.Theme, null));
        }

        var extras = new JsonArray(
            Extra("update_frequency", d.UpdateFrequency),
            Extra("open_condition", d.OpenCondition),
            Extra("theme", d.Theme),
            Extra("record_type", view.Type.Key),
            Extra("record_count", d.RecordCount.ToString(CultureInfo.InvariantCulture)));
        if (d.Contact.Length > 0)
        {
            extras.Add(Extra("contact", d.Contact));
        }

        if (now is { } at)
        {
            // CKAN extras are strings; a harvester reads "true"/"false" as the ckanext-scheming boolean does.
            extras.Add(Extra("update_lapsed", view.Lapsed(at) ? "true" : "false"));
            if (view.UpdateDue is { } due)
            {
                extras.Add(Extra("update_due", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }

        return new JsonObject
        {
            ["id"] = d.Id.ToString("D"),
            ["name"] = d.Name,
            ["title"] = d.Title,
            ["notes"] = d.Notes,
            ["type"] = "dataset",
            ["state"] = "active",
            ["private"] = false,
            ["author"] = view.Body.Name,
            ["author_email"] = view.Body.Email.Length == 0 ? null : view.Body.Email,
            ["maintainer"] = d.Contact.Length > 0 ? d.Contact : view.Body.Name,
            ["maintainer_email"] = view.Body.Email.Length == 0 ? null : view.Body.Email,
            ["url"] = $"{baseUrl}/data/{d.Name}",
            ["version"] = view.Type.Version.ToString(CultureInfo.InvariantCulture),
            ["license_id"] = d.LicenceId,
            ["license_title"] = Licence(d.LicenceId).Title,
            ["license_url"] = Licence(d.LicenceId).Url,
            ["isopen"] = true,
            ["metadata_created"] = Timestamp(d.CreatedAt),
            ["metadata_modified"] = Timestamp(d.ModifiedAt),
            ["owner_org"] = OrganizationId(view.Body),
            ["organization"] = Organization(view.Body, null),
            ["groups"] = groups,
            ["tags"] = tags,
            ["num_tags"] = tags.Count,
            ["resources"] = resources,
            ["num_resources"] = resources.Count,
            ["extras"] = extras,
        };
    }

    public static JsonObject Resource(DatasetView view, string resource, int position, string baseUrl)
    {
        var dictionary = resource == DatasetView.DictionaryFormat;
        var source = resource == DatasetView.SourceResource;
        var format = view.FormatOf(resource);
        return new JsonObject
        {
            ["id"] = view.ResourceId(resource).ToString("D"),
            ["package_id"] = view.Dataset.Id.ToString("D"),
            ["name"] = view.ResourceTitle(resource),
            ["description"] = dictionary
                ? "数据字典：每个字段的字段键、中文名称、类型、单位、代码表和是否必填，计算字段注明算法。"
                : source ? $"发布单位上传的原始文件（{view.File?.FileName}），第 {view.File?.Number} 版。"
                : view.File is not null ? $"由原始文件转换为 {format} 格式，内容与原始文件相同，字段说明见数据字典。"
                : $"{view.Dataset.Title}全部已公开记录，{format} 格式，字段说明见数据字典。",
            ["url"] = baseUrl + view.DownloadPath(resource),
            ["format"] = format,
            ["mimetype"] = Downloads.MediaType(format),
            ["resource_type"] = dictionary ? "documentation" : "data",
            ["size"] = source ? view.File?.Size : null,
            ["hash"] = "",
            ["position"] = position,
            ["created"] = Timestamp(view.Dataset.CreatedAt),
            ["last_modified"] = Timestamp(dictionary ? view.Type.UpdatedAt : view.Dataset.ModifiedAt),
            ["metadata_modified"] = Timestamp(view.Dataset.ModifiedAt),
            ["state"] = "active",
            ["url_type"] = null,
            ["datastore_active"] = false,
        };
    }

    public static string OrganizationId(Body body) => DatasetIds.NameBased("organization:" + body.Code).ToString("D");

    public static JsonObject Organization(Body body, int? packageCount)
    {
        var org = new JsonObject
        {
            ["id"] = OrganizationId(body),
            ["name"] = body.Code,
            ["title"] = body.Name,
            ["display_name"] = body.Name,
            ["type"] = "organization",
            ["description"] = body.Functions,
            ["image_url"] = "",
            ["created"] = "2018-01-01T00:00:00.000000",
            ["is_organization"] = true,
            ["approval_status"] = "approved",
            ["state"] = "active",
        };
        if (packageCount is { } count)
        {
            org["package_count"] = count;
        }

        return org;
    }

    public static JsonObject Group(string theme, int? packageCount)
    {
        var group = new JsonObject
        {
            ["id"] = DatasetIds.NameBased("group:" + theme).ToString("D"),
            ["name"] = ThemeSlug(theme),
            ["title"] = theme,
            ["display_name"] = theme,
            ["type"] = "group",
            ["description"] = "",
            ["image_url"] = "",
            ["is_organization"] = false,
            ["approval_status"] = "approved",
            ["state"] = "active",
        };
        if (packageCount is { } count)
        {
            group["package_count"] = count;
        }

        return group;
    }

    public static CkanSearchItem SearchItem(DatasetView view) => new(
        view.Dataset.Id, view.Dataset.Name, view.Dataset.Title, view.Dataset.Notes, view.Body.Code, view.Tags, view.DataFormats,
        view.Dataset.Theme.Length == 0 ? [] : [ThemeSlug(view.Dataset.Theme)], view.Dataset.LicenceId, view.Dataset.CreatedAt, view.Dataset.ModifiedAt);

    private static JsonObject Extra(string key, string value) => new() { ["key"] = key, ["value"] = value };
}
