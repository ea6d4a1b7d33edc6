using Gongkai.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Requests;

/// <summary>Handling stages of Art. 45 (收文登记 → 审核 → 办理 → 答复 → 归档).</summary>
public enum RequestStage
{
    Registered,
    Reviewing,
    Handling,
    Answered,
    Archived,
}

/// <summary>One application for disclosure (政府信息公开申请). Applicant data is personal: only officers of the handling
/// body and auditors may see it.</summary>
public sealed class DisclosureRequest
{
    public int Id { get; set; }

    /// <summary>"YSQ-2026-000123": what the applicant quotes and types into the tracking page.</summary>
    public required string TrackingNumber { get; set; }

    /// <summary>SHA-256 of the salt and the secret code; the code itself is shown once and never stored.</summary>
    public required string CodeHash { get; set; }

    public required string CodeSalt { get; set; }

    public int BodyId { get; set; }

    public Body? Body { get; set; }

    /// <summary>One of the six kinds table 三 counts (自然人 … 其他).</summary>
    public required string ApplicantType { get; set; }

    public required string ApplicantName { get; set; }

    public required string IdType { get; set; }

    public required string IdNumber { get; set; }

    public string Phone { get; set; } = "";

    public string Email { get; set; } = "";

    public string Address { get; set; } = "";

    public required string Description { get; set; }

    public string DocNumber { get; set; } = "";

    /// <summary>paper | electronic | on-site.</summary>
    public required string Form { get; set; }

    /// <summary>post | email | collect | online.</summary>
    public required string Delivery { get; set; }

    /// <summary>online | in-person | post | oral | fax.</summary>
    public required string Channel { get; set; }

    /// <summary>The Art. 31 receipt date, which may be earlier than the day the request was registered.</summary>
    public DateOnly ReceivedOn { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>Who registered it: a staff user name, or "申请人（网上提交）".</summary>
    public required string RegisteredBy { get; set; }

    /// <summary>The <see cref="Rules.RequestRuleSet.Code"/> chosen by the receipt date.</summary>
    public required string RuleSetCode { get; set; }

    public RequestStage Stage { get; set; }

    /// <summary>The due date as last computed from the events and the calendar (kept for queues and reminders);
    /// null while the clock is stopped or the request is closed without a deadline.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>The <see cref="Rules.ClockState"/> as last computed.</summary>
    public required string ClockState { get; set; }

    /// <summary>True once replied, transferred or abandoned: nothing moves the clock any more.</summary>
    public bool IsClosed { get; set; }

    /// <summary>The user name of the request officer the case is assigned to; null while unassigned.</summary>
    public string? AssignedTo { get; set; }

    /// <summary>The date of the closing event (reply, transfer, lapse); null while open. Kept on the row, with
    /// <see cref="ClosingDecision"/>, so table 三 is one GROUP BY over this table (see <see cref="RequestDesk.StampClosing"/>).</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>The table 三 decision code the request closed with (<see cref="Rules.TableThree.DecisionForFinalEvent"/>);
    /// null while open.</summary>
    public string? ClosingDecision { get; set; }

    public List<RequestEventRecord> Events { get; set; } = [];
}

/// <summary>One recorded event with its own date (the day it happened) and who recorded it when.</summary>
public sealed class RequestEventRecord
{
    public int Id { get; set; }

    public int RequestId { get; set; }

    /// <summary>The API code of the event type, e.g. "correction-requested".</summary>
    public required string Type { get; set; }

    public DateOnly On { get; set; }

    /// <summary>Extension length in working days (extension-approved only).</summary>
    public int? WorkingDays { get; set; }

    /// <summary>The coded decision (replied only).</summary>
    public string? Decision { get; set; }

    /// <summary>Free details: the third party consulted, the approval note, the responsible body named …</summary>
    public string Details { get; set; } = "";

    /// <summary>Fee notices only: "per-application" or "per-page" (国办函〔2020〕109号).</summary>
    public string? FeeMethod { get; set; }

    /// <summary>Fee notices only: the applicant's count in the month (按件) or the page count (按量).</summary>
    public int? FeeUnits { get; set; }

