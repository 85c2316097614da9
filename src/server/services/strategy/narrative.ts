import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { organizationStrategy } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { authorizeStrategyEdit } from '../../policies/strategy.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';

export type StrategyRow = typeof organizationStrategy.$inferSelect;

/** The organisation's strategy row, or its defaults before anyone has written one. */
export async function readStrategy(db: Executor, orgId: string): Promise<StrategyRow> {
  const [row] = await db.select().from(organizationStrategy).where(eq(organizationStrategy.orgId, orgId));
  return (
    row ?? {
      orgId,
      mission: null,
      vision: null,
      leaderboardEnabled: true,
      leaderboardHideNames: false,
      leaderboardMeasure: 'pace',
      updatedAt: new Date(0),
    }
  );
}

/** Writes part of the strategy row (creating it on first write); `authorize` says who may change these fields. */
export async function writeStrategy(
  deps: ServiceDeps,
  actor: Actor,
  change: Partial<Omit<StrategyRow, 'orgId' | 'updatedAt'>>,
  authorize: (actor: Actor) => void = authorizeStrategyEdit,
) {
  authorize(actor);
  return writeAndAnnounce(deps, actor.orgId, async (tx) => {
    const before = await readStrategy(tx, actor.orgId);
    const values = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
    const [row] = await tx
      .insert(organizationStrategy)
      .values({ ...values, orgId: actor.orgId })
      .onConflictDoUpdate({ target: organizationStrategy.orgId, set: { ...values, updatedAt: new Date() } })
      .returning();
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'strategy.updated',
      entityType: 'organization',
      entityId: actor.orgId,
      before,
      after: values,
    });
    return row!;
  });
}
