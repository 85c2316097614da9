import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { keyResultScore, roundScore } from '../../../domain/index.js';
import type { Executor } from '../../../db/database.js';
import { keyResults, objectives, type cycles } from '../../../db/schema/index.js';
import { cycleSnapshot } from './cycle-graph.js';

/**
 * Closing scores: each key result's progress at endDate rounded to 2 decimals (or its owner's
 * override), and each objective's same weighted mean over those scores. Stored, so they stay final, with the
 * cycle's evaluation figures (closed_cycle_figures). Called with the cycle already closed.
 */
export async function scoreCycle(tx: Executor, cycle: typeof cycles.$inferSelect): Promise<void> {
  // Only the overridden key results are read here (the snapshot reads them all once, for their measures).
  const overridden = await tx
    .select({ id: keyResults.id, score: keyResults.scoreOverride, reason: keyResults.scoreOverrideReason })
    .from(keyResults)
    .where(
      and(
        eq(keyResults.orgId, cycle.orgId),
        isNotNull(keyResults.scoreOverride),
        inArray(
          keyResults.objectiveId,
          tx
            .select({ id: objectives.id })
            .from(objectives)
            .where(and(eq(objectives.orgId, cycle.orgId), eq(objectives.cycleId, cycle.id))),
        ),
      ),
    );
  const overrides = new Map(overridden.map((kr) => [kr.id, { score: kr.score!, reason: kr.reason ?? '' }]));
  const snapshot = await cycleSnapshot(tx, cycle.orgId, cycle.id, cycle.endDate, {
    keyResult: (id, progress) => keyResultScore(progress, overrides.get(id) ?? null).score,
    objective: (_id, progress) => roundScore(progress),
  });
  const krScores = [...snapshot.keyResults].map(([id, result]) => sql`(${id}::uuid, ${result.progress}::float8)`);
  const objectiveScores = [...snapshot.objectives].map(([id, score]) => sql`(${id}::uuid, ${score}::float8)`);
  // A few set-based statements, not one per row: a 12,500-objective cycle has 50,000 rows to score.
  for (let i = 0; i < krScores.length; i += BATCH)
    await tx.execute(sql`update key_results k set score = v.score
      from (values ${sql.join(krScores.slice(i, i + BATCH), sql`, `)}) as v(id, score)
      where k.org_id = ${cycle.orgId} and k.id = v.id`);
  // Archived objectives stay archived and unscored.
  for (let i = 0; i < objectiveScores.length; i += BATCH)
    await tx.execute(sql`update objectives o set score = v.score, status = 'closed'
      from (values ${sql.join(objectiveScores.slice(i, i + BATCH), sql`, `)}) as v(id, score)
      where o.org_id = ${cycle.orgId} and o.id = v.id and o.status <> 'archived'`);
  // The figures later evaluations compare with, stored once the scores are final (migration 0046): in the close's
  // transaction, and again when a closed cycle is rescored after a score override.
  await tx.execute(sql`select refresh_closed_cycle_figures(${cycle.orgId}, ${cycle.id})`);
}

/** Rows per statement: two parameters each, well below the protocol's 65,535. */
const BATCH = 5_000;
