using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Notifications;

/// <summary>One notification to one recipient, kept whether or not it could be mailed.</summary>
public sealed class OutboxMessage
{
    /// <summary>Chosen by the application (not the database) so the delivery job can name it in the same unit of work.</summary>
    public Guid Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string Kind { get; set; } = "";

    /// <summary>An e-mail address; for a staff member without one, the user id (and the message is failed).</summary>
    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    /// <summary>One of <see cref="OutboxStatus"/>.</summary>
    public string Status { get; set; } = OutboxStatus.Queued;

    public DateTimeOffset? SentAt { get; set; }

    public string? Error { get; set; }

    public int Attempts { get; set; }
}

public static class OutboxStatus
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Failed = "failed";

    public static string ChineseName(string status) => status switch
    {
        Queued => "待发送",
        Sent => "已发送",
        Failed => "发送失败",
        _ => status,
    };
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.Property(m => m.To).HasMaxLength(256);
        builder.Property(m => m.Subject).HasMaxLength(256);
        builder.Property(m => m.Body).HasMaxLength(20000);
        builder.Property(m => m.Status).HasMaxLength(16);
        builder.Property(m => m.Error).HasMaxLength(2000);
        builder.HasIndex(m => m.CreatedAt);
    }
}
