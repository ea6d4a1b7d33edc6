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
}
