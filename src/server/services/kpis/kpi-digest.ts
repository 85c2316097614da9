import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { kpis, kpiValues } from '../../../db/schema/index.js';
import type { KpiHealth } from '../../../domain/kpi-health.js';
import { healthChange } from '../../../domain/kpi-periods.js';

const SAY: Record<KpiHealth, string> = { healthy: 'healthy', watch: 'on watch', unhealthy: 'unhealthy' };

/** A team's KPIs whose health changed in the digest window (previousDate, dueDate], as digest lines. */
export async function kpiHealthChanges(tx: Executor, orgId: string, teamId: string, window: { previousDate: string; dueDate: string }) {
  const rows = await tx
    .select()
    .from(kpis)
    .where(and(eq(kpis.orgId, orgId), eq(kpis.teamId, teamId)))
    .orderBy(asc(kpis.name));
  if (rows.length === 0) return [];
  const values = await tx
    .select({ kpiId: kpiValues.kpiId, asOf: kpiValues.asOf, value: kpiValues.value })
    .from(kpiValues)
    .where(
      and(
        eq(kpiValues.orgId, orgId),
        inArray(
          kpiValues.kpiId,
          rows.map((k) => k.id),
        ),
        eq(kpiValues.deleted, false),
        lte(kpiValues.asOf, window.dueDate),
      ),
    );
  return rows.flatMap((kpi) => {
    const change = healthChange(
      kpi,
      values.filter((v) => v.kpiId === kpi.id),
      window.previousDate,
      window.dueDate,
    );
    if (!change) return [];
    const unit = kpi.unit ? ` ${kpi.unit}` : '';
    const from = change.before ? `from ${SAY[change.before]} ` : '';
    return [`${kpi.name}: ${from}to ${SAY[change.after]} (${change.latest.value}${unit} on ${change.latest.asOf})`];
  });
}
