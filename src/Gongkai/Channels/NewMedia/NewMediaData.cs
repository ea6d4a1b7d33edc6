using Gongkai.Channels.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Channels.NewMedia;

/// <summary>A 政务新媒体 account, registered and run by the body that opened it (谁开设、谁管理).</summary>
public sealed class NewMediaAccount
{
    public int Id { get; set; }

    public int BodyId { get; set; }

    /// <summary>One of <see cref="NewMediaPlatforms.All"/>.</summary>
    public required string Platform { get; set; }

    public required string Name { get; set; }

    /// <summary>The account's ID on the platform (微信号, 微博 UID …).</summary>
    public required string PlatformAccountId { get; set; }

    /// <summary>主办单位 as the platform shows it.</summary>
    public required string Organizer { get; set; }

    /// <summary>The person responsible (责任人).</summary>
    public required string Responsible { get; set; }

    public int? Followers { get; set; }

    public DateOnly? LastPostOn { get; set; }

    public int UnansweredInteractions { get; set; }

    public DateOnly? OldestUnansweredOn { get; set; }

    /// <summary>When followers and activity were last entered or reported.</summary>
    public DateTimeOffset? ActivityReportedAt { get; set; }

    public AccountStatus Status { get; set; } = AccountStatus.Active;

    /// <summary>The public notice of a closure or merger (关停/整合公告).</summary>
    public string? ClosureNotice { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>For 整合: the account it was merged into.</summary>
    public int? MergedIntoId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The export adapter is on unless this is set: released posts wait for an editor to paste them and record
    /// 已发布. Stored as "disabled" so accounts registered before the adapters existed keep their export.</summary>
    public bool ExportDisabled { get; set; }

    /// <summary>The webhook adapter: the body's integration service that receives signed <c>post.released</c> and
    /// <c>post.withdrawn</c> events; null when the account has none.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The HMAC key of the webhook's signatures. Kept as given to the integration service (like a WebSub
    /// subscriber's <c>hub.secret</c>: signing needs the key itself, so it cannot be hashed as access tokens are); shown
    /// once when generated, afterwards only its first characters.</summary>
    public string? WebhookSecret { get; set; }

    public DateTimeOffset? WebhookSecretSetAt { get; set; }

    public AccountActivity Activity => new(Status, LastPostOn, UnansweredInteractions, OldestUnansweredOn);
}

/// <summary>A post to an account built from a published document, with its own review before release.</summary>
public sealed class NewMediaPost
{
    public int Id { get; set; }

    public int AccountId { get; set; }

    public int SourceDocumentId { get; set; }

    public required string SourceIndexNo { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    /// <summary>The document's page on the site, path only (the export makes it absolute).</summary>
    public required string LinkPath { get; set; }

    public PostStatus Status { get; set; } = PostStatus.Draft;

    public string? AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? ReviewerId { get; set; }

    public string? ReviewerName { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewComment { get; set; }

    public DateTimeOffset? ReleasedAt { get; set; }

    /// <summary>Set when the source document was withdrawn after release: the editor must remove it on the platform.</summary>
    public bool NeedsRemovalOnPlatform { get; set; }

    public string? WithdrawnReason { get; set; }

    /// <summary>The site's origin when the post was released (<c>https://www.example.gov.cn</c>): adapters that run
    /// without a request (webhook deliveries, withdrawal) make the post's links absolute with it.</summary>
    public string? SiteOrigin { get; set; }
}

internal sealed class NewMediaConfiguration : IEntityTypeConfiguration<NewMediaAccount>, IEntityTypeConfiguration<NewMediaPost>
{
    public void Configure(EntityTypeBuilder<NewMediaAccount> builder)
    {
        builder.ToTable("new_media_accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Platform).HasMaxLength(16);
        builder.Property(a => a.Name).HasMaxLength(100);
        builder.Property(a => a.PlatformAccountId).HasMaxLength(100);
        builder.Property(a => a.Organizer).HasMaxLength(100);
        builder.Property(a => a.Responsible).HasMaxLength(50);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ClosureNotice).HasMaxLength(2000);
        builder.Property(a => a.WebhookUrl).HasMaxLength(2000);
        builder.Property(a => a.WebhookSecret).HasMaxLength(100);
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(a => a.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.BodyId);
        builder.HasIndex(a => new { a.Platform, a.PlatformAccountId }).IsUnique();
        builder.Ignore(a => a.Activity);
    }

    public void Configure(EntityTypeBuilder<NewMediaPost> builder)
    {
        builder.ToTable("new_media_posts");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.SourceIndexNo).HasMaxLength(64);
        builder.Property(p => p.Title).HasMaxLength(64);
        builder.Property(p => p.Summary).HasMaxLength(400);
        builder.Property(p => p.LinkPath).HasMaxLength(400);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.AuthorId).HasMaxLength(64);
        builder.Property(p => p.AuthorName).HasMaxLength(100);
        builder.Property(p => p.ReviewerId).HasMaxLength(64);
        builder.Property(p => p.ReviewerName).HasMaxLength(100);
        builder.Property(p => p.ReviewComment).HasMaxLength(1000);
        builder.Property(p => p.WithdrawnReason).HasMaxLength(500);
        builder.Property(p => p.SiteOrigin).HasMaxLength(200);
        builder.HasOne<NewMediaAccount>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.AccountId, p.Status });
        builder.HasIndex(p => p.SourceIndexNo);
    }
}
