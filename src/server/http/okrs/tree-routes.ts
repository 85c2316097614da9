import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OBJECTIVE_TYPES, PROGRESS_STATUSES } from '../../../domain/vocabulary.js';
import { requireCycle } from '../../services/okrs/cycles.js';
import { loadCycleTree, type CycleTree } from '../../services/okrs/cycle-tree.js';
import { presentTreeLevel } from '../../services/okrs/tree-level.js';
import { isSearching, searchCycleTree } from '../../services/okrs/search-tree.js';
import { presentObjectives, type ObjectiveView } from '../../services/okrs/read-model.js';
import { requireVisibleObjective } from '../../services/okrs/objectives.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { asOfQuery, objectiveView } from './schema.js';
import { plainJsonSerializer } from '../fast-serializer.js';

type TreeNode = ObjectiveView & { childCount: number; matched?: boolean; children: TreeNode[] };
const treeNode: z.ZodType<TreeNode> = objectiveView.extend({
  childCount: z
    .number()
    .int()
    .describe('Objectives aligned to this one, also when `children` stops at `depth`: fetch that branch with `rootId`.'),
  matched: z.boolean().optional().describe('Only when searching: true for a match, false for an objective on the path to one'),
  children: z.array(z.lazy(() => treeNode)),
}) as z.ZodType<TreeNode>;

const treeSearchQuery = z.object({
  q: z.string().trim().max(200).optional().describe("Search: words in an objective's or its key results' titles"),
  teamId: z.uuid().optional(),
  ownerId: z.string().max(64).optional().describe('Owns the objective or one of its key results'),
  type: z.enum(OBJECTIVE_TYPES).optional(),
  progressStatus: z.enum(PROGRESS_STATUSES).optional(),
});
// Paths to matches are never cut: alignments are at most this deep (loops are refused).
const SEARCH_DEPTH = 64;

export const treeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/cycles/:id/tree', {
      serializerCompiler: plainJsonSerializer,
      schema: {
        tags: ['cycles'],
        summary: "The cycle's objectives as a tree (company → departments → teams → individuals), each with its key results",
        description:
          'Roots are objectives aligned to nothing, or `rootId`. `depth` levels of aligned children are nested (default 10) and every node counts its children, so a client can load the top levels and fetch a branch with `rootId` when it opens; an objective with two parents appears under both. With a search (`q`, `teamId`, `ownerId`, `type`, `progressStatus`), the tree holds only the matching objectives and the paths to them from their roots, at any depth (`depth` and `rootId` do not apply).',
        params: idParam,
        querystring: asOfQuery
          .extend({ rootId: z.uuid().optional(), depth: z.coerce.number().int().min(0).max(20).default(10) })
          .extend(treeSearchQuery.shape),
        response: { 200: z.object({ cycleId: z.string(), roots: z.array(treeNode) }), 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const { orgId } = actor;
        const { asOf, rootId, ...search } = request.query;
        const cycle = await requireCycle(ctx.db, orgId, request.params.id);
        if (rootId) await requireVisibleObjective(ctx.db, actorOf(request), rootId, 'rootId');
        const searching = isSearching(search);
        const now = ctx.clock();
        // Each read presents its objectives as it reads them: a branch one level down is one statement, a search and
        // a deeper tree present beside their last links and counts.
        const read = async (): Promise<CycleTree & { views: ObjectiveView[]; matched?: Set<string> }> => {
          if (searching) return searchCycleTree(ctx.db, actor, cycle, search, { now, asOf });
          if (rootId && search.depth === 1)
            return presentTreeLevel(ctx.db, actor, cycle.id, { rootId, asOf, viewer: actor }, { now, asOf });
          const tree = await loadCycleTree(ctx.db, orgId, cycle.id, {
            rootId,
            depth: search.depth,
            asOf,
            viewer: actor,
            alongside: (rows) => presentObjectives(ctx.db, actor, rows, { now, asOf }),
          });
          return { ...tree, views: tree.alongside ?? [] };
        };
        const tree = await read();
        const { matched } = tree;
        const maxDepth = searching ? SEARCH_DEPTH : search.depth;
        const views = new Map(tree.views.map((v) => [v.id, v]));
        const build = (id: string, depth: number): TreeNode => ({
          ...views.get(id)!,
          childCount: tree.childCount.get(id) ?? 0,
          ...(matched ? { matched: matched.has(id) } : {}),
          children: depth >= maxDepth ? [] : (tree.children.get(id) ?? []).filter((c) => views.has(c)).map((c) => build(c, depth + 1)),
        });
        return { cycleId: cycle.id, roots: tree.roots.map((id) => build(id, 0)) };
      },
    });
  };
