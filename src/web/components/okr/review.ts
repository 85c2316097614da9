import { addDays } from '../../../domain/index.js';

/** Days before a cycle's end when its review begins and scores may be set. */
export const REVIEW_DAYS = 14;

/** The review: the last two weeks of a cycle, and any time after its end until it is closed. */
export function inReview(cycle: { endDate: string; status: string }, now: Date): boolean {
  if (cycle.status === 'closed') return true;
  const today = now.toISOString().slice(0, 10);
  return today >= addDays(cycle.endDate, -REVIEW_DAYS);
}
