import { and, eq, inArray, ne } from 'drizzle-orm';
import { keyResultScore, roundScore } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import { keyResults, objectives, type cycles } from '../../../db/schema/index.js';
import { cycleSnapshot } from './cycle-graph.js';

/**
 * Closing scores: each key result's progress at endDate rounded to 2 decimals (or its owner's
 * override), and each objective's same weighted mean over those scores. Stored, so they stay final.
 */
export async function scoreCycle(tx: Executor, cycle: typeof cycles.$inferSelect): Promise<void> {
  const cycleObjectives = await tx.select({ id: objectives.id }).from(objectives).where(eq(objectives.cycleId, cycle.id));
  if (cycleObjectives.length === 0) return;
  const krRows = await tx
    .select()
    .from(keyResults)
    .where(
      inArray(
        keyResults.objectiveId,
        cycleObjectives.map((o) => o.id),
      ),
    );
  const overrides = new Map(
    krRows
      .filter((kr) => kr.scoreOverride !== null)
      .map((kr) => [kr.id, { score: kr.scoreOverride!, reason: kr.scoreOverrideReason ?? '' }]),
  );
  const snapshot = await cycleSnapshot(tx, cycle.orgId, cycle.id, cycle.endDate, {
    keyResult: (id, progress) => keyResultScore(progress, overrides.get(id) ?? null).score,
    objective: (_id, progress) => roundScore(progress),
  });
  for (const [id, result] of snapshot.keyResults) await tx.update(keyResults).set({ score: result.progress }).where(eq(keyResults.id, id));
  // Archived objectives stay archived and unscored.
  for (const [id, score] of snapshot.objectives)
    await tx
      .update(objectives)
      .set({ score, status: 'closed' })
      .where(and(eq(objectives.id, id), ne(objectives.status, 'archived')));
}
