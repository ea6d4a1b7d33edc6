using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Platform.Data;
using Gongkai.Services.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Services.Catalogues;

/// <summary>
/// The standard catalogues the site offers: the templates shipped in the assembly (the 26 fields of the 2019
/// guidelines and the sector templates for public enterprises and institutions, <c>standard-catalogues.json</c>),
/// overlaid by those an operator stored through the API — a stored code replaces the shipped one of that code.
/// </summary>
public sealed class StandardCatalogues(GongkaiDbContext db)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Lazy<List<StandardCatalogue>> ShippedCatalogues = new(LoadShipped);

    /// <summary>The templates in the assembly, in their file order (fields first, then sectors).</summary>
    public static IReadOnlyList<StandardCatalogue> Shipped => ShippedCatalogues.Value;

    public async Task<IReadOnlyList<StandardCatalogue>> AllAsync(CancellationToken cancellationToken = default)
    {
        var stored = (await db.Set<StoredStandardCatalogue>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken))
            .Select(c => Read(c.Json)).OfType<StandardCatalogue>().ToDictionary(c => c.Code, StringComparer.Ordinal);
        var result = Shipped.Select(s => stored.Remove(s.Code, out var replaced) ? replaced : s).ToList();
        result.AddRange(stored.Values);
        return result;
    }

    public async Task<StandardCatalogue?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(c => c.Code == code);

    /// <summary>The sector template for a body kind (its slug), if any.</summary>
    public async Task<StandardCatalogue?> ForSectorAsync(string sector, CancellationToken cancellationToken = default) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(c => c.Sector == sector);

    internal static StandardCatalogue? Read(string json) => JsonSerializer.Deserialize<StandardCatalogue>(json, Json);

    private static List<StandardCatalogue> LoadShipped()
    {
        using var stream = typeof(StandardCatalogues).Assembly.GetManifestResourceStream("Services/standard-catalogues.json")
            ?? throw new InvalidOperationException("The shipped standard catalogues are missing from the assembly.");
        return JsonSerializer.Deserialize<List<StandardCatalogue>>(stream, Json) ?? [];
    }
}
