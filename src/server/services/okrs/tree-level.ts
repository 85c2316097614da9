import { eq, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.js';
import { objectives } from '../../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import type { Reader, Viewer } from '../visibility/objective-visible.js';
import { childCountsQuery, treeRowsQuery, type CycleTree } from './cycle-tree.js';
import { alignedTo } from './find-objectives.js';
import { presentShaped, type ObjectiveView, type ReadOptions } from './read-model.js';

/** What the level's statement reads beside the page: the level's own child counts. */
interface LevelExtras {
  counts: { parent: string; count: number }[];
}

/**
 * One objective and the level aligned to it (a tree's branch opened one level down), presented, in ONE statement:
 * the level is found inside the page-facts statement, which also reads the links into it and its own child counts
 * (issue 12: a tree level against its floor, one round trip). Answers what loadCycleTree with depth 1 answers.
 */
export async function presentTreeLevel(
  db: Executor,
  actor: Actor,
  cycleId: string,
  options: { rootId: string; asOf?: string; viewer?: Viewer },
  read: ReadOptions,
): Promise<CycleTree & { views: ObjectiveView[] }> {
  const { rootId, asOf, viewer } = options;
  // Built once per shape (db/statement-shapes.ts): the reader's role, time travel or not, the viewer's role.
  const key = `tree-level role=${actor.role} asOf=${asOf ? 'set' : '-'} viewer=${viewer?.role ?? '-'}`;
  const values = [actor.orgId, actor.userId, cycleId, rootId, asOf ?? '', viewer?.userId ?? ''];
  const make = (v: readonly string[]) => {
    const [orgId, userId, cycle, root] = v as [string, string, string, string];
    const reader: Reader = { orgId, userId, role: actor.role };
    const shaped = { asOf: asOf ? v[4] : undefined, viewer: viewer ? { userId: v[5]!, role: viewer.role } : undefined };
    const level = treeRowsQuery(db, orgId, cycle, or(eq(objectives.id, root), alignedTo(db, orgId, [root]))!, { ...shaped, byId: true });
    const below = sql`array(select id from page where id <> ${root})`;
    const also = sql`json_build_object('counts', (select coalesce(json_agg(json_build_object('parent', c.parent, 'count', c.count)), '[]')
      from (${childCountsQuery(db, orgId, below, shaped.asOf, shaped.viewer)}) c))`;
    return { reader, source: { query: level, also } };
  };
  const found = await presentShaped(db, actor, { key, values, make }, read);
  // Without the objective itself (missing, hidden or archived) there is no tree below it either.
  if (!found.rows.some((o) => o.id === rootId)) return { rows: [], roots: [], children: new Map(), childCount: new Map(), views: [] };
  const { counts } = found.also as LevelExtras;
  const childCount = new Map(counts.map((c) => [c.parent, c.count]));
  // Every row but the root was found aligned to it, so the level is its children: no links need reading (their
  // subquery and JSON were 0.05–0.1 ms of a tree level, issue 12). In the order read, as loadCycleTree orders them.
  const level = found.rows.filter((o) => o.id !== rootId);
  const children = new Map(level.length > 0 ? [[rootId, level.map((o) => o.id)]] : []);
  if (level.length > 0) childCount.set(rootId, level.length);
  // The root first, then its level in the order read (loadCycleTree's order).
  const rows = [...found.rows.filter((o) => o.id === rootId), ...level];
  return { rows, roots: [rootId], children, childCount, views: found.views };
}
