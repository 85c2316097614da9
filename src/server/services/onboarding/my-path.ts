import { and, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { onboardingProgress } from '../../../db/schema/index.js';
import { isOnboardingStep, onboardingProgress as progressOf, pathContent, stepProblem } from '../../../domain/onboarding/index.js';
import type { Actor } from '../../auth/actor.js';
import { invalid } from '../../errors.js';
import { recordActivity } from '../activity.js';
import { loadPrinciples } from '../quality/principles.js';
import { onboardingFacts } from './facts.js';

/**
 * The caller's own path: its steps with content worded by the organisation's principles, and progress. Only ever
 * the caller's: nobody reads another person's progress (the rollout page sees the "trained leaders" count).
 */
export async function readMyOnboarding(db: Executor, actor: Actor) {
  const facts = await onboardingFacts(db, actor.orgId, actor.userId);
  const rows = await db
    .select({ step: onboardingProgress.step, completedAt: onboardingProgress.completedAt })
    .from(onboardingProgress)
    .where(and(eq(onboardingProgress.orgId, actor.orgId), eq(onboardingProgress.userId, actor.userId)));
  const completedAt = new Map(rows.map((r) => [r.step, r.completedAt.toISOString()]));
  const progress = progressOf(facts);
  const { input } = await loadPrinciples(db, actor.orgId);
  const content = pathContent(facts.path, input);
  return {
    path: facts.path,
    reason: facts.path === 'lead' ? ('lead' as const) : ('join' as const),
    steps: content.map((c, i) => ({ ...c, done: progress.steps[i]!.done, completedAt: completedAt.get(c.step) ?? null })),
    done: progress.done,
    total: progress.total,
    next: progress.next,
    finished: progress.finished,
  };
}

/** Marks one step of the caller's path done (again: a no-op), then answers the path as it now stands. */
export async function completeOnboardingStep(db: Database, actor: Actor, step: string) {
  await db.transaction(async (tx) => {
    const facts = await onboardingFacts(tx, actor.orgId, actor.userId);
    const problem = stepProblem(facts.path, step);
    if (problem || !isOnboardingStep(step)) throw invalid('step', `“${step}” ${problem ?? 'is not a step'}.`);
    const [row] = await tx
      .insert(onboardingProgress)
      .values({ orgId: actor.orgId, userId: actor.userId, step })
      .onConflictDoNothing()
      .returning();
    if (!row) return;
    await recordActivity(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: 'onboarding.step-completed',
      entityType: 'user',
      entityId: actor.userId,
      after: { step, completedAt: row.completedAt },
    });
  });
  return readMyOnboarding(db, actor);
}
