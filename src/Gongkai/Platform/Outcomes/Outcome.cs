using System.Diagnostics.CodeAnalysis;

namespace Gongkai.Platform.Outcomes;

/// <summary>Why an operation was refused. Chosen where the refusal is decided, never guessed from the message.</summary>
public enum RefusalKind
{
    /// <summary>The thing acted on does not exist (or is not shown to this user).</summary>
    NotFound,

    /// <summary>The user may not do this.</summary>
    Forbidden,

    /// <summary>The input is wrong; <see cref="Refusal.Errors"/> names the fields when known.</summary>
    Invalid,

    /// <summary>The state moved on: someone else saved first, or the step is no longer possible.</summary>
    Conflict,

    /// <summary>A business rule refused (e.g. unmasked personal data); <see cref="Refusal.Extensions"/> may carry details.</summary>
    BlockedByRule,
}

/// <summary>A refusal: its kind, a Chinese message for people, optional field errors (field → Chinese messages),
/// an optional problem title and extension members for the API (e.g. the safeguards' <c>findings</c>).</summary>
public sealed record Refusal(RefusalKind Kind, string Message)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>(StringComparer.Ordinal);
    private static readonly IReadOnlyDictionary<string, object?> NoExtensions = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>The problem title; null for the kind's default (see <see cref="OutcomeProblems"/>).</summary>
    public string? Title { get; init; }

    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = NoErrors;

    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = NoExtensions;

    public static Refusal NotFound(string message, string? title = null) => new(RefusalKind.NotFound, message) { Title = title };

    public static Refusal Forbidden(string message, string? title = null) => new(RefusalKind.Forbidden, message) { Title = title };

    public static Refusal Invalid(string message, IReadOnlyDictionary<string, string[]>? errors = null, string? title = null) =>
        new(RefusalKind.Invalid, message) { Title = title, Errors = errors ?? NoErrors };

    /// <summary>One field is wrong; the field's message is also the refusal's message.</summary>
    public static Refusal InvalidField(string field, string message, string? title = null) =>
        Invalid(message, new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] }, title);

    public static Refusal Conflict(string message, string? title = null) => new(RefusalKind.Conflict, message) { Title = title };

    public static Refusal Blocked(string message, string? title = null, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(RefusalKind.BlockedByRule, message) { Title = title, Extensions = extensions ?? NoExtensions };
}

/// <summary>Done, or refused (<see cref="Refusal"/>). A <see cref="Refusal"/> converts implicitly, so an operation
/// can <c>return Refusal.Conflict(…)</c> or <c>return Outcome.Done</c>.</summary>
public sealed class Outcome
{
    private Outcome(Refusal? refusal) => Refusal = refusal;

    public static Outcome Done { get; } = new(null);

    public Refusal? Refusal { get; }

    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;

    public static implicit operator Outcome(Refusal refusal) => new(refusal ?? throw new ArgumentNullException(nameof(refusal)));

    public static Outcome<T> Success<T>(T value) where T : notnull => value;
}

/// <summary>Done with a value, or refused. Both a value and a <see cref="Refusal"/> convert implicitly.</summary>
public sealed class Outcome<T> where T : notnull
{
    private Outcome(T? value, Refusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    /// <summary>The value; set exactly when <see cref="Succeeded"/>.</summary>
    public T? Value { get; }

    public Refusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;

    public static implicit operator Outcome<T>(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal ?? throw new ArgumentNullException(nameof(refusal)));

    /// <summary>Without the value (for callers that only need done-or-refused).</summary>
    public Outcome WithoutValue() => Succeeded ? Outcome.Done : Refusal;
}
