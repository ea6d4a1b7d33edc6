namespace Gongkai.Organizations;

/// <summary>
/// The facts a body's 政府信息公开指南 states, derived from its data and its place in the tree (条例 2019).
/// The page turns these into plain sentences; keeping the numbers and the review body here makes them testable.
/// </summary>
public sealed record DisclosureGuide(Body Body, string ReviewBody, bool IsGovernment)
{
    /// <summary>Art. 26: information is published within 20 working days of being formed or changed.</summary>
    public const int ActiveDisclosureWorkingDays = 20;

    /// <summary>The 2018 work plan: administrative normative documents within 3 working days of signature.</summary>
    public const int NormativeDocumentWorkingDays = 3;

    /// <summary>The 2018 work plan: a changed service guide within 1 working day of the change being approved.</summary>
    public const int ServiceGuideWorkingDays = 1;

    /// <summary>Art. 33: reply within 20 working days when a request cannot be answered on the spot.</summary>
    public const int ReplyWorkingDays = 20;

    /// <summary>Art. 33: the extension, approved by the office's head, is at most 20 working days.</summary>
    public const int ExtensionWorkingDays = 20;

    /// <summary>Administrative reconsideration within 60 days of learning of the act.</summary>
    public const int ReviewDays = 60;

    /// <summary>Administrative litigation within 6 months of learning of the act.</summary>
    public const int LitigationMonths = 6;

    /// <summary>The online application form, open to every body on the platform.</summary>
    public const string OnlineApplicationPath = "/requests/apply";

    /// <summary>Where an applicant follows an application filed online.</summary>
    public const string TrackingPath = "/requests/track";

    /// <summary>The online form with this body already chosen.</summary>
    public string OnlineApplicationUrl => $"{OnlineApplicationPath}?body={Uri.EscapeDataString(Body.Code)}";

    /// <summary>The ways this body really accepts an application: online always (the platform's form), in person and
    /// by letter only when it has an address on record, by e-mail only when it has an address for that.</summary>
    public IReadOnlyList<ApplicationChannel> Channels
    {
        get
        {
            var channels = new List<ApplicationChannel> { ApplicationChannel.Online };
            if (!string.IsNullOrWhiteSpace(Body.Address))
            {
                channels.Add(ApplicationChannel.InPerson);
                channels.Add(ApplicationChannel.Letter);
            }

            if (!string.IsNullOrWhiteSpace(Body.Email))
            {
                channels.Add(ApplicationChannel.Email);
            }

            return channels;
        }
    }

    /// <summary>Builds the guide's facts. The body answering an administrative-reconsideration application is
    /// the nearest government above a department (本级人民政府), or the next government up for a government
    /// itself; above the city government sits <paramref name="provincialGovernment"/>.</summary>
    public static DisclosureGuide For(Body body, IReadOnlyList<Body> ancestors, string provincialGovernment)
    {
        var government = ancestors.LastOrDefault(a => BodyKinds.IsGovernment(a.Kind));
        return new DisclosureGuide(body, government?.Name ?? provincialGovernment, BodyKinds.IsGovernment(body.Kind));
    }
}

/// <summary>A way of handing in an application for disclosure (条例 Art. 29: in writing, including electronically).</summary>
public enum ApplicationChannel
{
    /// <summary>网上申请 through the platform's form.</summary>
    Online,

    /// <summary>当面提交 at the body's office.</summary>
    InPerson,

    /// <summary>邮寄信函 to the body's address.</summary>
    Letter,

    /// <summary>电子邮件 to the body's address.</summary>
    Email,
}
