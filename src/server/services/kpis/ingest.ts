import { and, eq, isNull, or } from 'drizzle-orm';
import type { Transaction } from '../../../db/database.js';
import { checkInProposals, cycles, ingestTokens, keyResults, kpis, objectives, organizations } from '../../../db/schema/index.js';
import { hashToken } from '../../auth/actor.js';
import { todayIn } from '../../clock.js';
import { invalid, unauthenticated } from '../../errors.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import type { ServiceDeps } from '../okrs/deps.js';
import { followSoon } from './follow-soon.js';
import { checkedAsOf, storeKpiValues } from './kpi-values.js';

export interface PushedValue {
  value: number;
  asOf?: string;
  source: string;
}

/** The live token for exactly this metric; anything else (wrong, revoked, another metric's) is a 401. */
async function tokenFor(tx: Transaction, orgId: string, token: string, metricId: string) {
  const [row] = await tx
    .update(ingestTokens)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(ingestTokens.orgId, orgId),
        eq(ingestTokens.tokenHash, hashToken(token)),
        isNull(ingestTokens.revokedAt),
        or(eq(ingestTokens.kpiId, metricId), eq(ingestTokens.keyResultId, metricId)),
      ),
    )
    .returning();
  if (!row) throw unauthenticated();
  return row;
}

/**
 * A value pushed with an ingest token: stored at once for a KPI (key results following it catch up right after the
 * commit, outside this write: follow-soon.ts); for a key result, a proposed check-in that its
 * people confirm or dismiss. The token is the only credential; the value is recorded as reported by nobody, from `source`.
 */
export async function ingestValue(deps: ServiceDeps, token: string, metricId: string, pushed: PushedValue) {
  // The organisation is read first (the announcer needs it); the token is checked again, and marked used, in the write.
  const [owner] = await deps.db
    .select({ orgId: ingestTokens.orgId })
    .from(ingestTokens)
    .where(eq(ingestTokens.tokenHash, hashToken(token)));
  if (!owner) throw unauthenticated();
  const stored = await writeAndAnnounce(deps, owner.orgId, async (tx, announce) => {
    const grant = await tokenFor(tx, owner.orgId, token, metricId);
    const [org] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, grant.orgId));
    const today = todayIn(org!.timeZone, deps.clock());
    const asOf = checkedAsOf(pushed.asOf, today);
    if (grant.kpiId) {
      const [kpi] = await tx
        .select()
        .from(kpis)
        .where(and(eq(kpis.orgId, grant.orgId), eq(kpis.id, grant.kpiId)));
      const [row] = await storeKpiValues(
        tx,
        deps,
        announce,
        kpi!,
        [{ value: pushed.value, asOf }],
        { reportedBy: null, source: pushed.source },
        today,
        'later',
      );
      return { kind: 'kpi_value' as const, id: row!.id, asOf, value: pushed.value };
    }
    const [found] = await tx
      .select({ cycle: cycles })
      .from(keyResults)
      .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
      .innerJoin(cycles, eq(cycles.id, objectives.cycleId))
      .where(and(eq(keyResults.orgId, grant.orgId), eq(keyResults.id, grant.keyResultId!)));
    const cycle = found!.cycle;
    if (cycle.status === 'closed' || asOf < cycle.startDate || asOf > cycle.endDate)
      throw invalid('asOf', `Date the value within an open cycle (${cycle.name}: ${cycle.startDate} to ${cycle.endDate}).`);
    const [proposal] = await tx
      .insert(checkInProposals)
      .values({ orgId: grant.orgId, keyResultId: grant.keyResultId!, value: pushed.value, asOf, source: pushed.source, tokenId: grant.id })
      .returning();
    await recordActivity(tx, {
      orgId: grant.orgId,
      actorId: null,
      action: 'check_in.proposed',
      entityType: 'key_result',
      entityId: grant.keyResultId!,
      after: proposal,
    });
    announce.changed('check_in', grant.keyResultId!);
    return { kind: 'proposal' as const, id: proposal!.id, asOf, value: pushed.value };
  });
  if (stored.kind === 'kpi_value') followSoon(deps, owner.orgId);
  return stored;
}
