import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { cycles, objectives } from '../../../db/schema/index.js';
import { conflict } from '../../errors.js';
import { programmeSettings } from './settings.js';

/**
 * "Company OKRs first": while the setting is on, a team objective stays a draft until the company has at least one
 * published objective in the same cycle, so teams align to something real. Refused naming `status`.
 */
export async function assertCompanyOkrsFirst(tx: Executor, orgId: string, objective: { teamId: string | null; cycleId: string }) {
  if (objective.teamId === null) return;
  if (!(await programmeSettings(tx, orgId)).companyOkrsFirst) return;
  const [row] = await tx
    .select({ published: sql<number>`count(${objectives.id})::int`, cycle: sql<string>`min(${cycles.name})` })
    .from(cycles)
    .leftJoin(
      objectives,
      and(
        eq(objectives.orgId, cycles.orgId),
        eq(objectives.cycleId, cycles.id),
        isNull(objectives.teamId),
        eq(objectives.status, 'active'),
      ),
    )
    .where(and(eq(cycles.orgId, orgId), eq(cycles.id, objective.cycleId)));
  if ((row?.published ?? 0) > 0) return;
  throw conflict(
    'status',
    `Company OKRs first: publish the company's objectives for ${row?.cycle ?? 'this cycle'} before team objectives. Keep this one as a draft until then.`,
  );
}
