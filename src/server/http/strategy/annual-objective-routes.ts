import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createAnnualObjective, deleteAnnualObjective, updateAnnualObjective } from '../../services/strategy/pillars.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { deleted, annualObjectiveCreate, annualObjectivePatch, annualObjectiveRow } from './schema.js';

const present = (a: typeof annualObjectiveRow._output) => ({
  id: a.id,
  pillarId: a.pillarId,
  year: a.year,
  title: a.title,
  ownerId: a.ownerId,
});

/** Annual objectives: a year's aims under a pillar; quarterly objectives name the one they advance. */
export const annualObjectiveRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/annual-objectives', {
      schema: {
        tags: ['strategy'],
        summary: 'Add an annual objective under a pillar (admins and OKR champions)',
        body: annualObjectiveCreate,
        response: { 201: annualObjectiveRow, 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => reply.status(201).send(present(await createAnnualObjective(ctx, actorOf(request), request.body))),
    });
    app.patch('/annual-objectives/:id', {
      schema: {
        tags: ['strategy'],
        summary: 'Change an annual objective; moving it to another pillar moves what advances it along',
        params: idParam,
        body: annualObjectivePatch,
        response: { 200: annualObjectiveRow, 403: problemSchema, 404: problemSchema },
      },
      handler: async (request) => present(await updateAnnualObjective(ctx, actorOf(request), request.params.id, request.body)),
    });
    app.delete('/annual-objectives/:id', {
      schema: {
        tags: ['strategy'],
        summary: 'Remove an annual objective: objectives advancing it keep their pillar',
        params: idParam,
        response: deleted,
      },
      handler: async (request, reply) => {
        await deleteAnnualObjective(ctx, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
