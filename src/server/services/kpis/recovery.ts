import { and, eq, gte, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../../../db/database.js';
import { cycles, keyResultKpis, keyResults, kpiRecoveries, kpiSettings, objectives } from '../../../db/schema/index.js';
import { healthyBoundary } from '../../../domain/kpi-health.js';
import { summarizeKpi, type KpiSummary } from '../../../domain/kpi-periods.js';
import { recordActivity } from '../activity.js';
import type { Announcer } from '../announce.js';
import { notify } from '../notifications/notify.js';
import { noticesFor, type ServiceDeps } from '../okrs/deps.js';
import { lockOrganizationOkrs } from '../okrs/org-lock.js';
import { refreshKeyResult } from '../okrs/rollup.js';
import { followKpis } from './follow-kpi.js';
import type { KpiRow } from './kpi-reads.js';
import { activeValues } from './kpi-values.js';

export const DEFAULT_RECOVERY_PERIODS = 2;

export async function recoveryPeriodsOf(tx: Executor, orgId: string): Promise<number> {
  const [row] = await tx.select({ periods: kpiSettings.recoveryPeriods }).from(kpiSettings).where(eq(kpiSettings.orgId, orgId));
  return row?.periods ?? DEFAULT_RECOVERY_PERIODS;
}

/**
 * After a KPI's values change: key results that follow it move (in this write, or, for pushed values, `followLater`
 * right after it: see follow-soon.ts), and a long unhealthy run proposes a recovery.
 */
export async function afterKpiValues(
  tx: Transaction,
  deps: ServiceDeps,
  announce: Announcer,
  kpi: KpiRow,
  today: string,
  follow: 'now' | 'later' = 'now',
) {
  const summary = summarizeKpi(kpi, kpi.cadence, await activeValues(tx, kpi.orgId, kpi.id));
  // Read before following: a followed check-in takes the organisation's OKR lock until commit, so keep reads out of it.
  const recoveryPeriods = await recoveryPeriodsOf(tx, kpi.orgId);
  if (follow === 'now') await followKpis(tx, announce, kpi.orgId, [kpi.id]);
  if (summary.unhealthyPeriods >= recoveryPeriods) await proposeRecovery(tx, deps, announce, kpi, summary, recoveryPeriods, today);
  return summary;
}

/** The open cycle holding today, where a recovery objective can be planned. */
async function currentCycle(tx: Executor, orgId: string, today: string) {
  const [cycle] = await tx
    .select()
    .from(cycles)
    .where(
      and(
        eq(cycles.orgId, orgId),
        lte(cycles.startDate, today),
        gte(cycles.endDate, today),
        ne(cycles.status, 'closed'),
        isNull(cycles.archivedAt),
      ),
    );
  return cycle;
}

/**
 * Whether the unhealthy run that started on `since` has no recovery proposal yet. A proposal made when the run seemed
 * to start later (an earlier value arrived afterwards) belongs to the same run.
 */
async function unproposed(tx: Executor, kpi: KpiRow, since: string) {
  const [known] = await tx
    .select({ id: kpiRecoveries.id })
    .from(kpiRecoveries)
    .where(and(eq(kpiRecoveries.orgId, kpi.orgId), eq(kpiRecoveries.kpiId, kpi.id), gte(kpiRecoveries.runStartedOn, since)))
    .limit(1);
  return !known;
}

/**
 * Once per unhealthy run: a committed draft objective in the current cycle whose first key result brings the KPI
 * back to its healthy boundary by the cycle's end (linked to the KPI, its value following it), and a notice to the
 * KPI's owner. Without an owner or an open cycle nothing is proposed.
 */
async function proposeRecovery(
  tx: Transaction,
  deps: ServiceDeps,
  announce: Announcer,
  kpi: KpiRow,
  seen: KpiSummary,
  recoveryPeriods: number,
  today: string,
) {
  if (!kpi.ownerId || !seen.unhealthySince || !(await unproposed(tx, kpi, seen.unhealthySince))) return;
  const cycle = await currentCycle(tx, kpi.orgId, today);
  if (!cycle) return;
  await lockOrganizationOkrs(tx, kpi.orgId);
  // Pushes of one KPI run side by side, each seeing only its own new value: under the lock, count again with what
  // the others committed meanwhile, so that a run started by an earlier value is recognised and proposed once.
  const summary = summarizeKpi(kpi, kpi.cadence, await activeValues(tx, kpi.orgId, kpi.id));
  if (summary.unhealthyPeriods < recoveryPeriods || !summary.latest || !summary.unhealthySince) return;
  if (!(await unproposed(tx, kpi, summary.unhealthySince))) return;
  const target = healthyBoundary(kpi, summary.latest.value);
  const unit = kpi.unit ? ` ${kpi.unit}` : '';
  const [objective] = await tx
    .insert(objectives)
    .values({
      orgId: kpi.orgId,
      cycleId: cycle.id,
      title: `Bring ${kpi.name} back to healthy`,
      whyImportant: `${kpi.name} has been unhealthy for ${summary.unhealthyPeriods} ${kpi.cadence === 'weekly' ? 'weeks' : 'months'} in a row (latest ${summary.latest.value}${unit} on ${summary.latest.asOf}).`,
      ownerId: kpi.ownerId,
      teamId: kpi.teamId,
      type: 'committed',
      status: 'draft',
    })
    .returning();
  const [kr] = await tx
    .insert(keyResults)
    .values({
      orgId: kpi.orgId,
      objectiveId: objective!.id,
      title: `${kpi.name} from ${summary.latest.value}${unit} to ${target}${unit} by ${cycle.endDate}`,
      ownerId: kpi.ownerId,
      kind: 'metric',
      unit: kpi.unit,
      startValue: summary.latest.value,
      targetValue: target,
      dataReadiness: { dataSource: `KPI ${kpi.name}`, baselineKnown: true, frequency: kpi.cadence, reliability: 'reliable' },
    })
    .returning();
  // It starts at the latest value, so that value counts as followed: the next one is its first check-in.
  await tx.insert(keyResultKpis).values({
    orgId: kpi.orgId,
    keyResultId: kr!.id,
    kpiId: kpi.id,
    followsKpi: true,
    followedValueId: sql`(select id from kpi_values where org_id = ${kpi.orgId} and kpi_id = ${kpi.id} and not deleted
      order by as_of desc, created_at desc, id desc limit 1)`,
  });
  await refreshKeyResult(tx, kr!.id);
  const [recovery] = await tx
    .insert(kpiRecoveries)
    .values({ orgId: kpi.orgId, kpiId: kpi.id, objectiveId: objective!.id, runStartedOn: summary.unhealthySince })
    .returning();
  await recordActivity(tx, {
    orgId: kpi.orgId,
    actorId: null,
    action: 'kpi.recovery_proposed',
    entityType: 'kpi',
    entityId: kpi.id,
    after: recovery,
  });
  announce.changed('objective', objective!.id, objective!.id);
  const notices = noticesFor(deps, announce);
  if (notices)
    await notify(tx, notices, {
      orgId: kpi.orgId,
      userId: kpi.ownerId,
      kind: 'escalation',
      title: `${kpi.name} has been unhealthy for ${summary.unhealthyPeriods} periods`,
      body: `Cairn drafted a committed objective to bring ${kpi.name} back to ${target}${unit} by ${cycle.endDate}. Accept it in one click or edit it first.`,
      link: `/kpis/${kpi.id}`,
      entityType: 'kpi',
      entityId: kpi.id,
      dedupeKey: `kpi-recovery:${recovery!.id}`,
    });
}
