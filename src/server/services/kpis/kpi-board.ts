import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/database.js';
import { kpiRecoveries, kpiValues, kpis, teamMembers, teams, users } from '../../../db/schema/index.js';
import { summarizeKpi, type DatedValue } from '../../../domain/kpi-periods.js';
import type { TeamMemberRole } from '../../../domain/vocabulary.js';
import type { Actor } from '../../auth/actor.js';
import { kpiAbilities } from '../../policies/kpis.js';
import { loadKpiFor } from './kpi-reads.js';

export interface KpiBoardFilter {
  /** One team's KPIs; `company` for the KPIs that belong to no team; neither: every KPI of the organisation. */
  teamId?: string;
  company?: boolean;
  id?: string;
}

/**
 * The KPIs of a board with their health, trend, unhealthy run, recent series and the open recovery proposal, in
 * four queries whatever the number of KPIs: values are summarised in memory, one pass per KPI.
 */
export async function kpiBoard(db: Database, actor: Actor, filter: KpiBoardFilter) {
  const conditions: SQL[] = [eq(kpis.orgId, actor.orgId)];
  if (filter.id) conditions.push(eq(kpis.id, filter.id));
  if (filter.teamId) conditions.push(eq(kpis.teamId, filter.teamId));
  else if (filter.company) conditions.push(isNull(kpis.teamId));
  const rows = await db
    .select({ kpi: kpis, ownerName: users.name, teamName: teams.name })
    .from(kpis)
    .leftJoin(users, eq(users.id, kpis.ownerId))
    .leftJoin(teams, eq(teams.id, kpis.teamId))
    .where(and(...conditions))
    .orderBy(asc(kpis.name));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.kpi.id);
  const [values, roles, recoveries] = await Promise.all([
    db
      .select({ kpiId: kpiValues.kpiId, asOf: kpiValues.asOf, value: kpiValues.value })
      .from(kpiValues)
      .where(and(eq(kpiValues.orgId, actor.orgId), inArray(kpiValues.kpiId, ids), eq(kpiValues.deleted, false)))
      .orderBy(asc(kpiValues.asOf), asc(kpiValues.createdAt)),
    db
      .select({ teamId: teamMembers.teamId, role: teamMembers.role })
      .from(teamMembers)
      .where(and(eq(teamMembers.orgId, actor.orgId), eq(teamMembers.userId, actor.userId))),
    db
      .select()
      .from(kpiRecoveries)
      .where(and(eq(kpiRecoveries.orgId, actor.orgId), inArray(kpiRecoveries.kpiId, ids), isNull(kpiRecoveries.acceptedAt))),
  ]);
  const byKpi = new Map<string, DatedValue[]>();
  for (const v of values) {
    const list = byKpi.get(v.kpiId) ?? [];
    list.push({ asOf: v.asOf, value: v.value });
    byKpi.set(v.kpiId, list);
  }
  const roleIn = new Map<string, TeamMemberRole>(roles.map((r) => [r.teamId, r.role]));
  return rows.map(({ kpi, ownerName, teamName }) => {
    const summary = summarizeKpi(kpi, kpi.cadence, byKpi.get(kpi.id) ?? []);
    const relation = { owns: kpi.ownerId === actor.userId, teamRole: kpi.teamId ? (roleIn.get(kpi.teamId) ?? null) : null };
    const recovery = recoveries.filter((r) => r.kpiId === kpi.id).at(-1) ?? null;
    return { kpi, ownerName, teamName, summary, recovery, can: kpiAbilities(actor, relation) };
  });
}

export type KpiBoardRow = Awaited<ReturnType<typeof kpiBoard>>[number];

/** One KPI as the board shows it (404 outside the organisation). */
export async function kpiView(db: Database, actor: Actor, id: string): Promise<KpiBoardRow> {
  await loadKpiFor(db, actor, id);
  const [row] = await kpiBoard(db, actor, { id });
  return row!;
}
