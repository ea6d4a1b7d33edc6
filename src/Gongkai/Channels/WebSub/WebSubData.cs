using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Channels.WebSub;

/// <summary>A verified subscription: content of <see cref="Topic"/> goes to <see cref="Callback"/> until
/// <see cref="ExpiresAt"/>. Unsubscribing (verified) deletes the row, and its pending deliveries with it.</summary>
public sealed class WebSubSubscription
{
    public long Id { get; set; }

    /// <summary>The topic URL as the subscriber gave it (the self link of its deliveries).</summary>
    public required string Topic { get; set; }

    /// <summary>The topic's path on this site (<c>/feeds/atom.xml</c>): what publication is matched against.</summary>
    public required string TopicPath { get; set; }

    public required string Callback { get; set; }

    /// <summary>The subscriber's <c>hub.secret</c>; deliveries carry <c>X-Hub-Signature</c> when set.</summary>
    public string? Secret { get; set; }

    public int LeaseSeconds { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset VerifiedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>A topic's content at one publication, shared by every delivery of it.</summary>
public sealed class WebSubContent
{
    public long Id { get; set; }

    public required string Topic { get; set; }

    public required string ContentType { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One content to one subscriber. Claimed by a node with a lease (<see cref="Holder"/>, <see cref="LeaseExpiresAt"/>)
/// like a scheduled job, so a delivery survives a restart and runs once at a time across nodes.</summary>
public sealed class WebSubDelivery
{
    public long Id { get; set; }

    public long ContentId { get; set; }

    public long SubscriptionId { get; set; }

    /// <summary>One of <see cref="WebSubDeliveryStatus"/>.</summary>
    public string Status { get; set; } = WebSubDeliveryStatus.Pending;

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not before this time (a retry's back-off).</summary>
    public DateTimeOffset DueAt { get; set; }

    public string? Holder { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public string? LastError { get; set; }
}

public static class WebSubDeliveryStatus
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}

internal sealed class WebSubConfiguration : IEntityTypeConfiguration<WebSubSubscription>, IEntityTypeConfiguration<WebSubContent>, IEntityTypeConfiguration<WebSubDelivery>
{
    public void Configure(EntityTypeBuilder<WebSubSubscription> builder)
    {
        builder.ToTable("websub_subscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Topic).HasMaxLength(2000);
        builder.Property(s => s.TopicPath).HasMaxLength(1000);
        builder.Property(s => s.Callback).HasMaxLength(2000);
        builder.Property(s => s.Secret).HasMaxLength(400);
        builder.HasIndex(s => new { s.Topic, s.Callback }).IsUnique();
        builder.HasIndex(s => new { s.TopicPath, s.ExpiresAt });
    }

    public void Configure(EntityTypeBuilder<WebSubContent> builder)
    {
        builder.ToTable("websub_contents");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Topic).HasMaxLength(2000);
        builder.Property(c => c.ContentType).HasMaxLength(100);
        builder.HasIndex(c => c.CreatedAt);
    }

    public void Configure(EntityTypeBuilder<WebSubDelivery> builder)
    {
        builder.ToTable("websub_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Status).HasMaxLength(16);
        builder.Property(d => d.Holder).HasMaxLength(200);
        builder.Property(d => d.LastError).HasMaxLength(2000);
        builder.HasOne<WebSubContent>().WithMany().HasForeignKey(d => d.ContentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WebSubSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        // The deliverer's poll: due pending deliveries, and running ones whose holder's lease lapsed.
        builder.HasIndex(d => new { d.Status, d.DueAt });
    }
}
