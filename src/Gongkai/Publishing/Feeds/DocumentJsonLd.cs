using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongkai.Publishing.Contracts;

namespace Gongkai.Publishing.Feeds;

/// <summary>schema.org metadata of a document page. A 行政规范性文件 (and a 规章) is <c>Legislation</c> — it has an
/// identifier (文号), a date and a body that passed it; everything else is a <c>CreativeWork</c>. The publisher is a
/// <c>GovernmentOrganization</c>. Serialised with the default encoder, which escapes &lt; &gt; &amp;, so the block cannot
/// close its &lt;script&gt; element.</summary>
public static class DocumentJsonLd
{
    /// <summary>The whole &lt;script type="application/ld+json"&gt; element (written raw: Razor would encode the '+').</summary>
    public static string ScriptElement(Document document, string siteOrigin) =>
        "<script type=\"application/ld+json\">" + For(document, siteOrigin) + "</script>";

    public static string For(Document document, string siteOrigin)
    {
        var reference = document.Kind == DocumentKind.Reference;
        var legislation = reference || document.DocumentType is DocumentCatalog.NormativeDocument or "规章";
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = legislation ? "Legislation" : "CreativeWork",
            ["name"] = document.Title,
            ["url"] = siteOrigin + DocumentSummary.DocumentUrl(document.IndexNo!),
            ["identifier"] = document.IndexNo,
            ["inLanguage"] = "zh-CN",
            ["genre"] = reference ? document.Level ?? "法律法规" : document.DocumentType,
            ["about"] = document.Subject,
            ["datePublished"] = document.PublishedAt?.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
            ["dateModified"] = document.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture),
        };
        // A reference document was not issued by a body of this site: it names its issuer (or none when unknown).
        var issuer = reference ? document.Issuer : document.Body?.Name;
        if (issuer is not null)
        {
            json["publisher"] = new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = issuer };
        }

        if (document.SignedOn is { } signed)
        {
            json["dateCreated"] = signed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (legislation)
        {
            json["legislationIdentifier"] = document.DocNumber;
            json["legislationDate"] = document.SignedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (issuer is not null)
            {
                json["legislationPassedBy"] = new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = issuer };
            }
        }

        if (!string.IsNullOrEmpty(document.Keywords))
        {
            json["keywords"] = document.Keywords;
        }

        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
