import { eq } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import { todayIn } from '../../clock.js';
import type { Database, Executor } from '../../../db/database.js';
import { organizations, rolloutSettings } from '../../../db/schema/index.js';
import { addDays } from '../../../domain/dates.js';
import { validatePrinciples } from '../../../domain/quality/index.js';
import { meanOf, MATURITY_PRESETS, principlesAtLevel, qualification, type MaturityLevel } from '../../../domain/rollout/maturity.js';
import type { Actor } from '../../auth/actor.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { isAdmin } from '../../policies/roles.js';
import { recordActivity } from '../activity.js';
import { adoptionReport } from '../adoption/report.js';

export async function maturityLevel(db: Executor, orgId: string): Promise<MaturityLevel> {
  const [row] = await db.select({ level: rolloutSettings.maturityLevel }).from(rolloutSettings).where(eq(rolloutSettings.orgId, orgId));
  return row?.level ?? 'learning';
}

/** The level, what it sets, and whether the organisation's last four weeks of adoption qualify for the next. */
export async function readMaturity(deps: { db: Executor; clock: Clock }, actor: Actor) {
  const level = await maturityLevel(deps.db, actor.orgId);
  const [org] = await deps.db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, actor.orgId));
  const to = todayIn(org?.timeZone ?? 'UTC', deps.clock());
  const report = await adoptionReport(deps, actor, { from: addDays(to, -27), to });
  const weeks = report.organisation.weeks;
  const figures = {
    involvement: meanOf(weeks.map((w) => w.involvement)),
    onTimeCheckIns: meanOf(weeks.map((w) => w.onTimeCheckIns)),
    averageQuality: meanOf(weeks.map((w) => w.averageQuality)),
  };
  return { ...qualification(level, figures), preset: MATURITY_PRESETS[level], figures, since: addDays(to, -27) };
}

/** An admin moves the level; its preset is laid over the guiding principles in the same transaction. */
export async function moveMaturity(db: Database, actor: Actor, level: MaturityLevel) {
  if (!isAdmin(actor)) throw forbidden('Only an owner or admin can move the maturity level.');
  return db.transaction(async (tx) => {
    const [org] = await tx.select({ settings: organizations.settings }).from(organizations).where(eq(organizations.id, actor.orgId));
    if (!org) throw notFound('The organisation');
    const before = await maturityLevel(tx, actor.orgId);
    const quality = principlesAtLevel(level, org.settings.quality ?? {});
    const problems = validatePrinciples(quality);
    if (problems.length > 0) throw new AppError('validation-failed', problems.map((p) => `${p.field}: ${p.message}`).join(' '), problems);
    await tx
      .update(organizations)
      .set({ settings: { ...org.settings, quality } })
      .where(eq(organizations.id, actor.orgId));
    await tx
      .insert(rolloutSettings)
      .values({ orgId: actor.orgId, maturityLevel: level })
      .onConflictDoUpdate({ target: rolloutSettings.orgId, set: { maturityLevel: level } });
    await recordActivity(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: 'rollout.maturity-moved',
      entityType: 'organization',
      entityId: actor.orgId,
      before: { level: before, quality: org.settings.quality ?? {} },
      after: { level, quality },
    });
    return level;
  });
}
