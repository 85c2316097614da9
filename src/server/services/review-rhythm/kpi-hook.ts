import { and, eq, inArray, lte } from 'drizzle-orm';
import type { ChangeItem } from '../../../domain/index.js';
import type { KpiHealth } from '../../../domain/kpi-health.js';
import { healthChange } from '../../../domain/kpi-periods.js';
import type { Executor } from '../../../db/database.js';
import { keyResultKpis, kpis, kpiValues } from '../../../db/schema/index.js';
import type { CycleHistory, HistoryObjective } from './cycle-history.js';
import { anyUuid } from './history-check-ins.js';

const SEVERITY: Record<KpiHealth, number> = { healthy: 0, watch: 1, unhealthy: 2 };
const SAY: Record<KpiHealth, string> = { healthy: 'healthy', watch: 'on watch', unhealthy: 'unhealthy' };

/** A KPI turning unhealthy sits beside a worsened status (110); on watch beside a confidence drop; better is good news. */
const rankOf = (before: KpiHealth | null, after: KpiHealth) => {
  const worse = SEVERITY[after] - (before === null ? 0 : SEVERITY[before]);
  return worse > 0 ? 80 + 15 * SEVERITY[after] : 35;
};

/**
 * KPIs (issue 15) whose health changed in the window (after `from`, up to `to`), for the KPIs the key results in
 * scope improve: each item names and links that key result's objective, as every change does. A KPI nobody's key
 * result improves belongs to the KPI board, not to a cycle's review.
 */
export async function kpiHealthChanges(
  db: Executor,
  orgId: string,
  history: CycleHistory,
  scope: Map<string, HistoryObjective>,
  window: { from: string; to: string },
): Promise<ChangeItem[]> {
  const inScope = history.keyResults.filter((kr) => scope.has(kr.objectiveId));
  if (inScope.length === 0) return [];
  const links = await db
    .select({ keyResultId: keyResultKpis.keyResultId, kpi: kpis })
    .from(keyResultKpis)
    .innerJoin(kpis, and(eq(kpis.orgId, orgId), eq(kpis.id, keyResultKpis.kpiId)))
    .where(
      and(
        eq(keyResultKpis.orgId, orgId),
        anyUuid(
          keyResultKpis.keyResultId,
          inScope.map((kr) => kr.id),
        ),
      ),
    );
  if (links.length === 0) return [];
  const values = await db
    .select({ kpiId: kpiValues.kpiId, asOf: kpiValues.asOf, value: kpiValues.value })
    .from(kpiValues)
    .where(
      and(
        eq(kpiValues.orgId, orgId),
        inArray(kpiValues.kpiId, [...new Set(links.map((l) => l.kpi.id))]),
        eq(kpiValues.deleted, false),
        lte(kpiValues.asOf, window.to),
      ),
    );
  const keyResultOf = new Map(inScope.map((kr) => [kr.id, kr]));
  return links.flatMap(({ keyResultId, kpi }): ChangeItem[] => {
    const change = healthChange(
      kpi,
      values.filter((v) => v.kpiId === kpi.id),
      window.from,
      window.to,
    );
    const kr = keyResultOf.get(keyResultId)!;
    const objective = scope.get(kr.objectiveId)!;
    if (!change) return [];
    const unit = kpi.unit ? ` ${kpi.unit}` : '';
    return [
      {
        kind: 'kpi_health_change',
        rank: rankOf(change.before, change.after),
        objectiveId: objective.id,
        objectiveTitle: objective.title,
        keyResultId: kr.id,
        keyResultTitle: kr.title,
        summary: `KPI ${kpi.name}: ${change.before ? SAY[change.before] : 'no health'} → ${SAY[change.after]} (${change.latest.value}${unit} on ${change.latest.asOf})`,
        before: change.before,
        after: change.after,
        on: change.latest.asOf,
      },
    ];
  });
}
