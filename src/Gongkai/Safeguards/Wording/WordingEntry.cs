namespace Gongkai.Safeguards.Wording;

/// <summary>What a word-list entry checks.</summary>
public enum WordingListKind
{
    /// <summary>A common mis-writing and its correct form (布署 → 部署).</summary>
    Miswriting,

    /// <summary>A body's name from before a reform, flagged in documents dated on or after <see cref="WordingRule.EffectiveFrom"/>.</summary>
    OutdatedName,

    /// <summary>A truncated or altered form of a standard formulation, with the exact wording.</summary>
    Formulation,

    /// <summary>A word that must not appear in a published document (classification marks, drafting leftovers…).</summary>
    SensitiveWord,
}

/// <summary>One entry of an admin-editable word list, as the checker uses it.</summary>
/// <param name="Pattern">The text to find.</param>
/// <param name="Replacement">The correct or current form; empty for sensitive words (to be removed).</param>
/// <param name="EffectiveFrom">For outdated names, the renaming date; earlier documents may use the old name.</param>
/// <param name="Note">Why, shown to the editor.</param>
public sealed record WordingRule(WordingListKind Kind, string Pattern, string Replacement, DateOnly? EffectiveFrom = null, string Note = "");

public static class WordingListKinds
{
    public static FindingKind FindingKind(this WordingListKind kind) => kind switch
    {
        WordingListKind.Miswriting => Safeguards.FindingKind.Miswriting,
        WordingListKind.OutdatedName => Safeguards.FindingKind.OutdatedName,
        WordingListKind.Formulation => Safeguards.FindingKind.Formulation,
        _ => Safeguards.FindingKind.SensitiveWord,
    };

    public static string DisplayName(this WordingListKind kind) => kind.FindingKind().DisplayName();
}
