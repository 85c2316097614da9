import type { cycles } from '../../../db/schema/index.js';
import { conflict, cycleClosed } from '../../errors.js';

type CycleRow = typeof cycles.$inferSelect;

/** Scores are confirmed while the cycle is in review; before, there is nothing final to confirm, after, it is closed. */
export function assertInReview(cycle: CycleRow, field: string) {
  if (cycle.status === 'closed') throw cycleClosed(field, `${cycle.name} is closed: its scores are final.`);
  if (cycle.status !== 'review') throw conflict(field, `${cycle.name} is not in review yet: an admin opens the review first.`);
}

/** Closing notes are written in review, and may still be completed after an overridden close. */
export function assertReviewOpenedOrClosed(cycle: CycleRow, field: string) {
  if (cycle.status !== 'review' && cycle.status !== 'closed')
    throw conflict(field, `${cycle.name} is not in review yet: closing notes are written once the review opens.`);
}
