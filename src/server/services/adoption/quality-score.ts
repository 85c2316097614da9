import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { objectiveQualityScores } from '../../../db/schema/index.js';

/** Keeps the quality coach's score of an objective as it is published (the adoption figures average these). */
export async function recordPublishedQuality(tx: Executor, orgId: string, objectiveId: string, score: number): Promise<void> {
  await tx
    .insert(objectiveQualityScores)
    .values({ orgId, objectiveId, score })
    .onConflictDoUpdate({
      target: [objectiveQualityScores.orgId, objectiveQualityScores.objectiveId],
      set: { score, scoredAt: sql`now()` },
    });
}
