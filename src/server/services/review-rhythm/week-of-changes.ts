import { shiftDate } from '../../../domain/index.js';
import type { Database } from '../../../db/database.js';
import { notFound } from '../../errors.js';
import { requireCycle, listCycles } from '../okrs/cycles.js';
import { organizationToday } from '../okrs/organization-today.js';
import { findTeam } from '../teams.js';
import type { Reader } from '../visibility/objective-visible.js';
import { changesFromHistory, type ChangesReport } from './changes.js';
import { loadCycleHistory } from './cycle-history.js';

/** The cycle running today, else the latest one not yet closed: what "this week" is about when no cycle is named. */
async function currentCycle(db: Database, orgId: string, today: string) {
  const open = (await listCycles(db, orgId)).filter((c) => c.status !== 'closed');
  const running = open.find((c) => c.startDate <= today && today <= c.endDate);
  const cycle = running ?? open.at(-1);
  if (!cycle) throw notFound('An open cycle', 'cycleId');
  return cycle;
}

/**
 * What changed in the last seven days of a cycle (up to today, inside the cycle), as the review's changes
 * report ranks it, among the objectives the reader may see: an assistant must not learn more than the API shows.
 */
export async function weekOfChanges(
  db: Database,
  reader: Reader,
  now: Date,
  query: { cycleId?: string; teamId?: string },
): Promise<ChangesReport> {
  const today = await organizationToday(db, reader.orgId, now);
  const cycle = query.cycleId
    ? await requireCycle(db, reader.orgId, query.cycleId, 'cycleId')
    : await currentCycle(db, reader.orgId, today);
  if (query.teamId && !(await findTeam(db, reader.orgId, query.teamId))) throw notFound('The team', 'teamId');
  const to = today < cycle.startDate ? cycle.startDate : today > cycle.endDate ? cycle.endDate : today;
  const weekAgo = shiftDate(to, -7);
  const from = weekAgo < cycle.startDate ? cycle.startDate : weekAgo;
  const teamId = query.teamId ?? null;
  const history = await loadCycleHistory(db, reader.orgId, cycle, to, reader, teamId ? [teamId] : null, { kind: 'window', from });
  const items = await changesFromHistory(db, reader.orgId, history, (o) => !teamId || o.teamId === teamId, {
    from,
    to,
    teamId,
  });
  return { cycleId: cycle.id, teamId, from, to, items };
}
