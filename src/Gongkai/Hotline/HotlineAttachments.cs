using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Publishing.Contracts;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Hotline;

/// <summary>A file as it is handed in with a ticket or a step (bytes already read).</summary>
/// <param name="Public">The citizen chose to let the public see this photo (web form only).</param>
public sealed record TicketUpload(string? FileName, byte[] Content, bool Public = false);

/// <summary>A ticket's file as lists show it (without its bytes).</summary>
public sealed record TicketFile(int Id, long? EventId, string FileName, string MediaType, string KindName, long Bytes, string Source, bool Public, DateTimeOffset UploadedAt, string UploadedBy)
{
    public string SizeText => UploadedFiles.SizeText(Bytes);

    public string SourceName => Source switch
    {
        "caller" => "市民",
        "centre" => "12345中心",
        "body" => "承办单位",
        _ => Source,
    };
}

/// <summary>
/// Files on tickets: the caller's photos or PDF at intake (operator console, web form, staff API) and the centre's or the
/// handling body's documents on a step or the reply. Checked by their bytes with Publishing's upload checks, then limited
/// to photos (JPEG, PNG) and PDF; kept in the database like a consultation's files. A ticket's files are personal data:
/// the centre and the bodies the ticket is or was with see them; the public and Open311 clients see only a photo the
/// citizen uploaded and marked public on the web form. Every addition is audited (the ticket and the file's hash, never
/// the caller).
/// </summary>
public sealed class HotlineAttachments(GongkaiDbContext db, HotlineDesk desk, RolePermissions permissions, BodyScope scope, AuditLog audit, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public const int MaxPerTicket = 10;

    /// <summary>The largest request a form with files may send (several files at once); each file is still held to <see cref="MaxBytes"/>.</summary>
    public const long MaxRequestBytes = 32 * 1024 * 1024;

    /// <summary>What the file pickers accept (the bytes decide, not the extension).</summary>
    public const string Accept = ".jpg,.jpeg,.png,.pdf";

    private static readonly HashSet<string> Allowed = ["image/jpeg", "image/png", "application/pdf"];

    /// <summary>The public address of a public photo (Open311 <c>media_url</c>, the tracking page).</summary>
    public static string PublicPath(string number, int attachmentId) =>
        string.Create(CultureInfo.InvariantCulture, $"/hotline/media/{number}/{attachmentId}");

    /// <summary>Checks one upload: a name, at most <see cref="MaxBytes"/>, a photo (JPEG, PNG) or PDF by its bytes.</summary>
    public static Outcome<CheckedUpload> Check(string? fileName, byte[] content)
    {
        var checkedFile = UploadedFiles.Check(fileName, content, MaxBytes);
        if (checkedFile.Refusal is { } refusal)
        {
            return refusal;
        }

        return Allowed.Contains(checkedFile.Value!.MediaType) ? checkedFile
            : Refusal.InvalidField("file", $"“{checkedFile.Value.FileName}”是{checkedFile.Value.KindName}，工单附件只能是照片（JPG、PNG）或 PDF 文件。", "文件类型有误");
    }

    /// <summary>Reads an upload, stopping once it is over the limit (the check then refuses it by its size).</summary>
    public static async Task<byte[]> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= MaxBytes && (read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>A new attachment row (not yet added to the context); the checks have passed.</summary>
    internal static HotlineAttachment Build(int ticketId, long? eventId, CheckedUpload file, byte[] content, string source, bool isPublic, string actor, int? bodyId, DateTimeOffset now) => new()
    {
        TicketId = ticketId, EventId = eventId, FileName = file.FileName, MediaType = file.MediaType, KindName = file.KindName,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Bytes = content.Length, Content = content, Source = source,
        // Only a photo may be public: a PDF the caller sends is usually a letter with their name and address.
        Public = isPublic && file.MediaType.StartsWith("image/", StringComparison.Ordinal),
        UploadedAt = now.ToUniversalTime(), UploadedBy = actor, BodyId = bodyId,
    };

    /// <summary>Staff add a file to a ticket: the centre to any ticket, a handler to a ticket with their body now. A
    /// refused file changes nothing on the ticket.</summary>
    public async Task<Outcome<TicketFile>> AddAsync(ClaimsPrincipal user, string reference, string? fileName, byte[] content, long? eventId = null, CancellationToken cancellationToken = default)
    {
        var ticket = await desk.FindAsync(reference, cancellationToken: cancellationToken);
        if (ticket is null)
        {
            return Refusal.NotFound($"没有编号为“{reference}”的工单。", "未找到工单");
        }

        var centre = permissions.Grants(user, HotlinePermissions.Operate);
        if (!centre && !(permissions.Grants(user, HotlinePermissions.Handle) && ticket.BodyId is { } bodyId && await scope.MayActForAsync(user, bodyId, cancellationToken)))
        {
            return Refusal.Forbidden("只有12345中心和当前承办单位可以为这件工单添加附件。");
        }

        var checkedFile = Check(fileName, content);
        if (checkedFile.Refusal is { } invalid)
        {
            return invalid;
        }

        if (await db.Set<HotlineAttachment>().CountAsync(a => a.TicketId == ticket.Id, cancellationToken) >= MaxPerTicket)
        {
            return Refusal.InvalidField("file", $"每件工单最多 {MaxPerTicket} 个附件。", "附件过多");
        }

        var file = checkedFile.Value!;
        var attachment = Build(ticket.Id, eventId, file, content, centre ? "centre" : "body", false, StaffClaims.DisplayNameOf(user), centre ? null : ticket.BodyId, clock.GetUtcNow());
        db.Add(attachment);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record("hotline.attachment.add", ticket.Number, Describe(attachment), ticket.BodyId);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return File(attachment);
    }

    internal static string Describe(HotlineAttachment a) =>
        string.Create(CultureInfo.InvariantCulture, $"附件 {a.Id}：{a.KindName}，{UploadedFiles.SizeText(a.Bytes)}，SHA-256 {a.Sha256}{(a.Public ? "，市民同意公开" : "")}");

    /// <summary>A ticket's files, oldest first (the caller of this method has decided the user may see the ticket).</summary>
    public async Task<IReadOnlyList<TicketFile>> ListAsync(int ticketId, CancellationToken cancellationToken = default) =>
        await db.Set<HotlineAttachment>().AsNoTracking().Where(a => a.TicketId == ticketId).OrderBy(a => a.Id)
            .Select(a => new TicketFile(a.Id, a.EventId, a.FileName, a.MediaType, a.KindName, a.Bytes, a.Source, a.Public, a.UploadedAt, a.UploadedBy))
            .ToListAsync(cancellationToken);

    /// <summary>A file of a ticket the user may see; null otherwise (not found and not allowed look the same).</summary>
    public async Task<HotlineAttachment?> DownloadAsync(ClaimsPrincipal user, string reference, int attachmentId, CancellationToken cancellationToken = default)
    {
        var ticket = await desk.FindAsync(reference, cancellationToken: cancellationToken);
        if (ticket is null || !await desk.MaySeeAsync(user, ticket, cancellationToken))
        {
            return null;
        }

        return await db.Set<HotlineAttachment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.TicketId == ticket.Id, cancellationToken);
    }

    /// <summary>A photo the citizen marked public, by the ticket's number; null for any other file.</summary>
    public async Task<HotlineAttachment?> PublicAsync(string number, int attachmentId, CancellationToken cancellationToken = default)
    {
        var ticketId = await db.Set<HotlineTicket>().AsNoTracking().Where(t => t.Number == number).Select(t => (int?)t.Id).SingleOrDefaultAsync(cancellationToken);
        return ticketId is null ? null
            : await db.Set<HotlineAttachment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.TicketId == ticketId && a.Public, cancellationToken);
    }

    /// <summary>The first public photo of each ticket, for Open311's <c>media_url</c>.</summary>
    public async Task<IReadOnlyDictionary<int, int>> FirstPublicAsync(IReadOnlyCollection<int> ticketIds, CancellationToken cancellationToken = default)
    {
        if (ticketIds.Count == 0)
        {
            return new Dictionary<int, int>();
        }

        var rows = await db.Set<HotlineAttachment>().AsNoTracking().Where(a => a.Public && ticketIds.Contains(a.TicketId))
            .GroupBy(a => a.TicketId).Select(g => new { TicketId = g.Key, First = g.Min(a => a.Id) }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.TicketId, r => r.First);
    }

    private static TicketFile File(HotlineAttachment a) =>
        new(a.Id, a.EventId, a.FileName, a.MediaType, a.KindName, a.Bytes, a.Source, a.Public, a.UploadedAt, a.UploadedBy);
}
