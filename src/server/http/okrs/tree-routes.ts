import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCycle } from '../../services/okrs/cycles.js';
import { loadCycleTree } from '../../services/okrs/cycle-tree.js';
import { presentObjectives, type ObjectiveView } from '../../services/okrs/read-model.js';
import { requireObjective } from '../../services/okrs/objectives.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { asOfQuery, objectiveView } from './schema.js';
import { plainJsonSerializer } from '../fast-serializer.js';

type TreeNode = ObjectiveView & { childCount: number; children: TreeNode[] };
const treeNode: z.ZodType<TreeNode> = objectiveView.extend({
  childCount: z.number().int().describe('Objectives aligned to this one, also when `children` stops at `depth`: fetch that branch with `rootId`.'),
  children: z.array(z.lazy(() => treeNode)),
}) as z.ZodType<TreeNode>;

export const treeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/cycles/:id/tree', {
      serializerCompiler: plainJsonSerializer,
      schema: {
        tags: ['cycles'],
        summary: "The cycle's objectives as a tree (company → departments → teams → individuals), each with its key results",
        description: 'Roots are objectives aligned to nothing, or `rootId`. `depth` levels of aligned children are nested (default 10) and every node counts its children, so a client can load the top levels and fetch a branch with `rootId` when it opens; an objective with two parents appears under both.',
        params: idParam,
        querystring: asOfQuery.extend({ rootId: z.uuid().optional(), depth: z.coerce.number().int().min(0).max(20).default(10) }),
        response: { 200: z.object({ cycleId: z.string(), roots: z.array(treeNode) }), 404: problemSchema },
      },
      handler: async (request) => {
        const { orgId } = actorOf(request);
        const cycle = await requireCycle(ctx.db, orgId, request.params.id);
        if (request.query.rootId) await requireObjective(ctx.db, orgId, request.query.rootId, 'rootId');
        const tree = await loadCycleTree(ctx.db, orgId, cycle.id, { rootId: request.query.rootId, depth: request.query.depth });
        const views = new Map((await presentObjectives(ctx.db, orgId, tree.rows, { now: ctx.clock(), asOf: request.query.asOf })).map((v) => [v.id, v]));
        const build = (id: string, depth: number): TreeNode => ({
          ...views.get(id)!,
          childCount: tree.childCount.get(id) ?? 0,
          children: depth >= request.query.depth ? [] : (tree.children.get(id) ?? []).filter((c) => views.has(c)).map((c) => build(c, depth + 1)),
        });
        return { cycleId: cycle.id, roots: tree.roots.map((id) => build(id, 0)) };
      },
    });
  };
