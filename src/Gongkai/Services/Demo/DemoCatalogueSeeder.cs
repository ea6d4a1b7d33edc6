using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Platform.Time;
using Gongkai.Services.Catalogues;
using Gongkai.Services.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Services.Demo;

/// <summary>
/// In demo mode, shows standard catalogues at work: the first county government (三台县) has the 社会救助 catalogue
/// instantiated, and the first school (潼川一小, under the county's 教育和体育局) has the school catalogue, listed 40 days
/// ago so that its dashboard shows late items; one citizen's complaint about the school awaits the department's answer.
/// FICTIONAL; only on a database that has no instantiated catalogue yet.
/// </summary>
internal sealed class DemoCatalogueSeeder : IStartupSeeder
{
    public const string Actor = "演示数据";

    /// <summary>After the bodies (10), their default catalogues (15) and the demo documents.</summary>
    public int Order => 47;

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        if (!demo || await db.Set<CatalogueInstance>().AnyAsync(cancellationToken))
        {
            return;
        }

        var bodies = (await services.GetRequiredService<BodyDirectory>().LoadAsync(cancellationToken)).All.OrderBy(b => b.SortOrder).ThenBy(b => b.Id).ToList();
        var desk = services.GetRequiredService<StandardCatalogueDesk>();
        var catalogues = services.GetRequiredService<StandardCatalogues>();
        var today = ChinaTime.Today(services.GetRequiredService<TimeProvider>());

        if (bodies.FirstOrDefault(b => b.Kind == BodyKind.CountyGovernment) is { } county && await catalogues.FindAsync("social-assistance", cancellationToken) is { } assistance)
        {
            await desk.InstantiateForAsync(county, assistance, StandardCatalogueRules.ItemsFor(assistance, county.Kind), Actor, Actor, today.AddDays(-10), cancellationToken);
        }

        if (bodies.FirstOrDefault(b => b.Kind == BodyKind.School) is { ParentId: { } supervisor } school
            && await catalogues.ForSectorAsync(BodyKinds.Slug(BodyKind.School), cancellationToken) is { } schools)
        {
            await desk.InstantiateForAsync(school, schools, StandardCatalogueRules.ItemsFor(schools, school.Kind), Actor, Actor, today.AddDays(-40), cancellationToken);
            db.Add(new DisclosureComplaint
            {
                UnitBodyId = school.Id, SupervisorBodyId = supervisor, Name = "王女士（演示）", Contact = "0816-0000000",
                Text = "学校本学期的服务性收费和代收费项目没有在公示栏和网站上公布，请主管部门督促公开。",
                ReceivedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-2),
            });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
