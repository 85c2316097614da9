import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { alignmentMap } from '../../services/across/alignment-map.js';
import { withLayout } from './map-presenter.js';
import { requireCycle } from '../../services/okrs/cycles.js';
import { actorOf, type AppContext } from '../context.js';
import { plainJsonSerializer } from '../fast-serializer.js';
import { idParam, problemSchema } from '../schemas.js';
import { alignmentMapSchema, mapQuery } from './map-schema.js';

export const mapRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/cycles/:id/map', {
      serializerCompiler: plainJsonSerializer,
      schema: {
        tags: ['cycles'],
        summary: "The cycle's alignment map: objectives as nodes, alignments as edges",
        description:
          'An objective aligned to two parents is one node with two edges. Nodes carry owner, progress against pace, status and their position in a layered layout (parents above children); orphans (aligned to nothing, no standalone reason) and company key results nothing supports are flagged. `focusTeamId` shows a team or department with its neighbours `depth` alignments away; without it, a cycle of more than 2,000 published objectives starts aggregated by department (expand one with `focusTeamId`).',
        params: idParam,
        querystring: mapQuery,
        response: { 200: alignmentMapSchema, 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const { focusTeamId, depth, keyResults, aggregate } = request.query;
        const cycle = await requireCycle(ctx.db, actor.orgId, request.params.id);
        const map = await alignmentMap(ctx.db, actor, cycle, {
          focusTeamId,
          depth,
          keyResults: keyResults === 'true',
          aggregate: aggregate === undefined ? undefined : aggregate === 'true',
          now: ctx.clock(),
        });
        return withLayout(map);
      },
    });
  };
