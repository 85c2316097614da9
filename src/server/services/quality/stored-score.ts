import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { qualityPenalty } from '../../../domain/quality/partial-score.js';
import type { QualityPrinciples } from '../../../domain/quality/index.js';
import type { Executor } from '../../../db/database.js';
import { alignments, keyResults, objectiveQualityPenalties, objectives } from '../../../db/schema/index.js';
import { draftOfObjective } from './objective-draft.js';
import { loadPrinciples } from './principles.js';

// The kept rules read neither the date nor the rest of the cycle: any date will do.
const ANY_DATE = '2000-01-01';

/**
 * Scores what the objectives say (the kept part of the coach's score, partial-score.ts) and keeps it, in the caller's
 * transaction. Every write to an objective, its key results or its alignments calls this, so the heatmap reads one
 * number per objective instead of running the coach on a whole cycle.
 */
export async function storeQualityScores(
  tx: Executor,
  orgId: string,
  ids: readonly string[],
  principles?: QualityPrinciples,
): Promise<Map<string, number>> {
  const penalties = new Map<string, number>();
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return penalties;
  const rows = await tx
    .select()
    .from(objectives)
    .where(and(eq(objectives.orgId, orgId), inArray(objectives.id, wanted)));
  const resolved = principles ?? (await loadPrinciples(tx, orgId)).resolved;
  for (const row of rows) {
    const { draft, context } = await draftOfObjective(tx, row, ANY_DATE, { storedRulesOnly: true });
    penalties.set(row.id, qualityPenalty(draft, context, resolved, 'stored'));
  }
  if (penalties.size > 0)
    await tx
      .insert(objectiveQualityPenalties)
      .values([...penalties].map(([objectiveId, penalty]) => ({ orgId, objectiveId, penalty })))
      .onConflictDoUpdate({ target: objectiveQualityPenalties.objectiveId, set: { penalty: sql`excluded.penalty`, scoredAt: sql`now()` } });
  return penalties;
}

/** After the guiding principles change every kept score is stale: forget them; views score again as they need. */
export const forgetQualityScores = (tx: Executor, orgId: string) =>
  tx.delete(objectiveQualityPenalties).where(eq(objectiveQualityPenalties.orgId, orgId));

const parentKeyResult = and(eq(keyResults.orgId, alignments.orgId), eq(keyResults.id, alignments.parentKeyResultId));

/**
 * The objectives linked to this one by alignments — its parents (through a key result too) and its children: their
 * parent and aligned-child counts change when it, or a link of it, goes.
 */
export async function linkedObjectiveIds(tx: Executor, orgId: string, objectiveId: string): Promise<string[]> {
  const parents = await tx
    .select({ objective: alignments.parentObjectiveId, viaKeyResult: keyResults.objectiveId })
    .from(alignments)
    .leftJoin(keyResults, parentKeyResult)
    .where(and(eq(alignments.orgId, orgId), eq(alignments.childObjectiveId, objectiveId)));
  const children = await tx
    .select({ id: alignments.childObjectiveId })
    .from(alignments)
    .leftJoin(keyResults, parentKeyResult)
    .where(and(eq(alignments.orgId, orgId), or(eq(alignments.parentObjectiveId, objectiveId), eq(keyResults.objectiveId, objectiveId))));
  return [...parents.flatMap((p) => p.objective ?? p.viaKeyResult ?? []), ...children.map((c) => c.id)];
}

/** The objectives aligned to a key result: they lose a parent when it goes. */
export async function childrenOfKeyResult(tx: Executor, orgId: string, keyResultId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: alignments.childObjectiveId })
    .from(alignments)
    .where(and(eq(alignments.orgId, orgId), eq(alignments.parentKeyResultId, keyResultId)));
  return rows.map((r) => r.id);
}
