using System.Diagnostics.CodeAnalysis;
using Gongkai.Publishing.Rules;

namespace Gongkai.Publishing;

/// <summary>What an editor enters for a document (API body and editor form alike). Co-issuers are body codes;
/// <see cref="SupersededBy"/> is the 索引号 of the repealing or revising document.</summary>
public sealed record DocumentInput(
    string? Title,
    string? DocNumber,
    string? DocumentType,
    string? Subject,
    DateOnly? SignedOn,
    string? BodyHtml,
    string? Keywords = null,
    DateOnly? EffectiveOn = null,
    DateOnly? ExpiresOn = null,
    IReadOnlyList<string>? CoIssuers = null,
    DocumentValidity Validity = DocumentValidity.Valid,
    string? SupersededBy = null,
    int? CatalogueNode = null);

/// <summary>Input that passed <see cref="DocumentInputRules.Validate"/>: trimmed, 文号 normalised, text sanitised.</summary>
public sealed record CheckedDocumentInput(
    string Title,
    string? DocNumber,
    string DocumentType,
    string Subject,
    DateOnly SignedOn,
    string BodyHtml,
    string? Keywords,
    DateOnly? EffectiveOn,
    DateOnly? ExpiresOn,
    IReadOnlyList<string> CoIssuers,
    DocumentValidity Validity,
    string? SupersededBy,
    int? CatalogueNode = null);

/// <summary>Field errors keyed by the input's property name (camelCase, as the API and forms name them).</summary>
public sealed record DocumentInputCheck(CheckedDocumentInput? Value, IReadOnlyDictionary<string, string[]> Errors)
{
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null && Errors.Count == 0;
}

/// <summary>Validation of document metadata, in Chinese, without I/O (bodies named as co-issuers are checked by the caller).</summary>
public static class DocumentInputRules
{
    public const int MaxTitleLength = 300;
    public const int MaxKeywordsLength = 300;

    /// <summary><paramref name="today"/> is the China date: a signed-on date after it is in the future.</summary>
    public static DocumentInputCheck Validate(DocumentInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string field, string message) => errors[field] = [message];

        var title = Platform.Text.VisibleText.Clean(input.Title ?? "");
        if (title.Length == 0)
        {
            Fail("title", "请填写标题。");
        }
        else if (title.Length > MaxTitleLength)
        {
            Fail("title", $"标题不能超过 {MaxTitleLength} 个字。");
        }

        var type = input.DocumentType?.Trim() ?? "";
        if (type.Length == 0)
        {
            Fail("documentType", "请选择文件类型。");
        }
        else if (!DocumentCatalog.Types.Contains(type))
        {
            Fail("documentType", $"文件类型“{type}”不在可选范围内。");
        }

        var subject = input.Subject?.Trim() ?? "";
        if (subject.Length == 0)
        {
            Fail("subject", "请选择主题分类。");
        }
        else if (!DocumentCatalog.Subjects.Contains(subject))
        {
            Fail("subject", $"主题分类“{subject}”不在国务院公文主题分类之列。");
        }

        string? docNumber = null;
        if (!string.IsNullOrWhiteSpace(input.DocNumber))
        {
            var check = DocumentNumber.Check(input.DocNumber, today.Year);
            if (check.IsValid)
            {
                docNumber = check.Value;
            }
            else
            {
                Fail("docNumber", check.Error!);
            }
        }
        else if (type == DocumentCatalog.NormativeDocument)
        {
            Fail("docNumber", "行政规范性文件须填写文号。");
        }

        if (input.SignedOn is not { } signedOn)
        {
            Fail("signedOn", "请填写成文日期。");
        }
        else if (signedOn > today)
        {
            Fail("signedOn", $"成文日期 {signedOn:yyyy-MM-dd} 晚于今天，请核对。");
        }

        if (input.EffectiveOn is { } effective && input.ExpiresOn is { } expires && expires < effective)
        {
            Fail("expiresOn", "失效日期不能早于施行日期。");
        }

        var bodyHtml = RichText.Sanitize(input.BodyHtml ?? "");
        if (!RichText.HasText(bodyHtml))
        {
            Fail("bodyHtml", "请填写正文。");
        }

        var keywords = NormaliseKeywords(input.Keywords);
        if (keywords?.Length > MaxKeywordsLength)
        {
            Fail("keywords", $"关键词合计不能超过 {MaxKeywordsLength} 个字。");
        }

        if (input.Validity is DocumentValidity.Valid && !string.IsNullOrWhiteSpace(input.SupersededBy))
        {
            Fail("supersededBy", "有效的文件不应关联废止或修订它的文件。");
        }

        var coIssuers = (input.CoIssuers ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return errors.Count > 0
            ? new(null, errors)
            : new(new CheckedDocumentInput(title, docNumber, type, subject, input.SignedOn!.Value, bodyHtml, keywords, input.EffectiveOn,
                input.ExpiresOn, coIssuers, input.Validity, string.IsNullOrWhiteSpace(input.SupersededBy) ? null : input.SupersededBy.Trim(), input.CatalogueNode), errors);
    }

    /// <summary>Keywords separated by any of ，,;；、 or spaces, joined with "；", duplicates dropped.</summary>
    public static string? NormaliseKeywords(string? keywords)
    {
        if (string.IsNullOrWhiteSpace(keywords))
        {
            return null;
        }

        var parts = keywords.Split([',', '，', ';', '；', '、', ' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        return parts.Count == 0 ? null : string.Join('；', parts);
    }
}
