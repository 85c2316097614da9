import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '../../../db/database.js';
import { kpiValues, users } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { todayIn } from '../../clock.js';
import { invalid, notFound } from '../../errors.js';
import { valueOffScale } from '../../../domain/kpi-percent-scale.js';
import { authorizeKpiReport } from '../../policies/kpis.js';
import { recordActivity } from '../activity.js';
import { writeAndAnnounce, type Announcer } from '../announce.js';
import { scopeOf, type ServiceDeps } from '../okrs/deps.js';
import { loadKpiFor, type KpiRow } from './kpi-reads.js';
import { afterKpiValues } from './recovery.js';

export interface KpiValueFields {
  value: number;
  asOf?: string;
  note?: string | null;
}

/** A value dated today unless given; never in the future (the organisation's today). */
export function checkedAsOf(asOf: string | undefined, today: string, field = 'asOf'): string {
  if (asOf !== undefined && asOf > today) throw invalid(field, 'A value cannot be dated in the future.');
  return asOf ?? today;
}

/**
 * Stores values already checked, records the activity, then lets recovery and following key results react: the
 * one write path for people, pasted columns, CSV files and ingest tokens alike.
 */
export async function storeKpiValues(
  tx: Transaction,
  deps: ServiceDeps,
  announce: Announcer,
  kpi: KpiRow,
  rows: { value: number; asOf: string; note?: string | null }[],
  provenance: { reportedBy: string | null; source: string },
  today: string,
  follow: 'now' | 'later' = 'now',
) {
  for (const row of rows) {
    const off = valueOffScale(kpi, row.value);
    if (off) throw invalid('value', off);
  }
  const inserted = await tx
    .insert(kpiValues)
    .values(rows.map((r) => ({ ...r, note: r.note ?? null, orgId: kpi.orgId, kpiId: kpi.id, ...provenance })))
    .returning();
  for (const row of inserted)
    await recordActivity(tx, {
      orgId: kpi.orgId,
      actorId: provenance.reportedBy,
      action: 'kpi_value.added',
      entityType: 'kpi',
      entityId: kpi.id,
      after: row,
    });
  await afterKpiValues(tx, deps, announce, kpi, today, follow);
  return inserted;
}

export async function addKpiValue(deps: ServiceDeps, actor: Actor, kpiId: string, fields: KpiValueFields) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const { kpi, timeZone, relation } = await loadKpiFor(tx, actor, kpiId);
    authorizeKpiReport(actor, relation);
    const today = todayIn(timeZone, deps.clock());
    const row = { value: fields.value, asOf: checkedAsOf(fields.asOf, today), note: fields.note };
    const [stored] = await storeKpiValues(tx, deps, announce, kpi, [row], { reportedBy: actor.userId, source: 'manual' }, today);
    return stored!;
  });
}

async function loadValue(tx: Executor, orgId: string, kpiId: string, valueId: string) {
  const [row] = await tx
    .select()
    .from(kpiValues)
    .where(and(eq(kpiValues.orgId, orgId), eq(kpiValues.kpiId, kpiId), eq(kpiValues.id, valueId), eq(kpiValues.deleted, false)));
  if (!row) throw notFound('The value');
  return row;
}

/** Corrects a value; the version before stays in the activity history. */
export async function correctKpiValue(deps: ServiceDeps, actor: Actor, kpiId: string, valueId: string, fields: Partial<KpiValueFields>) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const { kpi, timeZone, relation } = await loadKpiFor(tx, actor, kpiId);
    authorizeKpiReport(actor, relation);
    const before = await loadValue(tx, actor.orgId, kpiId, valueId);
    const today = todayIn(timeZone, deps.clock());
    const asOf = checkedAsOf(fields.asOf, today);
    const off = fields.value === undefined ? null : valueOffScale(kpi, fields.value);
    if (off) throw invalid('value', off);
    const [row] = await tx
      .update(kpiValues)
      .set({ ...fields, asOf: fields.asOf === undefined ? before.asOf : asOf })
      .where(and(eq(kpiValues.orgId, actor.orgId), eq(kpiValues.id, valueId)))
      .returning();
    await recordActivity(tx, { ...scopeOf(actor), action: 'kpi_value.corrected', entityType: 'kpi', entityId: kpiId, before, after: row });
    await afterKpiValues(tx, deps, announce, kpi, today);
    return row!;
  });
}

/** Removes a value from the KPI's history of record; the row stays, marked deleted, for audits. */
export async function deleteKpiValue(deps: ServiceDeps, actor: Actor, kpiId: string, valueId: string) {
  return writeAndAnnounce(deps, actor.orgId, async (tx, announce) => {
    const { kpi, timeZone, relation } = await loadKpiFor(tx, actor, kpiId);
    authorizeKpiReport(actor, relation);
    const before = await loadValue(tx, actor.orgId, kpiId, valueId);
    await tx
      .update(kpiValues)
      .set({ deleted: true })
      .where(and(eq(kpiValues.orgId, actor.orgId), eq(kpiValues.id, valueId)));
    await recordActivity(tx, { ...scopeOf(actor), action: 'kpi_value.deleted', entityType: 'kpi', entityId: kpiId, before });
    await afterKpiValues(tx, deps, announce, kpi, todayIn(timeZone, deps.clock()));
  });
}

/** A KPI's values, newest first, with who reported each; deleted ones only when asked (they are marked). */
export async function listKpiValues(db: Database, actor: Actor, kpiId: string, includeDeleted: boolean) {
  await loadKpiFor(db, actor, kpiId);
  return db
    .select({ value: kpiValues, reporterName: users.name })
    .from(kpiValues)
    .leftJoin(users, eq(users.id, kpiValues.reportedBy))
    .where(and(eq(kpiValues.orgId, actor.orgId), eq(kpiValues.kpiId, kpiId), includeDeleted ? undefined : eq(kpiValues.deleted, false)))
    .orderBy(desc(kpiValues.asOf), desc(kpiValues.createdAt));
}

/** The live values of a KPI, oldest first: what health is computed from. */
export const activeValues = (tx: Executor, orgId: string, kpiId: string) =>
  tx
    .select({ asOf: kpiValues.asOf, value: kpiValues.value })
    .from(kpiValues)
    .where(and(eq(kpiValues.orgId, orgId), eq(kpiValues.kpiId, kpiId), eq(kpiValues.deleted, false)))
    .orderBy(asc(kpiValues.asOf), asc(kpiValues.createdAt));
