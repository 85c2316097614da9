import { and, eq } from 'drizzle-orm';
import type { Transaction } from '../../../db/database.js';
import { checkIns, cycles, keyResultKpis, keyResults, objectives } from '../../../db/schema/index.js';
import type { DatedValue } from '../../../domain/kpi-periods.js';
import type { Announcer } from '../announce.js';
import { lockOrganizationOkrs } from '../okrs/org-lock.js';
import { refreshKeyResult } from '../okrs/rollup.js';
import type { KpiRow } from './kpi-reads.js';

/**
 * Key results whose owner chose "follows the KPI" get a check-in at the KPI's latest value (authored by nobody:
 * the note says where it came from), while their cycle is open and the value falls inside it.
 */
export async function followKpi(tx: Transaction, announce: Announcer, kpi: KpiRow, latest: DatedValue | null) {
  if (!latest) return;
  const followers = await tx
    .select({ kr: keyResults, cycle: cycles })
    .from(keyResultKpis)
    .innerJoin(keyResults, eq(keyResults.id, keyResultKpis.keyResultId))
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
    .where(and(eq(keyResultKpis.orgId, kpi.orgId), eq(keyResultKpis.kpiId, kpi.id), eq(keyResultKpis.followsKpi, true)));
  for (const { kr, cycle } of followers) {
    const fits = cycle.status !== 'closed' && latest.asOf >= cycle.startDate && latest.asOf <= cycle.endDate;
    const measured = kr.kind === 'metric' || kr.kind === 'threshold';
    const already = kr.currentValue === latest.value && kr.lastCheckInDate === latest.asOf;
    if (!fits || !measured || already) continue;
    await lockOrganizationOkrs(tx, kpi.orgId);
    const [row] = await tx
      .insert(checkIns)
      .values({
        orgId: kpi.orgId,
        keyResultId: kr.id,
        authorId: null,
        asOf: latest.asOf,
        value: latest.value,
        note: `Followed the KPI ${kpi.name}.`,
      })
      .returning();
    await refreshKeyResult(tx, kr.id, kr.lastCheckInDate === null || latest.asOf > kr.lastCheckInDate ? row : undefined);
    announce.changed('check_in', kr.id, kr.objectiveId);
  }
}
