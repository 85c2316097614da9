import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cycleDepartmentMap } from '../../services/across/department-map.js';
import { requireCycle } from '../../services/okrs/cycles.js';
import { withDepartmentLayout } from './map-presenter.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';

const departmentMapSchema = z.object({
  cycleId: z.string(),
  departments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['department', 'team']).describe('A team under no department stands as its own group'),
      objectiveCount: z.number().int(),
      gap: z.boolean().describe('Its OKRs connect to nothing outside it'),
      x: z.number().describe('Left edge in the layered layout (supporters above the departments they support)'),
      y: z.number().describe('Top edge in the layered layout'),
    }),
  ),
  edges: z.array(
    z.object({
      from: z.string().describe('The supporting department'),
      to: z.string().describe('The supported department'),
      alignments: z.number().int(),
      contributions: z.number().int(),
      dependencies: z.number().int().describe('Accepted dependencies: the providing department supports the requesting one'),
      weight: z.number().int(),
    }),
  ),
  overlapsTotal: z.number().int().describe('How many overlapping pairs there are; `overlaps` lists the closest 100'),
  overlaps: z.array(
    z.object({
      similarity: z.number(),
      objectives: z.array(z.object({ id: z.string(), title: z.string(), teamId: z.string(), teamName: z.string() })),
    }),
  ),
});

export const departmentMapRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/cycles/:id/department-map', {
      schema: {
        tags: ['cycles'],
        summary: 'Departments and who supports whom: edges weighted by crossing alignments, contributions and dependencies',
        description:
          'Gaps: departments whose published objectives connect to nothing outside them. Overlaps: objectives of different teams whose titles share most of their words (the quality coach’s measure), the 100 closest, most similar first, with their total.',
        params: idParam,
        response: { 200: departmentMapSchema, 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        return withDepartmentLayout(await cycleDepartmentMap(ctx.db, actor, await requireCycle(ctx.db, actor.orgId, request.params.id)));
      },
    });
  };
