using Gongkai.Channels.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Channels.NewMedia;

/// <summary>A released post on one of its account's adapters (<see cref="PostAdapters"/>), with where it stands.</summary>
public sealed class NewMediaPostChannel
{
    public int Id { get; set; }

    public int PostId { get; set; }

    /// <summary>One of <see cref="PostAdapters"/>.</summary>
    public required string Adapter { get; set; }

    public PostChannelStatus Status { get; set; }

    /// <summary>Webhook: attempts of the current event's delivery.</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Webhook: when the next attempt is due (between retries).</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Webhook: when the integration service took the last event.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Export: the post's address on the platform, when the editor gave it.</summary>
    public string? PlatformPostUrl { get; set; }

    public string? ConfirmedByName { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public string? RemovedByName { get; set; }

    public DateTimeOffset? RemovedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One webhook event for one post, sent as a leased job like a WebSub delivery: claimed by a node under a
/// holder token and a lease, retried with back-off, taken over by another node when the lease lapses. The payload is
/// fixed when the event is queued; the signature (with its timestamp) is made at each attempt.</summary>
public sealed class NewMediaWebhookDelivery
{
    public long Id { get; set; }

    public int PostId { get; set; }

    public int ChannelId { get; set; }

    public int AccountId { get; set; }

    /// <summary>One of <see cref="PostEvents"/>.</summary>
    public required string Event { get; set; }

    /// <summary>The JSON body.</summary>
    public required string Payload { get; set; }

    /// <summary>One of <see cref="WebSub.WebSubDeliveryStatus"/>, or <see cref="Cancelled"/>.</summary>
    public string Status { get; set; } = WebSub.WebSubDeliveryStatus.Pending;

    /// <summary>A queued release superseded by the source's withdrawal before it went out.</summary>
    public const string Cancelled = "cancelled";

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public string? Holder { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public string? LastError { get; set; }
}

internal sealed class PostChannelConfiguration : IEntityTypeConfiguration<NewMediaPostChannel>, IEntityTypeConfiguration<NewMediaWebhookDelivery>
{
    public void Configure(EntityTypeBuilder<NewMediaPostChannel> builder)
    {
        builder.ToTable("new_media_post_channels");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Adapter).HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.LastError).HasMaxLength(2000);
        builder.Property(c => c.PlatformPostUrl).HasMaxLength(1000);
        builder.Property(c => c.ConfirmedByName).HasMaxLength(100);
        builder.Property(c => c.RemovedByName).HasMaxLength(100);
        builder.HasOne<NewMediaPost>().WithMany().HasForeignKey(c => c.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.PostId, c.Adapter }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<NewMediaWebhookDelivery> builder)
    {
        builder.ToTable("new_media_webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Event).HasMaxLength(32);
        builder.Property(d => d.Status).HasMaxLength(16);
        builder.Property(d => d.Holder).HasMaxLength(200);
        builder.Property(d => d.LastError).HasMaxLength(2000);
        builder.HasOne<NewMediaPostChannel>().WithMany().HasForeignKey(d => d.ChannelId).OnDelete(DeleteBehavior.Cascade);
        // The deliverer's poll, as for WebSub: due pending deliveries, and running ones whose holder's lease lapsed.
        builder.HasIndex(d => new { d.Status, d.DueAt });
        builder.HasIndex(d => d.PostId);
    }
}
