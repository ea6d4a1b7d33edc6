using Gongkai.Services.Rules;

namespace Gongkai.Services.Admin;

/// <summary>One 申请材料 row of the console's guide form.</summary>
public sealed class MaterialForm
{
    public string? Name { get; set; }

    public string? Form { get; set; }

    public int Copies { get; set; } = 1;

    public string? BlankFormUrl { get; set; }

    public string? SampleUrl { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Form) && string.IsNullOrWhiteSpace(BlankFormUrl) && string.IsNullOrWhiteSpace(SampleUrl);
}

/// <summary>The console's guide form: every element of a version and its two dates.</summary>
public sealed class GuideForm
{
    public const int MaterialRows = 6;

    public string? ItemName { get; set; }

    public string? ItemType { get; set; }

    public string? Basis { get; set; }

    public string? Conditions { get; set; }

    public List<MaterialForm> Materials { get; set; } = [];

    public string? Process { get; set; }

    public int LegalDays { get; set; }

    public int PromisedDays { get; set; }

    public string? Fees { get; set; }

    public string? Location { get; set; }

    public string? Hours { get; set; }

    public string? Transport { get; set; }

    public string? ConsultPhone { get; set; }

    public string? ComplaintPhone { get; set; }

    public string? ResultName { get; set; }

    public string? ResultSampleUrl { get; set; }

    public bool OneVisit { get; set; }

    public bool FullyOnline { get; set; }

    public string? OnlineUrl { get; set; }

    public DateOnly? ApprovedOn { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    /// <summary>A material row left blank is no material; one with anything but a name is kept so the rule names it.</summary>
    public GuideVersionInput ToInput() => new(new GuideContent(
        ItemName ?? "", ItemType ?? "", Basis ?? "", Conditions ?? "",
        Materials.Where(m => !m.IsBlank).Select(m => new GuideMaterial(m.Name ?? "", m.Form ?? "", m.Copies, m.BlankFormUrl, m.SampleUrl)).ToList(),
        Process ?? "", LegalDays, PromisedDays, Fees ?? "", Location ?? "", Hours ?? "", Transport ?? "", ConsultPhone ?? "", ComplaintPhone ?? "",
        ResultName ?? "", ResultSampleUrl, OneVisit, FullyOnline, OnlineUrl), ApprovedOn, EffectiveOn);

    public static GuideForm From(GuideContent c) => new()
    {
        ItemName = c.ItemName, ItemType = c.ItemType, Basis = c.Basis, Conditions = c.Conditions,
        Materials = c.Materials.Select(m => new MaterialForm { Name = m.Name, Form = m.Form, Copies = m.Copies, BlankFormUrl = m.BlankFormUrl, SampleUrl = m.SampleUrl }).ToList(),
        Process = c.Process, LegalDays = c.LegalDays, PromisedDays = c.PromisedDays, Fees = c.Fees, Location = c.Location, Hours = c.Hours, Transport = c.Transport,
        ConsultPhone = c.ConsultPhone, ComplaintPhone = c.ComplaintPhone, ResultName = c.ResultName, ResultSampleUrl = c.ResultSampleUrl, OneVisit = c.OneVisit,
        FullyOnline = c.FullyOnline, OnlineUrl = c.OnlineUrl,
    };

    /// <summary>Pads the materials with blank rows so the form always offers a few to fill.</summary>
    public GuideForm WithBlankMaterials()
    {
        while (Materials.Count < MaterialRows || Materials.TakeLast(2).Any(m => !m.IsBlank))
        {
            Materials.Add(new MaterialForm());
        }

        return this;
    }
}
