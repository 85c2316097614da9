import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createPillar, deletePillar, updatePillar } from '../../services/strategy/pillars.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { deleted, pillarCreate, pillarPatch, pillarRow } from './schema.js';

const present = (p: typeof pillarRow._output) => ({
  id: p.id,
  name: p.name,
  narrative: p.narrative,
  ownerId: p.ownerId,
  position: p.position,
});

export const pillarRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/pillars', {
      schema: {
        tags: ['strategy'],
        summary: 'Add a strategic pillar (admins and OKR champions)',
        body: pillarCreate,
        response: { 201: pillarRow, 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => reply.status(201).send(present(await createPillar(ctx, actorOf(request), request.body))),
    });
    app.patch('/pillars/:id', {
      schema: {
        tags: ['strategy'],
        summary: 'Change a pillar',
        params: idParam,
        body: pillarPatch,
        response: { 200: pillarRow, 403: problemSchema, 404: problemSchema },
      },
      handler: async (request) => present(await updatePillar(ctx, actorOf(request), request.params.id, request.body)),
    });
    app.delete('/pillars/:id', {
      schema: {
        tags: ['strategy'],
        summary: 'Remove a pillar: objectives that served it lose only the link; its annual objectives go with it',
        params: idParam,
        response: deleted,
      },
      handler: async (request, reply) => {
        await deletePillar(ctx, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
