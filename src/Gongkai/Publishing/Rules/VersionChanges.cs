namespace Gongkai.Publishing.Rules;

/// <summary>What a correction (更正) changed, as the public reads it: the Chinese names of the snapshot fields that
/// differ between a version and the one before it, in the order of the document page.</summary>
public static class VersionChanges
{
    public static IReadOnlyList<string> Between(DocumentVersion previous, DocumentVersion current)
    {
        var changed = new List<string>();
        void Compare(string name, string? before, string? after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changed.Add(name);
            }
        }

        Compare("标题", previous.Title, current.Title);
        Compare("文号", previous.DocNumber, current.DocNumber);
        Compare("文件类型", previous.DocumentType, current.DocumentType);
        Compare("主题分类", previous.Subject, current.Subject);
        if (previous.SignedOn != current.SignedOn)
        {
            changed.Add("成文日期");
        }

        // Re-saving through the editor sanitises the text again, which may re-encode entities or drop line breaks
        // between tags without changing what a reader sees; compare what the sanitiser makes of each, minus whitespace.
        if (previous.BodyHtml != current.BodyHtml && Visible(previous.BodyHtml) != Visible(current.BodyHtml))
        {
            changed.Add("正文");
        }
        return changed;
    }

    private static string Visible(string html) => string.Concat(RichText.Sanitize(html).Where(c => !char.IsWhiteSpace(c)));
}
