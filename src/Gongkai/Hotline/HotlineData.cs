using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Hotline;

/// <summary>One node of the category tree (城市管理 › 占道经营). Leaves are what callers and Open311 clients choose;
/// each is also an Open311 service (its <see cref="Code"/> is the <c>service_code</c>).</summary>
public sealed class HotlineCategory
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public int? ParentId { get; set; }

    /// <summary>The urgency a new ticket of this category starts with (urgent | general | complex | consultation).</summary>
    public string DefaultUrgency { get; set; } = "general";

    public int SortOrder { get; set; }

    /// <summary>Hidden categories take no new tickets (old tickets keep them).</summary>
    public bool Active { get; set; } = true;
}

/// <summary>A time limit overriding the default for one category (null: all) and urgency.</summary>
public sealed class HotlineTimeLimit
{
    public int Id { get; set; }

    public int? CategoryId { get; set; }

    public required string Urgency { get; set; }

    public int? SignWithinHours { get; set; }

    public int SignWithinWorkingDays { get; set; }

    public int ReplyWithinWorkingDays { get; set; }
}

/// <summary>A row of the routing table: tickets of this category (and its sub-categories) in this district go to this
/// body. An empty district means every district.</summary>
public sealed class HotlineRoute
{
    public int Id { get; set; }

    public int CategoryId { get; set; }

    public string District { get; set; } = "";

    public int BodyId { get; set; }
}

/// <summary>One 12345 ticket (工单). The caller's name, phone and e-mail are personal data: shown only to the centre's
/// operators and the handling body's staff, never in public output, Open311 answers, the audit log or statistics.</summary>
public sealed class HotlineTicket
{
    public int Id { get; set; }

    /// <summary>"12345-2026-0000001": the Open311 <c>service_request_id</c> and what the caller quotes.</summary>
    public required string Number { get; set; }

    /// <summary>phone | web | open311 | letter | wechat | app.</summary>
    public required string Channel { get; set; }

    public int CategoryId { get; set; }

    public required string Urgency { get; set; }

    public required string Status { get; set; }

    public required string Description { get; set; }

    /// <summary>The description as the public (Open311) sees it: the caller's own name, phone and e-mail removed and
    /// the safeguards' personal-data masking applied, computed once at intake.</summary>
    public string PublicDescription { get; set; } = "";

    public string Address { get; set; } = "";

    public string District { get; set; } = "";

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string MediaUrl { get; set; } = "";

    /// <summary>Open311 <c>attribute[code]</c> answers as JSON.</summary>
    public string Attributes { get; set; } = "";

    public string CallerName { get; set; } = "";

    public string CallerPhone { get; set; } = "";

    public string CallerEmail { get; set; } = "";

    /// <summary>The body the ticket is with (dispatched, signed, replied); null while at the centre.</summary>
    public int? BodyId { get; set; }

    /// <summary>The body the routing table proposed at intake.</summary>
    public int? ProposedBodyId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SignDueAt { get; set; }

    public DateTimeOffset? ReplyDueAt { get; set; }

    /// <summary>The earlier of the two limits, kept so the overdue list and the queue read one index.</summary>
    public DateTimeOffset? NextDueAt { get; set; }

    public bool IsOpen { get; set; } = true;

    public bool? SignedOnTime { get; set; }

    public bool? RepliedOnTime { get; set; }

    public DateTimeOffset? RepliedAt { get; set; }

    /// <summary>The public reply (Open311 <c>status_notes</c>).</summary>
    public string ReplyText { get; set; } = "";

    public string? Rating { get; set; }

    public int ReopenCount { get; set; }

    /// <summary>Open311 token: what a client may look up before (or instead of) the id.</summary>
    public string Token { get; set; } = "";

    /// <summary>The Open311 application that filed it.</summary>
    public int? ApiKeyId { get; set; }

    /// <summary>Whether overdue supervision (督办) has been recorded for the current limit.</summary>
    public bool Supervised { get; set; }

    /// <summary>The knowledge-base entry a 直接答复 quoted.</summary>
    public int? KnowledgeEntryId { get; set; }

    /// <summary>The ticket this duplicate was merged into (same matter, same place); its caller hears that ticket's reply.</summary>
    public int? MergedIntoId { get; set; }

    /// <summary>Whether the caller agreed to be sent a text message (the evaluation link) at <see cref="CallerPhone"/>.</summary>
    public bool SmsConsent { get; set; }

