import { and, eq, ne, or, isNotNull, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../../../db/database.js';
import { cycles, objectives, organizations, webhookEndpoints } from '../../../db/schema/index.js';
import { statusAnnouncements } from '../../../domain/webhooks/status-announcements.js';
import { todayIn } from '../../clock.js';
import { lockOrganizationOkrs } from '../okrs/org-lock.js';
import { loadStatusMargins } from '../okrs/status-margins.js';
import { queueStatusEvents } from './status-events.js';
import { pgArray } from '../../../db/pg-array.js';

export interface StatusWork {
  key: string;
  run(tx: Transaction): Promise<Record<string, number>>;
}

/**
 * Time alone moves pace: an objective nobody touched drifts from on track to at risk as the days pass.
 * Once a day per organisation (its own date) every objective's status is compared with the one last
 * announced; the changes are stored set-based and `objective.status_changed` queued, as the roll-up does on
 * a write (rollup.ts). A missed day is caught up by the next: the comparison is with today's status.
 */
export async function dueStatusChecks(db: Executor, now: Date, orgId?: string): Promise<StatusWork[]> {
  const orgs = await db
    .select({ id: organizations.id, timeZone: organizations.timeZone })
    .from(organizations)
    .where(orgId ? eq(organizations.id, orgId) : undefined);
  return orgs.map((org) => {
    const today = todayIn(org.timeZone, now);
    return { key: `status:${org.id}:${today}`, run: (tx) => compareStatuses(tx, org.id, today, now) };
  });
}

async function compareStatuses(tx: Transaction, orgId: string, today: string, now: Date) {
  // Under the lock check-ins take: a check-in comparing the same objective at the same time must not announce it too.
  await lockOrganizationOkrs(tx, orgId);
  const rows = await tx
    .select({
      id: objectives.id,
      status: objectives.status,
      announcedStatus: objectives.announcedStatus,
      effectiveStartDate: objectives.effectiveStartDate,
      progress: objectives.progress,
      cycleStatus: cycles.status,
      startDate: cycles.startDate,
      endDate: cycles.endDate,
    })
    .from(objectives)
    .innerJoin(cycles, and(eq(cycles.orgId, objectives.orgId), eq(cycles.id, objectives.cycleId)))
    .where(
      and(
        eq(objectives.orgId, orgId),
        // What may have a status, and what had one announced and may have lost it.
        or(and(eq(objectives.status, 'active'), ne(cycles.status, 'closed')), isNotNull(objectives.announcedStatus)),
      ),
    );
  const progress = new Map(rows.map((r) => [r.id, r.progress]));
  const changes = statusAnnouncements(rows, (id) => progress.get(id)!, today, await loadStatusMargins(tx, orgId));
  if (changes.length === 0) return { objectives: rows.length, statusChanges: 0, events: 0 };
  const ids = pgArray(changes.map((c) => c.id));
  const statuses = pgArray(changes.map((c) => c.to ?? null));
  await tx.execute(sql`update objectives o set announced_status = v.status
    from unnest(${ids}::uuid[], ${statuses}::text[]) v(id, status) where o.org_id = ${orgId} and o.id = v.id`);
  const announced = changes.filter((c) => c.announce);
  const endpoints =
    announced.length === 0
      ? []
      : await tx
          .select({ id: webhookEndpoints.id, url: webhookEndpoints.url, events: webhookEndpoints.events })
          .from(webhookEndpoints)
          .where(
            and(
              eq(webhookEndpoints.orgId, orgId),
              eq(webhookEndpoints.enabled, true),
              sql`'objective.status_changed' = any(${webhookEndpoints.events})`,
            ),
          );
  const events = await queueStatusEvents(tx, orgId, announced, endpoints, now);
  return { objectives: rows.length, statusChanges: announced.length, events };
}
