import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerDependency } from '../../services/dependencies/answer-dependency.js';
import { objectiveDependencies, presentDependencies, teamRegister } from '../../services/dependencies/dependency-views.js';
import { requestDependency } from '../../services/dependencies/request-dependency.js';
import { requireVisibleObjective } from '../../services/okrs/objectives.js';
import { findTeam } from '../../services/teams.js';
import { notFound } from '../../errors.js';
import { actorOf, type AppContext } from '../context.js';
import { asOfQuery } from '../okrs/schema.js';
import { idParam, problemSchema } from '../schemas.js';
import { dependencyAnswer, dependencyCreate, dependencyView, teamRegisterSchema } from './dependency-schema.js';

export const dependencyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/objectives/:id/dependencies', {
      schema: {
        tags: ['dependencies'],
        summary: 'Record what an objective needs from another team; its leads are notified',
        params: idParam,
        body: dependencyCreate,
        response: { 201: dependencyView, 404: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const row = await requestDependency(ctx, actor, request.params.id, request.body);
        const [view] = await presentDependencies(ctx.db, actor, [row], { now: ctx.clock() });
        return reply.status(201).send(view!);
      },
    });

    app.get('/objectives/:id/dependencies', {
      schema: {
        tags: ['dependencies'],
        summary: 'What an objective depends on, with the providing objective’s status and `atRisk` (also as of a past date)',
        params: idParam,
        querystring: asOfQuery,
        response: { 200: z.array(dependencyView), 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        await requireVisibleObjective(ctx.db, actorOf(request), request.params.id);
        return objectiveDependencies(ctx.db, actor, request.params.id, { now: ctx.clock(), asOf: request.query.asOf });
      },
    });

    app.patch('/dependencies/:id', {
      schema: {
        tags: ['dependencies'],
        summary: "Accept or decline a dependency, with a note (the providing team's leads or an admin)",
        params: idParam,
        body: dependencyAnswer,
        response: { 200: dependencyView, 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const row = await answerDependency(ctx, actor, request.params.id, request.body);
        const [view] = await presentDependencies(ctx.db, actor, [row], { now: ctx.clock() });
        return view!;
      },
    });

    app.get('/teams/:id/dependencies', {
      schema: {
        tags: ['dependencies'],
        summary: "A team's register: what it needs from others and what others need from it",
        params: idParam,
        querystring: asOfQuery,
        response: { 200: teamRegisterSchema, 404: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        if (!(await findTeam(ctx.db, actor.orgId, request.params.id))) throw notFound('The team');
        return teamRegister(ctx.db, actor, request.params.id, { now: ctx.clock(), asOf: request.query.asOf });
      },
    });
  };
