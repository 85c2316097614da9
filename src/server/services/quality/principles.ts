import { eq } from 'drizzle-orm';
import {
  resolvePrinciples,
  validatePrinciples,
  type QualityPrinciples,
  type QualityPrinciplesInput,
} from '../../../domain/quality/index.js';
import type { Database, Executor } from '../../../db/database.js';
import { organizations } from '../../../db/schema/index.js';
import { notFound, AppError } from '../../errors.js';
import { recordActivity } from '../activity.js';
import type { Actor } from '../../auth/actor.js';
import { authorizePrinciplesChange } from '../../policies/organization.js';
import { forgetQualityScores } from './stored-score.js';

/** The organisation's guiding principles as set (input) and with every default filled in (resolved). */
export async function loadPrinciples(db: Executor, orgId: string): Promise<{ input: QualityPrinciplesInput; resolved: QualityPrinciples }> {
  const [org] = await db.select({ settings: organizations.settings }).from(organizations).where(eq(organizations.id, orgId));
  if (!org) throw notFound('The organisation');
  const input = org.settings.quality ?? {};
  return { input, resolved: resolvePrinciples(input) };
}

/** Replaces the guiding principles after checking every rule id and limit. */
export async function savePrinciples(db: Database, actor: Actor, input: QualityPrinciplesInput) {
  authorizePrinciplesChange(actor);
  const scope = { orgId: actor.orgId, actorId: actor.userId };
  const problems = validatePrinciples(input);
  if (problems.length > 0) throw new AppError('validation-failed', problems.map((p) => `${p.field}: ${p.message}`).join(' '), problems);
  return db.transaction(async (tx) => {
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, scope.orgId));
    if (!org) throw notFound('The organisation');
    await tx
      .update(organizations)
      .set({ settings: { ...org.settings, quality: input } })
      .where(eq(organizations.id, scope.orgId));
    // Every kept quality score was scored with the old principles.
    await forgetQualityScores(tx, scope.orgId);
    await recordActivity(tx, {
      ...scope,
      action: 'organization.principles-updated',
      entityType: 'organization',
      entityId: scope.orgId,
      before: org.settings.quality ?? {},
      after: input,
    });
    return resolvePrinciples(input);
  });
}
