import { keyResultScore, proposalDate } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import type { cycles } from '../../../db/schema/index.js';
import { cycleSnapshot } from '../okrs/cycle-graph.js';

/**
 * Each key result's proposed review score: its progress at the cycle's end date (or today, when review opens
 * before the end), rounded to 2 decimals. Read from the check-in history, so late check-ins dated in the cycle count.
 */
export async function proposedScores(tx: Executor, cycle: typeof cycles.$inferSelect, today: string): Promise<Map<string, number>> {
  const snapshot = await cycleSnapshot(tx, cycle.orgId, cycle.id, proposalDate(cycle.endDate, today));
  const scores = new Map<string, number>();
  for (const [id, result] of snapshot.keyResults) scores.set(id, keyResultScore(result.progress).score);
  return scores;
}
