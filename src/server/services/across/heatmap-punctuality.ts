import type { Executor } from '../../../db/database.js';
import type { TeamPunctuality } from '../../../domain/across/heatmap.js';
import type { Reader } from '../visibility/objective-visible.js';
import { heatmapObjectiveFacts, type HeatmapObjectiveFacts } from './heatmap-facts.js';

/** Due and on-time check-ins per team: the sums of its objectives' (heatmapObjectiveFacts, from the check-in digests). */
export function punctualityOfTeams(facts: readonly Pick<HeatmapObjectiveFacts, 'teamId' | 'due' | 'onTime'>[]) {
  const byTeam = new Map<string, TeamPunctuality>();
  for (const f of facts) {
    const sum = byTeam.get(f.teamId);
    if (sum) {
      sum.due += f.due;
      sum.onTime += f.onTime;
    } else byTeam.set(f.teamId, { due: f.due, onTime: f.onTime });
  }
  return byTeam;
}

/**
 * Due and on-time check-ins per team up to the date, as the heatmap counts them: checkInPunctuality's count
 * (tests/across/heatmap-punctuality.test.ts compares the two).
 */
export async function punctualityByTeam(db: Executor, reader: Reader, cycleId: string, date: string) {
  return punctualityOfTeams(await heatmapObjectiveFacts(db, reader, cycleId, date));
}