    /// <summary>Fee notices only: the amount charged, in whole yuan.</summary>
    public int? FeeAmountYuan { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

internal sealed class DisclosureRequestConfiguration : IEntityTypeConfiguration<DisclosureRequest>
{
    public void Configure(EntityTypeBuilder<DisclosureRequest> builder)
    {
        builder.ToTable("disclosure_requests");
        builder.HasIndex(r => r.TrackingNumber).IsUnique();
        // The queue walks this in its sort order (open, by due date, receipt, id) and stops at a page; the id makes
        // the order total for the keyset ("下一页") on both databases.
        builder.HasIndex(r => new { r.BodyId, r.IsClosed, r.DueOn, r.ReceivedOn, r.Id });
        // Recently closed, newest first, without sorting the body's closed requests.
        builder.HasIndex(r => new { r.BodyId, r.IsClosed, r.Id });
        // The deadline recomputation reads the open requests of every body in id order.
        builder.HasIndex(r => new { r.IsClosed, r.Id });
        // Table 三 for a body-year: requests still open or closed from the year on, read from the index alone.
        builder.HasIndex(r => new { r.BodyId, r.ClosedOn, r.ReceivedOn, r.ApplicantType, r.ClosingDecision });
        builder.HasIndex(r => new { r.AssignedTo, r.IsClosed, r.DueOn, r.ReceivedOn, r.Id });
        builder.HasIndex(r => new { r.IdNumber, r.ReceivedOn });
        builder.Property(r => r.AssignedTo).HasMaxLength(100);
        builder.Property(r => r.ClosingDecision).HasMaxLength(40);
        builder.Property(r => r.TrackingNumber).HasMaxLength(20);
        builder.Property(r => r.CodeHash).HasMaxLength(64);
        builder.Property(r => r.CodeSalt).HasMaxLength(32);
        builder.Property(r => r.ApplicantType).HasMaxLength(20);
        builder.Property(r => r.ApplicantName).HasMaxLength(RequestLimits.NameLength);
        builder.Property(r => r.IdType).HasMaxLength(20);
        builder.Property(r => r.IdNumber).HasMaxLength(40);
        builder.Property(r => r.Phone).HasMaxLength(40);
        builder.Property(r => r.Email).HasMaxLength(200);
        builder.Property(r => r.Address).HasMaxLength(RequestLimits.AddressLength);
        builder.Property(r => r.Description).HasMaxLength(RequestLimits.DescriptionLength);
        builder.Property(r => r.DocNumber).HasMaxLength(100);
        builder.Property(r => r.Form).HasMaxLength(20);
        builder.Property(r => r.Delivery).HasMaxLength(20);
        builder.Property(r => r.Channel).HasMaxLength(20);
        builder.Property(r => r.RegisteredBy).HasMaxLength(100);
        builder.Property(r => r.RuleSetCode).HasMaxLength(10);
        builder.Property(r => r.ClockState).HasMaxLength(20);
        builder.Property(r => r.Stage).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(r => r.Body).WithMany().HasForeignKey(r => r.BodyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequestEventRecordConfiguration : IEntityTypeConfiguration<RequestEventRecord>
{
    public void Configure(EntityTypeBuilder<RequestEventRecord> builder)
    {
        builder.ToTable("disclosure_request_events");
        // Table 三 finds each request's closing event by request and type.
        builder.HasIndex(e => new { e.RequestId, e.Type });
        builder.Property(e => e.Type).HasMaxLength(30);
        builder.Property(e => e.FeeMethod).HasMaxLength(20);
        builder.Property(e => e.Decision).HasMaxLength(40);
        builder.Property(e => e.Details).HasMaxLength(2000);
        builder.Property(e => e.RecordedBy).HasMaxLength(100);
    }
}

/// <summary>Filters on <see cref="DisclosureRequest.IsClosed"/> that indexes can serve. EF writes <c>!r.IsClosed</c> as
/// <c>NOT "IsClosed"</c>, which SQLite cannot match to an index column (so the queue sorted every request of the body);
/// a comparison with a parameter, <c>"IsClosed" = @p</c>, is an index equality on SQLite and PostgreSQL alike.</summary>
public static class DisclosureRequestQueries
{
    public static IQueryable<DisclosureRequest> WhereOpen(this IQueryable<DisclosureRequest> requests) => WhereClosed(requests, false);

    public static IQueryable<DisclosureRequest> WhereClosed(this IQueryable<DisclosureRequest> requests, bool closed = true) =>
        requests.Where(r => r.IsClosed == closed);
}
