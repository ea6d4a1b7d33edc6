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

/// <summary>Checks of interpretation input, in Chinese, without I/O.</summary>
public static class InterpretationRules
{
    public static Dictionary<string, string[]> Validate(InterpretationInput input, out string sanitizedHtml)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        sanitizedHtml = RichText.Sanitize(input.BodyHtml ?? "");
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors["title"] = ["请填写解读标题。"];
        }

        if (input.Policies is not { Count: > 0 })
        {
            errors["policies"] = ["请至少关联一份被解读的文件。"];
        }

        var hasUrl = Uri.TryCreate(input.MediaUrl?.Trim(), UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps;
        switch (input.Kind)
        {
            case InterpretationKind.Text when !RichText.HasText(sanitizedHtml):
                errors["bodyHtml"] = ["请填写解读正文。"];
                break;
            case InterpretationKind.Image when !hasUrl:
                errors["mediaUrl"] = ["请填写以 https:// 开头的图片地址。"];
                break;
            case InterpretationKind.Image when string.IsNullOrWhiteSpace(input.AltText) || !RichText.HasText(sanitizedHtml):
                // Accessibility: an image interpretation needs a short alternative and the full text for screen readers.
                errors["altText"] = ["图解须填写图片说明（替代文字）和图解的文字内容。"];
                break;
            case InterpretationKind.Video when !hasUrl:
                errors["mediaUrl"] = ["请填写以 https:// 开头的视频地址。"];
                break;
        }

        return errors;
    }
}
