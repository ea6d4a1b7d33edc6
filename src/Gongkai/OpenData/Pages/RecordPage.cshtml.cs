using Gongkai.OpenData.Data;
using Gongkai.OpenData.Rules;
using Gongkai.Organizations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.OpenData.Pages;

/// <summary>One published record: its fields (masked), publish-by date, versions; a construction project shows its
/// stages as a timeline; a withdrawn record keeps its page with the reason.</summary>
public sealed class RecordPageModel(OpenDataCatalog catalog, BodyDirectory bodies) : PageModel
{
    public PublicRecord? Record { get; private set; }

    public RecordType? Type { get; private set; }

    public RecordSchema Schema => Type!.Schema;

    public Body? Body { get; private set; }

    public IReadOnlyList<DataRecordVersion> Versions { get; private set; } = [];

    /// <summary>An air reading's computed columns (IAQI, and the AQI of its site that day); empty otherwise.</summary>
    public IReadOnlyDictionary<string, string> AirQuality { get; private set; } = new Dictionary<string, string>();

    /// <summary>For a construction project: every published stage of the same project, in stage order.</summary>
    public IReadOnlyList<PublicRecord> Stages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var found = await catalog.FindRecordAsync(id, cancellationToken);
        if (found is not { } pair)
        {
            return NotFound();
        }

        (Record, Type) = pair;
        Body = await bodies.FindAsync(Record.BodyId, cancellationToken);
        Versions = await catalog.VersionsAsync(id, cancellationToken);
        if (!Record.Withdrawn && await catalog.AirQualityAsync(Type, [Record], cancellationToken) is { } airQuality)
        {
            AirQuality = airQuality.ValuesFor(Record.Values);
        }

        if (Type.Key == ShippedRecordTypes.ConstructionProject && Record.Values.GetValueOrDefault("projectCode") is { } project)
        {
            var stages = ShippedRecordTypes.ConstructionStages;
            Stages = (await catalog.RelatedAsync(Type, Record.BodyId, "projectCode", project, cancellationToken))
                .OrderBy(r => stages.ToList().IndexOf(r.Values.GetValueOrDefault("stage") ?? "")).ToList();
        }

        return Page();
    }
}
