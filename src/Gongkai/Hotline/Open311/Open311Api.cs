using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Gongkai.Hotline.Rules;
using Gongkai.Platform.Data;
using Gongkai.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Hotline.Open311;

/// <summary>One Open311 record: named fields in the specification's order. Values are strings, numbers, booleans,
/// null, or nested lists of records (attributes, values).</summary>
internal sealed class O311Record : List<KeyValuePair<string, object?>>
{
    public O311Record Add(string name, object? value)
    {
        Add(new KeyValuePair<string, object?>(name, value));
        return this;
    }
}

/// <summary>A nested list and the element name each item takes in XML.</summary>
internal sealed record O311List(string ItemName, IReadOnlyList<O311Record> Items);

/// <summary>
/// Open311 GeoReport v2 at <c>/open311/v2</c> and discovery at <c>/open311/discovery.{fmt}</c>, JSON and XML as the
/// specification says (XML required, JSON optional — both here). Errors are the specification's list
/// <c>[{"code","description"}]</c> / <c>&lt;errors&gt;</c> with 400, 403 or 404, never a server error. A request's
/// public fields never include the caller's name, phone or e-mail; its description is the masked public text.
/// </summary>
internal static class Open311Api
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    /// <summary>The longest description the specification allows.</summary>
    public const int MaxDescription = 4000;

    public const int DefaultWindowDays = 90;

    public const int MaxResults = 1000;

    public static void MapOpen311(this WebApplication app)
    {
        app.MapGet("/open311/discovery.{format}", Discovery).AllowAnonymous().ExcludeFromDescription();
        var v2 = app.MapGroup("/open311/v2").AllowAnonymous().ExcludeFromDescription();
        v2.MapGet("/services.{format}", ServicesAsync).WithSummary("Open311：服务类别列表");
        v2.MapGet("/services/{code}.{format}", ServiceAsync).WithSummary("Open311：某服务类别的附加属性");
        // A client that sends a 1 MB description must get the specification's 400 naming the 4,000-character limit, not the
        // site-wide 413 problem: 16 MiB covers a million CJK characters form-encoded (9 bytes each).
        v2.MapPost("/requests.{format}", PostRequestAsync).WithSummary("Open311：提交诉求").DisableAntiforgery().WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(16 * 1024 * 1024));
        v2.MapGet("/requests.{format}", RequestsAsync).WithSummary("Open311：查询诉求列表");
        v2.MapGet("/requests/{id}.{format}", RequestAsync).WithSummary("Open311：查询一条诉求");
        v2.MapGet("/tokens/{token}.{format}", TokenAsync).WithSummary("Open311：由回执令牌查诉求编号");
    }

    private static bool Known(string format) => format is "json" or "xml";

    private static IResult Discovery(string format, HttpRequest request)
    {
        if (!Known(format))
        {
            return Error(404, "格式应为 json 或 xml。", "json");
        }

        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}/open311/v2/";
        var endpoint = new O311Record().Add("specification", Specification).Add("url", baseUrl).Add("changeset", "2026-12-01T00:00:00+08:00")
            .Add("type", "production").Add("formats", new O311List("format", [new O311Record().Add("format", "text/xml"), new O311Record().Add("format", "application/json")]));
        var discovery = new O311Record().Add("changeset", "2026-12-01T00:00:00+08:00").Add("contact", "12345 政务服务便民热线")
            .Add("key_service", "API 密钥由本站系统管理员签发。").Add("endpoints", new O311List("endpoint", [endpoint]));
        return Write(format, "discovery", null, [discovery], single: true);
    }

    private static async Task<IResult> ServicesAsync(string format, HotlineDesk desk, CancellationToken cancellationToken)
    {
        if (!Known(format))
        {
            return Error(404, "格式应为 json 或 xml。", "json");
        }

        var all = await desk.CategoriesAsync(cancellationToken);
        var services = HotlineDesk.Leaves(all).Select(c =>
        {
            var group = all.FirstOrDefault(p => p.Id == c.ParentId)?.Name ?? "";
            return new O311Record().Add("service_code", c.Code).Add("service_name", c.Name)
                .Add("description", c.Description.Length > 0 ? c.Description : $"{group}：{c.Name}").Add("metadata", ServiceAttributes.For(c.Code).Count > 0)
                .Add("type", "realtime").Add("keywords", group).Add("group", group);
        }).ToList();
        return Write(format, "services", "service", services);
    }

    private static async Task<IResult> ServiceAsync(string code, string format, HotlineDesk desk, CancellationToken cancellationToken)
    {
        if (!Known(format))
        {
            return Error(404, "格式应为 json 或 xml。", "json");
        }

        var all = await desk.CategoriesAsync(cancellationToken);
        if (!HotlineDesk.Leaves(all).Any(c => c.Code == code))
        {
            return Error(404, $"没有服务代码为 {code} 的服务。", format);
        }

        var attributes = ServiceAttributes.For(code).Select(a => new O311Record().Add("variable", true).Add("code", a.Code).Add("datatype", a.Datatype)
            .Add("required", a.Required).Add("datatype_description", a.Description).Add("order", a.Order).Add("description", a.Description)
            .Add("values", new O311List("value", a.Values.Select(v => new O311Record().Add("key", v.Key).Add("name", v.Name)).ToList()))).ToList();
        var definition = new O311Record().Add("service_code", code).Add("attributes", new O311List("attribute", attributes));
        return Write(format, "service_definition", null, [definition], single: true);
    }

    private static async Task<IResult> PostRequestAsync(
        string format, HttpRequest request, HotlineDesk desk, Open311Keys keys, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!Known(format))
        {
            return Error(404, "格式应为 json 或 xml。", "json");
        }

        if (!request.HasFormContentType)
        {
            return Error(400, "请求应为 application/x-www-form-urlencoded 表单。", format);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions { ValueLengthLimit = 16 * 1024 * 1024 }, cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Error(400, $"表单无法读取（过大或格式有误；description 不能超过 {MaxDescription} 个字符）。", format);
        }

        var key = await keys.FindLiveAsync(form["api_key"], cancellationToken);
        if (key is null)
        {
            return Error(403, string.IsNullOrWhiteSpace(form["api_key"]) ? "缺少 api_key。" : "api_key 无效或已被撤销。", format);
        }

        var code = form["service_code"].ToString().Trim();
        var all = await desk.CategoriesAsync(cancellationToken);
        if (code.Length == 0)
        {
            return Error(400, "缺少 service_code。", format);
        }

        if (!HotlineDesk.Leaves(all).Any(c => c.Code == code))
        {
            return Error(404, $"没有服务代码为 {code} 的服务。", format);
        }

        var errors = new List<string>();
        double? lat = null, lon = null;
        var latText = form["lat"].ToString().Trim();
        var longText = form["long"].ToString().Trim();
        if (latText.Length > 0 || longText.Length > 0)
        {
            if (double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var la) && double.TryParse(longText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo)
                && double.IsFinite(la) && double.IsFinite(lo))
            {
                (lat, lon) = (la, lo);
                if (!desk.InsideCity(la, lo))
                {
                    errors.Add("坐标 lat/long 不在本市范围内。");
                }
            }
            else
            {
                errors.Add("lat 和 long 须同时提供，且为十进制度数。");
            }
        }

        var address = form["address_string"].ToString().Trim();
        if (lat is null && address.Length == 0 && form["address_id"].ToString().Trim().Length == 0 && errors.Count == 0)
        {
            errors.Add("须提供地点：lat 和 long，或 address_string。");
        }

        var description = form["description"].ToString();
        if (description.Length > MaxDescription)
        {
            errors.Add($"description 不能超过 {MaxDescription} 个字符（现有 {description.Length} 个）。");
        }

        var attributes = form.Keys.Where(k => k.StartsWith("attribute[", StringComparison.Ordinal) && k.EndsWith(']'))
            .ToDictionary(k => k["attribute[".Length..^1], k => form[k].ToString(), StringComparer.Ordinal);
        if (ServiceAttributes.Check(code, attributes) is { } attributeError)
        {
            errors.Add(attributeError);
        }

        if (errors.Count > 0)
        {
            return Errors(400, errors, format);
        }

        var name = string.Join(" ", new[] { form["last_name"].ToString().Trim(), form["first_name"].ToString().Trim() }.Where(p => p.Length > 0));
        var outcome = await desk.TakeInAsync(new TicketDraft(
            "open311", code, description, Address: address, Latitude: lat, Longitude: lon, MediaUrl: form["media_url"].ToString(),
            CallerName: name, CallerPhone: form["phone"].ToString(), CallerEmail: form["email"].ToString(), Attributes: attributes, ApiKeyId: key.Id),
            $"Open311：{key.Name}", cancellationToken);
        if (!outcome.Succeeded)
        {
            return Errors(400, outcome.Refusal.Errors.Count > 0 ? outcome.Refusal.Errors.Values.SelectMany(m => m).ToList() : [outcome.Refusal.Message], format);
        }

        var ticket = outcome.Value!;
        loggers.CreateLogger("Gongkai.Hotline.Open311").LogInformation("Open311 request {Number} filed by {Application}", ticket.Number, key.Name);
        var created = new O311Record().Add("service_request_id", ticket.Number).Add("token", ticket.Token)
            .Add("service_notice", "您的诉求已由12345热线受理，将派至承办单位办理。").Add("account_id", null);
        return Write(format, "service_requests", "request", [created], status: StatusCodes.Status201Created);
    }

    private static async Task<IResult> RequestsAsync(
        string format, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "service_request_id")] string? serviceRequestId, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "service_code")] string? serviceCode,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "start_date")] string? startDate, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "end_date")] string? endDate, string? status,
        GongkaiDbContext db, HotlineDesk desk, HotlineAttachments files, Organizations.BodyDirectory directory, HttpRequest request, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Known(format))
        {
            return Error(404, "格式应为 json 或 xml。", "json");
        }

        var query = db.Set<HotlineTicket>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(serviceRequestId))
        {
            var ids = serviceRequestId.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(MaxResults).ToList();
            query = query.Where(t => ids.Contains(t.Number));
        }
        else
        {
            var now = clock.GetUtcNow();
            if (!TryDate(startDate, out var start) || !TryDate(endDate, out var end))
            {
                return Error(400, "start_date 和 end_date 应为带时区的 ISO 8601 时间，例如 2026-10-01T00:00:00+08:00。", format);
            }

            var to = end ?? now;
            var from = start ?? to.AddDays(-DefaultWindowDays);
            if (from > to || to - from > TimeSpan.FromDays(DefaultWindowDays))
            {
                return Error(400, $"start_date 不能晚于 end_date，且两者相隔不能超过 {DefaultWindowDays} 天。", format);
            }

            // Compared in UTC: the stored instants are UTC (see HotlineDesk.Stamp).
            var fromUtc = from.ToUniversalTime();
            var toUtc = to.ToUniversalTime();
            query = query.Where(t => t.ReceivedAt >= fromUtc && t.ReceivedAt <= toUtc);
            if (!string.IsNullOrWhiteSpace(serviceCode))
            {
                var categories = await desk.CategoriesAsync(cancellationToken);
                var codes = serviceCode.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var categoryIds = categories.Where(c => codes.Contains(c.Code)).Select(c => c.Id).ToList();
                query = query.Where(t => categoryIds.Contains(t.CategoryId));
            }

            if (!string.IsNullOrWhiteSpace(status))
            {
                var wanted = status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (wanted.Any(s => s is not ("open" or "closed")))
                {
                    return Error(400, "status 应为 open 或 closed。", format);
                }

                if (wanted.Length == 1)
                {
                    var open = wanted[0] == "open";
                    query = query.Where(t => t.IsOpen == open);
                }
            }

            query = query.OrderByDescending(t => t.ReceivedAt).ThenByDescending(t => t.Id);
        }

        var tickets = await query.Take(MaxResults).ToListAsync(cancellationToken);
        return Write(format, "service_requests", "request", await PublicAsync(tickets, desk, files, directory, request, cancellationToken));
    }

    private static async Task<IResult> RequestAsync(
        string id, string format, GongkaiDbContext db, HotlineDesk desk, HotlineAttachments files, Organizations.BodyDirectory directory, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!Known(format))
        {
            return Error(404, "格式应为 json 或 xml。", "json");
        }

        var ticket = await db.Set<HotlineTicket>().AsNoTracking().SingleOrDefaultAsync(t => t.Number == id, cancellationToken);
        return ticket is null ? Error(404, $"没有编号为 {id} 的诉求。", format)
            : Write(format, "service_requests", "request", await PublicAsync([ticket], desk, files, directory, request, cancellationToken));
    }

    private static async Task<IResult> TokenAsync(string token, string format, GongkaiDbContext db, CancellationToken cancellationToken)
    {
        if (!Known(format))
        {
            return Error(404, "格式应为 json 或 xml。", "json");
        }

        var number = token.Length is > 0 and <= 40
            ? await db.Set<HotlineTicket>().AsNoTracking().Where(t => t.Token == token).Select(t => t.Number).SingleOrDefaultAsync(cancellationToken)
            : null;
        return number is null ? Error(404, "没有这个 token。", format)
            : Write(format, "service_requests", "request", [new O311Record().Add("service_request_id", number).Add("token", token)]);
    }

    private static bool TryDate(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    /// <summary>The public fields of each ticket — never the caller's contact. <c>media_url</c> is the address the
    /// client filed, else the first photo the citizen uploaded as public; no other attachment ever appears.</summary>
    private static async Task<List<O311Record>> PublicAsync(
        IReadOnlyList<HotlineTicket> tickets, HotlineDesk desk, HotlineAttachments files, Organizations.BodyDirectory directory, HttpRequest request, CancellationToken cancellationToken)
    {
        var photos = await files.FirstPublicAsync(tickets.Where(t => t.MediaUrl.Length == 0).Select(t => t.Id).ToList(), cancellationToken);
        var origin = $"{request.Scheme}://{request.Host}";
        var categories = await desk.CategoriesAsync(cancellationToken);
        var bodyIds = tickets.Where(t => t.BodyId is not null).Select(t => t.BodyId!.Value).Distinct().ToList();
        var bodies = (await directory.LoadAsync(cancellationToken)).All.Where(b => bodyIds.Contains(b.Id)).ToDictionary(b => b.Id, b => b.Name);
        return tickets.Select(t =>
        {
            var category = categories.FirstOrDefault(c => c.Id == t.CategoryId);
            return new O311Record()
                .Add("service_request_id", t.Number)
                .Add("status", t.IsOpen ? "open" : "closed")
                .Add("status_notes", t.IsOpen ? "" : t.ReplyText)
                .Add("service_name", category?.Name ?? "")
                .Add("service_code", category?.Code ?? "")
                .Add("description", t.PublicDescription)
                .Add("agency_responsible", t.BodyId is { } b ? bodies.GetValueOrDefault(b, "") : "")
                .Add("service_notice", TicketVocabulary.ChineseName(TicketVocabulary.ParseStatus(t.Status) ?? TicketStatus.Received))
                .Add("requested_datetime", W3C(t.ReceivedAt))
                .Add("updated_datetime", W3C(t.UpdatedAt))
                .Add("expected_datetime", t.IsOpen && (t.ReplyDueAt ?? t.SignDueAt) is { } due ? W3C(due) : null)
                .Add("address", t.Address)
                .Add("address_id", "")
                .Add("zipcode", "")
                .Add("lat", t.Latitude)
                .Add("long", t.Longitude)
                .Add("media_url", t.MediaUrl.Length > 0 ? t.MediaUrl
                    : photos.TryGetValue(t.Id, out var photo) ? origin + HotlineAttachments.PublicPath(t.Number, photo) : "");
        }).ToList();
    }

    private static string W3C(DateTimeOffset instant) => ChinaTime.ToChina(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    internal static IResult Error(int code, string description, string format) => Errors(code, [description], format);

    private static IResult Errors(int code, List<string> descriptions, string format) =>
        Write(format, "errors", "error", descriptions.Select(d => new O311Record().Add("code", code).Add("description", d)).ToList(), status: code);

    /// <summary>JSON: an array of objects (or one object when <paramref name="single"/>). XML: a root element holding one
    /// element per record (or the record's fields directly when single).</summary>
    private static IResult Write(string format, string root, string? item, List<O311Record> records, bool single = false, int status = StatusCodes.Status200OK)
    {
        if (format == "xml")
        {
            var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
                single ? Element(root, records[0]) : new XElement(root, records.Select(r => Element(item!, r))));
            var builder = new StringBuilder();
            using (var writer = new Utf8StringWriter(builder))
            {
                document.Save(writer, SaveOptions.DisableFormatting);
            }

            return Results.Text(builder.ToString(), "text/xml; charset=utf-8", Encoding.UTF8, status);
        }

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            if (single)
            {
                WriteObject(json, records[0]);
            }
            else
            {
                json.WriteStartArray();
                foreach (var record in records)
                {
                    WriteObject(json, record);
                }

                json.WriteEndArray();
            }
        }

        return Results.Text(Encoding.UTF8.GetString(stream.ToArray()), "application/json; charset=utf-8", Encoding.UTF8, status);
    }

    private static void WriteObject(Utf8JsonWriter json, O311Record record)
    {
        json.WriteStartObject();
        foreach (var (name, value) in record)
        {
            json.WritePropertyName(name);
            switch (value)
            {
                case null:
                    json.WriteNullValue();
                    break;
                case string s:
                    json.WriteStringValue(s);
                    break;
                case bool b:
                    json.WriteBooleanValue(b);
                    break;
                case int i:
                    json.WriteNumberValue(i);
                    break;
                case double d:
                    json.WriteNumberValue(d);
                    break;
                case O311List list:
                    json.WriteStartArray();
                    foreach (var inner in list.Items)
                    {
                        // A list of one-field records (formats) is a list of plain values in JSON.
                        if (inner.Count == 1 && inner[0].Key == list.ItemName)
                        {
                            json.WriteStringValue(inner[0].Value?.ToString());
                        }
                        else
                        {
                            WriteObject(json, inner);
                        }
                    }

                    json.WriteEndArray();
                    break;
                default:
                    json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }

        json.WriteEndObject();
    }

    private static XElement Element(string name, O311Record record) => new(name, record.Select(field => field.Value switch
    {
        O311List list => new XElement(field.Key, list.Items.Select(inner =>
            inner.Count == 1 && inner[0].Key == list.ItemName ? new XElement(list.ItemName, inner[0].Value) : Element(list.ItemName, inner))),
        bool b => new XElement(field.Key, b ? "true" : "false"),
        null => new XElement(field.Key),
        IFormattable f => new XElement(field.Key, f.ToString(null, CultureInfo.InvariantCulture)),
        var v => new XElement(field.Key, v),
    }));

    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
