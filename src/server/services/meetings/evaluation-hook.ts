import type { AgendaItem } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';

/**
 * Extension point for the review phase (issue 13, built separately): the cycle's evaluation and its lessons as
 * agenda items of the quarterly review. Until the review phase exists the section says so.
 */
export async function evaluationAndLessons(_db: Executor, _orgId: string, _cycleId: string): Promise<AgendaItem[]> {
  return [{ text: 'The cycle evaluation and lessons appear here once the review phase records them.' }];
}
