using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Gongkai.Search.Indexing;

/// <summary>Part of <c>/readyz</c>: a node whose search index no longer follows the change log (new documents never
/// become searchable) is not ready, and says why, instead of reporting Healthy while search silently goes stale.</summary>
internal sealed class SearchFollowingHealthCheck(
    SearchIndex index, ChangeLogReader log, IndexFollowingWatch watch, IOptions<JobsOptions> jobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!jobs.Value.Enabled)
        {
            return HealthCheckResult.Healthy("本进程不运行后台任务，检索索引由其他进程更新。");
        }

        var position = index.Position;
        var pending = await log.CountAfterAsync(position, cancellationToken);
        return watch.IsStalled(position, pending)
            ? HealthCheckResult.Unhealthy($"检索索引已停止跟随变更日志：停在第 {position} 条，{pending} 条变更等待处理超过 {IndexFollowingWatch.Allowance.TotalMinutes:0} 分钟。")
            : HealthCheckResult.Healthy($"检索索引在第 {position} 条，待处理 {pending} 条。");
    }
}
