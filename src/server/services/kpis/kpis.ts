import { and, eq } from 'drizzle-orm';
import { validateBands, type KpiBands, type KpiCadence, type KpiDirection } from '../../../domain/kpi-health.js';
import { kpis } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { invalidFields } from '../../errors.js';
import { authorizeKpiEdit, authorizeKpiPlacement } from '../../policies/kpis.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce } from '../announce.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { checkKpiOwner, loadKpiFor, roleInTeam, type KpiRow } from './kpi-reads.js';

export interface KpiFields {
  name?: string;
  description?: string | null;
  unit?: string | null;
  direction?: KpiDirection;
  healthy?: number | null;
  watch?: number | null;
  bandMin?: number | null;
  bandMax?: number | null;
  watchMargin?: number | null;
  cadence?: KpiCadence;
  ownerId?: string | null;
  teamId?: string | null;
}

type BandField = 'healthy' | 'watch' | 'bandMin' | 'bandMax' | 'watchMargin';

/** The bands the direction uses, the others cleared; refused (422 naming the field) when they contradict the direction. */
function bandsFor(before: Partial<KpiRow>, fields: KpiFields): KpiBands {
  const direction = fields.direction ?? before.direction!;
  const pick = (f: BandField) => (fields[f] !== undefined ? fields[f] : (before[f] ?? null));
  const oneSided = direction !== 'keep_in_band';
  const bands: KpiBands = {
    direction,
    healthy: oneSided ? pick('healthy') : null,
    watch: oneSided ? pick('watch') : null,
    bandMin: oneSided ? null : pick('bandMin'),
    bandMax: oneSided ? null : pick('bandMax'),
    watchMargin: oneSided ? null : pick('watchMargin'),
  };
  const problems = validateBands(bands);
  if (problems.length) throw invalidFields(problems);
  return bands;
}

export async function createKpi(deps: ServiceDeps, actor: Actor, fields: KpiFields & { name: string; direction: KpiDirection }) {
  return writeAndAnnounce(deps, actor.orgId, async (tx) => {
    const teamId = fields.teamId ?? null;
    const ownerId = fields.ownerId === undefined ? actor.userId : fields.ownerId;
    authorizeKpiPlacement(actor, { teamId, ownerId }, await roleInTeam(tx, actor, teamId));
    await checkKpiOwner(tx, actor.orgId, ownerId);
    const values = { ...fields, ...bandsFor({}, fields), name: fields.name.trim(), teamId, ownerId, orgId: actor.orgId };
    const [kpi] = await tx.insert(kpis).values(values).returning();
    await recordActivity(tx, { ...scopeOf(actor), action: 'kpi.created', entityType: 'kpi', entityId: kpi!.id, after: kpi });
    return kpi!;
  });
}

export async function updateKpi(deps: ServiceDeps, actor: Actor, id: string, fields: KpiFields) {
  return writeAndAnnounce(deps, actor.orgId, async (tx) => {
    const { kpi: before, relation } = await loadKpiFor(tx, actor, id);
    authorizeKpiEdit(actor, relation);
    const moving =
      (fields.teamId !== undefined && fields.teamId !== before.teamId) ||
      (fields.ownerId !== undefined && fields.ownerId !== before.ownerId);
    if (moving) {
      const teamId = fields.teamId !== undefined ? fields.teamId : before.teamId;
      const ownerId = fields.ownerId !== undefined ? fields.ownerId : before.ownerId;
      authorizeKpiPlacement(actor, { teamId, ownerId }, await roleInTeam(tx, actor, teamId));
      await checkKpiOwner(tx, actor.orgId, ownerId);
    }
    const values = { ...fields, ...bandsFor(before, fields), ...(fields.name ? { name: fields.name.trim() } : {}) };
    const [kpi] = await tx
      .update(kpis)
      .set(values)
      .where(and(eq(kpis.orgId, actor.orgId), eq(kpis.id, id)))
      .returning();
    await recordActivity(tx, { ...scopeOf(actor), action: 'kpi.updated', entityType: 'kpi', entityId: id, before, after: kpi });
    return kpi!;
  });
}

/** Deletes a KPI with its values; the activity log keeps what it was. */
export async function deleteKpi(deps: ServiceDeps, actor: Actor, id: string) {
  return writeAndAnnounce(deps, actor.orgId, async (tx) => {
    const { kpi: before, relation } = await loadKpiFor(tx, actor, id);
    authorizeKpiEdit(actor, relation);
    await tx.delete(kpis).where(and(eq(kpis.orgId, actor.orgId), eq(kpis.id, id)));
    await recordActivity(tx, { ...scopeOf(actor), action: 'kpi.deleted', entityType: 'kpi', entityId: id, before });
  });
}
