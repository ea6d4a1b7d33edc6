using Gongkai.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Publishing;

/// <summary>The form of a policy interpretation (政策解读).</summary>
public enum InterpretationKind
{
    /// <summary>文字解读.</summary>
    Text,

    /// <summary>图解: an image with its text alternative.</summary>
    Image,

    /// <summary>视频解读: a link to a video.</summary>
    Video,
}

public static class InterpretationKinds
{
    public static string ChineseName(InterpretationKind kind) => kind switch
    {
        InterpretationKind.Text => "文字解读",
        InterpretationKind.Image => "图解",
        InterpretationKind.Video => "视频解读",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>A policy interpretation linked to one or more documents; it is public while one of them is.</summary>
public sealed class Interpretation
{
    public int Id { get; set; }

    public int BodyId { get; set; }

    public required string Title { get; set; }

    public InterpretationKind Kind { get; set; }

    /// <summary>Sanitised rich text: the interpretation itself (text), or the image's full text alternative (image), or a summary (video).</summary>
    public required string BodyHtml { get; set; }

    /// <summary>https address of the image or video; null for text.</summary>
    public string? MediaUrl { get; set; }

    /// <summary>Short alternative text of the image.</summary>
    public string? AltText { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<InterpretationLink> Policies { get; set; } = [];
}

/// <summary>Which documents an interpretation explains.</summary>
public sealed class InterpretationLink
{
    public int InterpretationId { get; set; }

    public int DocumentId { get; set; }

    public Document? Document { get; set; }
}

internal sealed class InterpretationConfiguration : IEntityTypeConfiguration<Interpretation>
{
    public void Configure(EntityTypeBuilder<Interpretation> builder)
    {
        builder.ToTable("interpretations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(8);
        builder.Property(i => i.MediaUrl).HasMaxLength(500);
        builder.Property(i => i.AltText).HasMaxLength(300);
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(i => i.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Policies).WithOne().HasForeignKey(l => l.InterpretationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InterpretationLinkConfiguration : IEntityTypeConfiguration<InterpretationLink>
{
    public void Configure(EntityTypeBuilder<InterpretationLink> builder)
    {
        builder.ToTable("interpretation_links");
        builder.HasKey(l => new { l.InterpretationId, l.DocumentId });
        builder.HasIndex(l => l.DocumentId);
        builder.HasOne(l => l.Document).WithMany().HasForeignKey(l => l.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>What an editor enters for an interpretation; <see cref="Policies"/> are document ids.</summary>
public sealed record InterpretationInput(string? Title, InterpretationKind Kind, string? BodyHtml, string? MediaUrl, string? AltText, IReadOnlyList<int>? Policies);

/// <summary>Interpretation input that passed <see cref="InterpretationRules.Validate"/>: trimmed, the body sanitised, the
/// media address and alternative text present exactly when the kind needs them, at least one policy.</summary>
public sealed record CheckedInterpretation(string Title, InterpretationKind Kind, string BodyHtml, string? MediaUrl, string? AltText, IReadOnlyList<int> Policies);

/// <summary>Checks of interpretation input, in Chinese, without I/O.</summary>
public static class InterpretationRules
{
    public const string InvalidMessage = "解读信息有误，请修改后重新提交。";

    public static Outcome<CheckedInterpretation> Validate(InterpretationInput input)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var sanitizedHtml = RichText.Sanitize(input.BodyHtml ?? "");
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors["title"] = ["请填写解读标题。"];
        }

        if (input.Policies is not { Count: > 0 } policies)
        {
            errors["policies"] = ["请至少关联一份被解读的文件。"];
            policies = [];
        }

        var hasUrl = Uri.TryCreate(input.MediaUrl?.Trim(), UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps;
        var altText = input.AltText?.Trim() ?? "";
        switch (input.Kind)
        {
            case InterpretationKind.Text when !RichText.HasText(sanitizedHtml):
                errors["bodyHtml"] = ["请填写解读正文。"];
                break;
            case InterpretationKind.Image when !hasUrl:
                errors["mediaUrl"] = ["请填写以 https:// 开头的图片地址。"];
                break;
            case InterpretationKind.Image when altText.Length == 0 || !RichText.HasText(sanitizedHtml):
                // Accessibility: an image interpretation needs a short alternative and the full text for screen readers.
                errors["altText"] = ["图解须填写图片说明（替代文字）和图解的文字内容。"];
                break;
            case InterpretationKind.Video when !hasUrl:
                errors["mediaUrl"] = ["请填写以 https:// 开头的视频地址。"];
                break;
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(InvalidMessage, errors, "解读信息有误");
        }

        return new CheckedInterpretation(title, input.Kind, sanitizedHtml,
            input.Kind == InterpretationKind.Text ? null : input.MediaUrl?.Trim(),
            input.Kind == InterpretationKind.Image ? altText : null,
            policies.Distinct().ToList());
    }
}