    /// <summary>The unguessable key of the evaluation link sent by SMS (<c>/hotline/evaluate/{token}</c>); it opens
    /// the evaluation of this ticket only, and is not the Open311 token an application holds.</summary>
    public string EvaluationToken { get; set; } = "";

    public List<HotlineTicketEvent> Events { get; } = [];
}

/// <summary>One step of a ticket's history. Texts are what the staff wrote; the caller's contact is never copied here.</summary>
public sealed class HotlineTicketEvent
{
    public long Id { get; set; }

    public int TicketId { get; set; }

    public required string Type { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    public int? BodyId { get; set; }

    public string Text { get; set; } = "";

    public int? WorkingDays { get; set; }

    public string? Rating { get; set; }
}

/// <summary>A file attached to a ticket: a caller's photo or PDF taken in with it, or a document the centre or the
/// handling body added on a step or the reply. Kept in the database like a consultation's files. Personal data: only the
/// centre and the bodies the ticket is or was with see it, except a photo the citizen marked public on the web form
/// (<see cref="Public"/>), which Open311 and the tracking page may show.</summary>
public sealed class HotlineAttachment
{
    public int Id { get; set; }

    public int TicketId { get; set; }

    /// <summary>The event the file came with (the 受理, a reply), when it came with one.</summary>
    public long? EventId { get; set; }

    public required string FileName { get; set; }

    public required string MediaType { get; set; }

    public required string KindName { get; set; }

    public required string Sha256 { get; set; }

    public long Bytes { get; set; }

    public required byte[] Content { get; set; }

    /// <summary>caller | centre | body: who handed it in.</summary>
    public required string Source { get; set; }

    /// <summary>The citizen uploaded it as a public photo (web form, own choice): Open311 clients and the public see it.</summary>
    public bool Public { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public required string UploadedBy { get; set; }

    public int? BodyId { get; set; }
}

/// <summary>One text message (短信) to a caller, kept whether or not a gateway is configured: without one it is only
/// recorded here (the console lists it, so the demo and a site without a contract still show what would be sent).</summary>
public sealed class HotlineSmsMessage
{
    /// <summary>Chosen by the application so the delivery job can name it in the same unit of work.</summary>
    public Guid Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int? TicketId { get; set; }

    /// <summary>What it is about (<c>hotline.evaluation-link</c>).</summary>
    public required string Kind { get; set; }

    /// <summary>The mobile number (personal data: shown to the centre only).</summary>
    public required string To { get; set; }

    public required string Text { get; set; }

    /// <summary>recorded (no gateway) | queued | sent | failed.</summary>
    public required string Status { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The gateway's own id for the message, when it returned one.</summary>
    public string GatewayMessageId { get; set; } = "";

    public string? Error { get; set; }

    public int Attempts { get; set; }
}

/// <summary>An Open311 application's key. Only the SHA-256 of the key is stored; the key is shown once.</summary>
public sealed class Open311ApiKey
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public required string KeyHash { get; set; }

    /// <summary>The first characters of the key, so an administrator can tell keys apart.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>A knowledge-base entry (知识库): a question callers often ask and the answer operators give at once, with
/// where the answer comes from (a policy, a regulation, a body's notice) so the caller can be told.</summary>
public sealed class HotlineKnowledgeEntry
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public required string Answer { get; set; }

    /// <summary>Where the answer comes from, as the operator reads it out (《…办法》第十二条, a body's notice).</summary>
    public required string Source { get; set; }

    /// <summary>Optional link to the source (a published document or another site).</summary>
    public string SourceUrl { get; set; } = "";

    public int? CategoryId { get; set; }

    /// <summary>Retired entries are no longer found; tickets that quoted them keep the link.</summary>
    public bool Active { get; set; } = true;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}

/// <summary>A typical case (典型案例) a staff member chose from the closed tickets, written up without personal data
/// and published on the public statistics page only after the safeguards' check found nothing.</summary>
public sealed class HotlineTypicalCase
{
    public int Id { get; set; }

    public int TicketId { get; set; }

    public required string Title { get; set; }

    /// <summary>The write-up the public reads: the matter, what the body did, the outcome.</summary>
    public required string Text { get; set; }

    /// <summary>"yyyy-MM" of the ticket's intake: the month whose statistics page shows it.</summary>
    public required string Month { get; set; }

