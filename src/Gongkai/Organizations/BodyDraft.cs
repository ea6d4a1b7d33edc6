namespace Gongkai.Organizations;

/// <summary>What a staff member submits for a body, from the admin form or the API. Everything is optional text
/// here so that bad input can be re-shown as typed; <see cref="BodyValidator"/> says what is wrong.</summary>
public sealed class BodyDraft
{
    /// <summary>The office hours most bodies keep, offered as the default for a new body.</summary>
    public const string StandardOfficeHours = "周一至周五 上午9:00—12:00，下午13:30—17:30（法定节假日除外）";

    /// <summary>URL code; only read when a body is created (it is part of addresses and index numbers).</summary>
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? ShortName { get; set; }

    /// <summary>A kind slug such as <c>municipal-department</c> (see <see cref="BodyKinds"/>).</summary>
    public string? Kind { get; set; }

    public int? ParentId { get; set; }

    public string? CreditCode { get; set; }

    public string? Functions { get; set; }

    /// <summary>One internal unit (科室) per line.</summary>
    public string? InternalStructure { get; set; }

    public string? Address { get; set; }

    public string? OfficeHours { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? HeadName { get; set; }

    /// <summary>Position among siblings; null keeps the current position (0 for a new body).</summary>
    public int? SortOrder { get; set; }

    public static BodyDraft From(Body body) => new()
    {
        Code = body.Code,
        Name = body.Name,
        ShortName = body.ShortName,
        Kind = BodyKinds.Slug(body.Kind),
        ParentId = body.ParentId,
        CreditCode = body.CreditCode,
        Functions = body.Functions,
        InternalStructure = body.InternalStructure,
        Address = body.Address,
        OfficeHours = body.OfficeHours,
        Phone = body.Phone,
        Email = body.Email,
        HeadName = body.HeadName,
        SortOrder = body.SortOrder,
    };
}
