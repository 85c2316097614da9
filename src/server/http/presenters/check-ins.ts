import type { checkIns } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { checkInAbilities } from '../../policies/check-ins.js';
import { iso } from '../schemas.js';

/** A check-in as the viewer sees it, with what they may do with it. */
type CheckInRow = typeof checkIns.$inferSelect;
export const presentCheckIn = (actor: Actor, c: CheckInRow, authorName: string | null) => ({
  id: c.id,
  keyResultId: c.keyResultId,
  authorId: c.authorId,
  authorName,
  asOf: c.asOf,
  value: c.value,
  milestonesDone: c.milestonesDone,
  confidence: c.confidence,
  note: c.note,
  blockers: c.blockers,
  createdAt: iso(c.createdAt)!,
  updatedAt: iso(c.updatedAt)!,
  can: checkInAbilities(actor, c.authorId),
});
