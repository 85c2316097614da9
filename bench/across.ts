/**
 * The cross-team views for `npm run bench` (issue 14), as a member sees them: the alignment map of one department and
 * its neighbours (p95 ≤ 50 ms), the department map and the heatmap of the whole active cycle (12,500 objectives at
 * scale 1; p95 ≤ 100 ms each).
 */
import type { Database } from '../src/db/database.js';
import type { cycles } from '../src/db/schema/index.js';
import { alignmentMap } from '../src/server/services/across/alignment-map.js';
import { cycleDepartmentMap } from '../src/server/services/across/department-map.js';
import { cycleHeatmap } from '../src/server/services/across/heatmap.js';
import { anyoneIn } from '../src/server/services/visibility/objective-visible.js';
import type { Rng } from './rng.js';

interface AcrossContext {
  orgId: string;
  cycle: typeof cycles.$inferSelect;
  now: Date;
  /** Departments under a division: each holds a few teams. */
  departmentIds: string[];
}

export async function departmentNeighbours(db: Database, ctx: AcrossContext, rng: Rng): Promise<number> {
  const focusTeamId = rng.pick(ctx.departmentIds);
  const map = await alignmentMap(db, anyoneIn(ctx.orgId), ctx.cycle, { focusTeamId, depth: 1, keyResults: false, now: ctx.now });
  return map.nodes.length;
}

export async function departmentMap(db: Database, ctx: AcrossContext): Promise<number> {
  return (await cycleDepartmentMap(db, anyoneIn(ctx.orgId), ctx.cycle)).departments.length;
}

/** The first call also scores (and keeps) the objectives the generated data set holds no kept quality for. */
export async function heatmap(db: Database, ctx: AcrossContext): Promise<number> {
  const view = await cycleHeatmap(db, anyoneIn(ctx.orgId), ctx.cycle, { now: ctx.now });
  return view.departments.reduce((n, d) => n + d.teams.length, 0);
}
