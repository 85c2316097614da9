import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { organizations } from '../../../db/schema/index.js';
import { DEFAULT_STATUS_MARGINS, validateStatusMargins, type StatusMargins } from '../../../domain/index.js';
import type { Actor } from '../../auth/actor.js';
import { AppError, notFound } from '../../errors.js';
import { authorizePrinciplesChange } from '../../policies/organization.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { scopeOf, type ServiceDeps } from './deps.js';

/** The organisation's margins behind pace, the defaults filling what it never set. */
export async function loadStatusMargins(db: Executor, orgId: string): Promise<StatusMargins> {
  const [org] = await db.select({ settings: organizations.settings }).from(organizations).where(eq(organizations.id, orgId));
  if (!org) throw notFound('The organisation');
  return { ...DEFAULT_STATUS_MARGINS, ...pick(org.settings) };
}

const pick = (settings: { onTrackMargin?: number; atRiskMargin?: number }) => ({
  ...(settings.onTrackMargin !== undefined ? { onTrackMargin: settings.onTrackMargin } : {}),
  ...(settings.atRiskMargin !== undefined ? { atRiskMargin: settings.atRiskMargin } : {}),
});

/**
 * Sets how far behind pace stays "on track" and "at risk" (owner/admin). Status is computed when read,
 * so every open page refreshes and shows the new status at once.
 */
export async function saveStatusMargins(deps: ServiceDeps, actor: Actor, margins: StatusMargins): Promise<StatusMargins> {
  authorizePrinciplesChange(actor);
  const problems = validateStatusMargins(margins);
  if (problems.length > 0) throw new AppError('validation-failed', problems.map((p) => `${p.field} ${p.message}.`).join(' '), problems);
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, actor.orgId));
    if (!org) throw notFound('The organisation');
    const after = { onTrackMargin: margins.onTrackMargin, atRiskMargin: margins.atRiskMargin };
    await tx
      .update(organizations)
      .set({ settings: { ...org.settings, ...after } })
      .where(eq(organizations.id, actor.orgId));
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'organization.status-margins-updated',
      entityType: 'organization',
      entityId: actor.orgId,
      before: { ...DEFAULT_STATUS_MARGINS, ...pick(org.settings) },
      after,
    });
    announce.changed('objective');
    return after;
  });
}