    public DateTimeOffset SelectedAt { get; set; }

    public required string SelectedBy { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string PublishedBy { get; set; } = "";
}

/// <summary>A supervision (督办) record: an overdue ticket escalated to the body's leader.</summary>
public sealed class HotlineSupervision
{
    public int Id { get; set; }

    public int TicketId { get; set; }

    public int BodyId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>sign | reply: which limit was missed.</summary>
    public required string Limit { get; set; }

    public DateTimeOffset DueAt { get; set; }
}

internal sealed class HotlineCategoryConfiguration : IEntityTypeConfiguration<HotlineCategory>
{
    public void Configure(EntityTypeBuilder<HotlineCategory> builder)
    {
        builder.ToTable("hotline_categories");
        builder.Property(c => c.Code).HasMaxLength(32);
        builder.Property(c => c.Name).HasMaxLength(64);
        builder.Property(c => c.Description).HasMaxLength(500);
        builder.Property(c => c.DefaultUrgency).HasMaxLength(16);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasOne<HotlineCategory>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HotlineTimeLimitConfiguration : IEntityTypeConfiguration<HotlineTimeLimit>
{
    public void Configure(EntityTypeBuilder<HotlineTimeLimit> builder)
    {
        builder.ToTable("hotline_time_limits");
        builder.Property(l => l.Urgency).HasMaxLength(16);
        builder.HasIndex(l => new { l.CategoryId, l.Urgency }).IsUnique();
        builder.HasOne<HotlineCategory>().WithMany().HasForeignKey(l => l.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HotlineRouteConfiguration : IEntityTypeConfiguration<HotlineRoute>
{
    public void Configure(EntityTypeBuilder<HotlineRoute> builder)
    {
        builder.ToTable("hotline_routes");
        builder.Property(r => r.District).HasMaxLength(32);
        builder.HasIndex(r => new { r.CategoryId, r.District }).IsUnique();
        builder.HasOne<HotlineCategory>().WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(r => r.BodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HotlineTicketConfiguration : IEntityTypeConfiguration<HotlineTicket>
{
    public void Configure(EntityTypeBuilder<HotlineTicket> builder)
    {
        builder.ToTable("hotline_tickets");
        builder.Property(t => t.Number).HasMaxLength(32);
        builder.Property(t => t.Channel).HasMaxLength(16);
        builder.Property(t => t.Urgency).HasMaxLength(16);
        builder.Property(t => t.Status).HasMaxLength(24);
        builder.Property(t => t.Description).HasMaxLength(4000);
        builder.Property(t => t.PublicDescription).HasMaxLength(4000);
        builder.Property(t => t.Address).HasMaxLength(200);
        builder.Property(t => t.District).HasMaxLength(32);
        builder.Property(t => t.MediaUrl).HasMaxLength(500);
        builder.Property(t => t.Attributes).HasMaxLength(2000);
        builder.Property(t => t.CallerName).HasMaxLength(64);
        builder.Property(t => t.CallerPhone).HasMaxLength(32);
        builder.Property(t => t.CallerEmail).HasMaxLength(128);
        builder.Property(t => t.ReplyText).HasMaxLength(4000);
        builder.Property(t => t.Rating).HasMaxLength(24);
        builder.Property(t => t.Token).HasMaxLength(40);
        builder.Property(t => t.UpdatedAt).IsConcurrencyToken();
        builder.HasIndex(t => t.Number).IsUnique();
        builder.HasIndex(t => t.Token);
        // The body's queue: open tickets of a body by next limit.
        builder.HasIndex(t => new { t.BodyId, t.IsOpen, t.NextDueAt });
        // The overdue list and the dispatcher's queue: open tickets by next limit / by status.
        builder.HasIndex(t => new { t.IsOpen, t.NextDueAt });
        builder.HasIndex(t => new { t.Status, t.ReceivedAt });
        // Open311 listing by date, and monthly statistics.
        builder.HasIndex(t => t.ReceivedAt);
        builder.HasIndex(t => t.MergedIntoId);
        builder.Property(t => t.EvaluationToken).HasMaxLength(40);
        builder.HasIndex(t => t.EvaluationToken);
        builder.HasOne<HotlineTicket>().WithMany().HasForeignKey(t => t.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<HotlineKnowledgeEntry>().WithMany().HasForeignKey(t => t.KnowledgeEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<HotlineCategory>().WithMany().HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organizations.Body>().WithMany().HasForeignKey(t => t.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Events).WithOne().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HotlineTicketEventConfiguration : IEntityTypeConfiguration<HotlineTicketEvent>
{
    public void Configure(EntityTypeBuilder<HotlineTicketEvent> builder)
    {
        builder.ToTable("hotline_ticket_events");
        builder.Property(e => e.Type).HasMaxLength(24);
        builder.Property(e => e.Actor).HasMaxLength(128);
        builder.Property(e => e.Text).HasMaxLength(4000);
        builder.Property(e => e.Rating).HasMaxLength(24);
        builder.HasIndex(e => new { e.TicketId, e.At });
    }
}

internal sealed class HotlineAttachmentConfiguration : IEntityTypeConfiguration<HotlineAttachment>
{
    public void Configure(EntityTypeBuilder<HotlineAttachment> builder)
    {
        builder.ToTable("hotline_attachments");
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.MediaType).HasMaxLength(128);
        builder.Property(a => a.KindName).HasMaxLength(32);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.Source).HasMaxLength(16);
        builder.Property(a => a.UploadedBy).HasMaxLength(128);
        builder.HasIndex(a => new { a.TicketId, a.Public });
        builder.HasOne<HotlineTicket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HotlineSmsMessageConfiguration : IEntityTypeConfiguration<HotlineSmsMessage>
{
    public void Configure(EntityTypeBuilder<HotlineSmsMessage> builder)
    {
        builder.ToTable("hotline_sms_outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.Property(m => m.To).HasMaxLength(32);
        builder.Property(m => m.Text).HasMaxLength(500);
        builder.Property(m => m.Status).HasMaxLength(16);
        builder.Property(m => m.GatewayMessageId).HasMaxLength(128);
        builder.Property(m => m.Error).HasMaxLength(2000);
        builder.HasIndex(m => m.CreatedAt);
        builder.HasIndex(m => m.TicketId);
    }
}

internal sealed class Open311ApiKeyConfiguration : IEntityTypeConfiguration<Open311ApiKey>
{
    public void Configure(EntityTypeBuilder<Open311ApiKey> builder)
    {
        builder.ToTable("open311_api_keys");
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.KeyHash).HasMaxLength(64);
        builder.Property(k => k.Prefix).HasMaxLength(12);
        builder.Property(k => k.CreatedBy).HasMaxLength(128);
        builder.HasIndex(k => k.KeyHash).IsUnique();
    }
}

internal sealed class HotlineSupervisionConfiguration : IEntityTypeConfiguration<HotlineSupervision>
{
    public void Configure(EntityTypeBuilder<HotlineSupervision> builder)
    {
        builder.ToTable("hotline_supervisions");
        builder.Property(s => s.Limit).HasMaxLength(8);
        builder.HasIndex(s => new { s.BodyId, s.At });
        builder.HasIndex(s => s.TicketId);
    }
}

internal sealed class HotlineKnowledgeEntryConfiguration : IEntityTypeConfiguration<HotlineKnowledgeEntry>
{
    public void Configure(EntityTypeBuilder<HotlineKnowledgeEntry> builder)
    {
        builder.ToTable("hotline_knowledge_entries");
        builder.Property(k => k.Title).HasMaxLength(200);
        builder.Property(k => k.Answer).HasMaxLength(4000);
        builder.Property(k => k.Source).HasMaxLength(300);
        builder.Property(k => k.SourceUrl).HasMaxLength(500);
        builder.Property(k => k.UpdatedBy).HasMaxLength(128);
        builder.HasOne<HotlineCategory>().WithMany().HasForeignKey(k => k.CategoryId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class HotlineTypicalCaseConfiguration : IEntityTypeConfiguration<HotlineTypicalCase>
{
    public void Configure(EntityTypeBuilder<HotlineTypicalCase> builder)
    {
        builder.ToTable("hotline_typical_cases");
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.Property(c => c.Month).HasMaxLength(7);
        builder.Property(c => c.SelectedBy).HasMaxLength(128);
        builder.Property(c => c.PublishedBy).HasMaxLength(128);
        builder.HasIndex(c => c.TicketId).IsUnique();
        builder.HasIndex(c => new { c.Month, c.PublishedAt });
        builder.HasOne<HotlineTicket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
