using Gongkai.Publishing.Rules;

namespace Gongkai.Publishing;

/// <summary>Settings of the Publishing section: publication time limits in working days, per document type.</summary>
public sealed class PublishingOptions
{
    public const string Section = "Publishing";

    /// <summary>Working days from signing (or forming) to publication, by document type; unlisted types use
    /// <see cref="DefaultLimitWorkingDays"/>.</summary>
    public Dictionary<string, int> PublicationLimits { get; set; } = new(PublicationDeadline.StandardLimits, StringComparer.Ordinal);

    public int DefaultLimitWorkingDays { get; set; } = PublicationDeadline.DefaultWorkingDays;

    /// <summary>Who must pass a correction (更正) before the public sees it: <see cref="CorrectionReviewMode.Final"/>
    /// (the body's 终审, the default) or <see cref="CorrectionReviewMode.Full"/> (初审, 复审 and 终审). One setting for the
    /// whole deployment (<c>Publishing:CorrectionReview</c>).</summary>
    public CorrectionReviewMode CorrectionReview { get; set; } = CorrectionReviewMode.Final;
}
