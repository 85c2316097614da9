import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/database.js';
import { rolloutSettings } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { authorizeRollout } from '../../policies/rollout.js';
import { recordActivity } from '../activity.js';

export interface ProgrammeSettings {
  companyOkrsFirst: boolean;
  /** Team objectives in the programme need an approved review request to be published. */
  approvalRequired: boolean;
}

const DEFAULTS: ProgrammeSettings = { companyOkrsFirst: false, approvalRequired: false };

/** The organisation's programme settings (absent row: the defaults). */
export async function programmeSettings(db: Executor, orgId: string): Promise<ProgrammeSettings> {
  const [row] = await db
    .select({ companyOkrsFirst: rolloutSettings.companyOkrsFirst, approvalRequired: rolloutSettings.approvalRequired })
    .from(rolloutSettings)
    .where(eq(rolloutSettings.orgId, orgId));
  return row ?? DEFAULTS;
}

/** Changes the programme settings given; the others keep their value. */
export async function updateProgrammeSettings(db: Database, actor: Actor, change: Partial<ProgrammeSettings>) {
  authorizeRollout(actor);
  return db.transaction(async (tx) => {
    const before = await programmeSettings(tx, actor.orgId);
    const after = { ...before, ...change };
    await tx
      .insert(rolloutSettings)
      .values({ orgId: actor.orgId, ...after })
      .onConflictDoUpdate({ target: rolloutSettings.orgId, set: after });
    await recordActivity(tx, {
      orgId: actor.orgId,
      actorId: actor.userId,
      action: 'rollout.settings-updated',
      entityType: 'organization',
      entityId: actor.orgId,
      before,
      after,
    });
    return after;
  });
}
