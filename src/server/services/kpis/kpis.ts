import { and, eq, max, min } from 'drizzle-orm';
import { validateBands, type KpiBands, type KpiCadence, type KpiDirection } from '../../../domain/kpi-health.js';
import {
  DEFAULT_PERCENT_SCALE,
  isPercentUnit,
  scaleBounds,
  validatePercentScale,
  type PercentScale,
} from '../../../domain/kpi-percent-scale.js';
import type { Transaction } from '../../../db/database.js';
import { kpiValues, kpis } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { invalid, invalidFields } from '../../errors.js';
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
  percentStart?: number | null;
  percentEnd?: number | null;
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

/** A percent KPI's scale (0 to 100 unless both ends are given), checked against its bands; cleared for other units. */
function scaleFor(before: Partial<KpiRow>, fields: KpiFields, bands: KpiBands): PercentScale {
  const unit = fields.unit !== undefined ? fields.unit : (before.unit ?? null);
  if (!isPercentUnit(unit)) return { percentStart: null, percentEnd: null };
  const kept = (f: keyof PercentScale) => (fields[f] !== undefined ? fields[f] : (before[f] ?? null));
  const scale = { percentStart: kept('percentStart'), percentEnd: kept('percentEnd') };
  const chosen = scale.percentStart === null && scale.percentEnd === null ? { ...DEFAULT_PERCENT_SCALE } : scale;
  const problems = validatePercentScale(chosen, bands);
  if (problems.length) throw invalidFields(problems);
  return chosen;
}

/** A scale that moves may not leave reported values off it: correct or delete those first. */
async function checkValuesOnScale(tx: Transaction, kpi: KpiRow, scale: PercentScale) {
  const bounds = scaleBounds(scale);
  if (!bounds) return;
  const [range] = await tx
    .select({ lo: min(kpiValues.value), hi: max(kpiValues.value) })
    .from(kpiValues)
    .where(and(eq(kpiValues.orgId, kpi.orgId), eq(kpiValues.kpiId, kpi.id), eq(kpiValues.deleted, false)));
  if (range && range.lo !== null && range.hi !== null && (range.lo < bounds[0] || range.hi > bounds[1]))
    throw invalid('percentEnd', `Reported values run from ${range.lo} to ${range.hi}: the scale must hold them all.`);
}

export async function createKpi(deps: ServiceDeps, actor: Actor, fields: KpiFields & { name: string; direction: KpiDirection }) {
  return writeAndAnnounce(deps, actor.orgId, async (tx) => {
    const teamId = fields.teamId ?? null;
    const ownerId = fields.ownerId === undefined ? actor.userId : fields.ownerId;
    authorizeKpiPlacement(actor, { teamId, ownerId }, await roleInTeam(tx, actor, teamId));
    await checkKpiOwner(tx, actor.orgId, ownerId);
    const bands = bandsFor({}, fields);
    const values = { ...fields, ...bands, ...scaleFor({}, fields, bands), name: fields.name.trim(), teamId, ownerId, orgId: actor.orgId };
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
    const bands = bandsFor(before, fields);
    const scale = scaleFor(before, fields, bands);
    await checkValuesOnScale(tx, before, scale);
    const values = { ...fields, ...bands, ...scale, ...(fields.name ? { name: fields.name.trim() } : {}) };
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
