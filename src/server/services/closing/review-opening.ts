import { and, eq, isNotNull } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { cycles, organizations } from '../../../db/schema/index.js';
import { localDate } from '../../../domain/zoned-time.js';
import { recordActivity } from '../activity.js';

export interface DueReviewOpening {
  key: string;
  run(tx: Executor): Promise<{ reviewsOpened: number }>;
}

/**
 * The review phase date at work: an active cycle whose `reviewOpensOn` has come in its organisation's
 * time zone moves to review by itself, recorded like an admin's change but with no actor. Moving a
 * phase by hand still works; a cycle an admin already moved (or closed) is left alone.
 */
export async function dueReviewOpenings(db: Database, now: Date, orgId?: string): Promise<DueReviewOpening[]> {
  const candidates = await db
    .select({ id: cycles.id, orgId: cycles.orgId, name: cycles.name, opensOn: cycles.reviewOpensOn, timeZone: organizations.timeZone })
    .from(cycles)
    .innerJoin(organizations, eq(organizations.id, cycles.orgId))
    .where(and(eq(cycles.status, 'active'), isNotNull(cycles.reviewOpensOn), orgId ? eq(cycles.orgId, orgId) : undefined));
  return candidates
    .filter((c) => c.opensOn! <= localDate(c.timeZone, now))
    .map((c) => ({
      key: `review-opens:${c.id}:${c.opensOn}`,
      run: async (tx) => {
        const [moved] = await tx
          .update(cycles)
          .set({ status: 'review' })
          .where(and(eq(cycles.orgId, c.orgId), eq(cycles.id, c.id), eq(cycles.status, 'active')))
          .returning({ id: cycles.id });
        if (!moved) return { reviewsOpened: 0 };
        const after = { from: 'active', to: 'review', automatic: true, reviewOpensOn: c.opensOn };
        await recordActivity(tx, {
          orgId: c.orgId,
          actorId: null,
          action: 'cycle.phase_changed',
          entityType: 'cycle',
          entityId: c.id,
          after,
        });
        return { reviewsOpened: 1 };
      },
    }));
}
