using Gongkai.Requests;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Requests;

public sealed class ZzSqlProbe(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public void Probe()
    {
        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            var only = 1;
            var d = new DateOnly(2025, 1, 1);
            var q = db.Set<DisclosureRequest>().AsNoTracking().Where(r => r.BodyId == only).WhereOpen().Where(r => r.DueOn != null)
                .Where(r => r.DueOn >= d && (r.DueOn > d || r.ReceivedOn > d || (r.ReceivedOn == d && r.Id > only)))
                .OrderBy(r => r.DueOn).ThenBy(r => r.ReceivedOn).ThenBy(r => r.Id).Select(r => new { r.Id, r.TrackingNumber, r.Body!.ShortName }).Take(51);
            File.WriteAllText("/tmp/reqperf-probe-" + (TestDatabase.RunningOnPostgres ? "pg" : "sqlite") + ".sql", q.ToQueryString());
        }
    }
}
