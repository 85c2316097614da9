import { kpiSettings } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { authorizeOrganizationChange } from '../../policies/organization.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { recoveryPeriodsOf } from './recovery.js';

export const kpiSettingsOf = async (deps: ServiceDeps, actor: Actor) => ({
  recoveryPeriods: await recoveryPeriodsOf(deps.db, actor.orgId),
});

/** After how many unhealthy periods in a row a recovery objective is proposed (owners and admins). */
export async function updateKpiSettings(deps: ServiceDeps, actor: Actor, fields: { recoveryPeriods: number }) {
  authorizeOrganizationChange(actor);
  return writeAndAnnounce(deps, actor.orgId, async (tx) => {
    const before = await recoveryPeriodsOf(tx, actor.orgId);
    await tx
      .insert(kpiSettings)
      .values({ orgId: actor.orgId, ...fields })
      .onConflictDoUpdate({ target: kpiSettings.orgId, set: fields });
    await recordActivity(tx, {
      ...scopeOf(actor),
      action: 'kpi_settings.updated',
      entityType: 'organization',
      entityId: actor.orgId,
      before: { recoveryPeriods: before },
      after: fields,
    });
    return fields;
  });
}
