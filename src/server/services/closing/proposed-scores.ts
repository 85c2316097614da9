import { keyResultScore, proposalDate, roundScore } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import type { cycles } from '../../../db/schema/index.js';
import { cycleSnapshot } from '../okrs/cycle-graph.js';

export interface ProposedScores {
  /** Per key result: progress at the proposal date, 2 decimals (an owner's override is not applied here). */
  keyResults: ReadonlyMap<string, number>;
  /** Per objective: the weighted mean over its key results' scores, overrides included, as closing will compute it. */
  objectives: ReadonlyMap<string, number>;
}

/**
 * The review's proposed scores: each key result's progress at the cycle's end date (or today, when review opens
 * before the end), rounded to 2 decimals. Read from the check-in history, so check-ins dated inside the cycle count.
 */
export async function proposedScores(
  tx: Executor,
  cycle: typeof cycles.$inferSelect,
  today: string,
  overrides: ReadonlyMap<string, { score: number; reason: string }> = new Map(),
): Promise<ProposedScores> {
  const keyResults = new Map<string, number>();
  const snapshot = await cycleSnapshot(tx, cycle.orgId, cycle.id, proposalDate(cycle.endDate, today), {
    keyResult: (id, progress) => {
      keyResults.set(id, keyResultScore(progress).score);
      return keyResultScore(progress, overrides.get(id) ?? null).score;
    },
    objective: (_id, progress) => roundScore(progress),
  });
  return { keyResults, objectives: snapshot.objectives };
}
