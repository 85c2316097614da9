import { and, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { cycles } from '../../../db/schema/index.js';
import type { CycleEnd } from '../../../domain/surveys/rounds.js';

/** The cycles whose end opens a round of an end-of-cycle survey, per organisation (archived cycles left out). */
export async function cycleEndsOf(db: Executor, orgIds: readonly string[]): Promise<Map<string, CycleEnd[]>> {
  const byOrg = new Map<string, CycleEnd[]>(orgIds.map((id) => [id, []]));
  if (orgIds.length === 0) return byOrg;
  const rows = await db
    .select({ orgId: cycles.orgId, status: cycles.status, endDate: cycles.endDate, reviewOpensOn: cycles.reviewOpensOn })
    .from(cycles)
    .where(and(inArray(cycles.orgId, [...orgIds]), isNull(cycles.archivedAt)));
  for (const { orgId, ...cycle } of rows) byOrg.get(orgId)?.push(cycle);
  return byOrg;
}
