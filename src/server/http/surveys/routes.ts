import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SURVEY_TEMPLATES } from '../../../domain/surveys/templates.js';
import { createSurvey } from '../../services/surveys/create-survey.js';
import { respondToSurvey } from '../../services/surveys/respond.js';
import { surveyResults } from '../../services/surveys/results.js';
import { setSeriesSchedule } from '../../services/surveys/series-schedule.js';
import { setSurveyMinGroupSize, surveyMinGroupSize } from '../../services/surveys/settings.js';
import { closeSurvey, listSurveys, setTextHidden, surveyForAnswering } from '../../services/surveys/surveys.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import {
  hideBody,
  responseBody,
  resultsQuery,
  resultsView,
  scheduleBody,
  surveyCreate,
  surveyDetail,
  surveyListItem,
  surveyView,
  templatesView,
  thresholdBody,
} from './schema.js';

const present = <T extends z.infer<typeof surveyView>>(s: T) => s;

export const surveyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/surveys', {
      schema: {
        tags: ['surveys'],
        summary: 'Open surveys sent to the caller; every survey for champions and admins',
        response: { 200: z.array(surveyListItem) },
      },
      handler: async (request) => (await listSurveys(ctx.db, actorOf(request), ctx.clock())).map(present),
    });

    app.get('/surveys/templates', {
      schema: {
        tags: ['surveys'],
        summary: 'Ready-made surveys, including clarity and leadership support',
        response: { 200: templatesView },
      },
      handler: async () => SURVEY_TEMPLATES.map((t) => ({ ...t, questions: [...t.questions] })),
    });

    app.post('/surveys', {
      schema: {
        tags: ['surveys'],
        summary: 'Create a pulse survey and notify everyone in its scope (owner/admin/champion)',
        body: surveyCreate,
        response: { 201: surveyView, 422: problemSchema },
      },
      handler: async (request, reply) => reply.status(201).send(present(await createSurvey(ctx, actorOf(request), request.body))),
    });

    app.get('/surveys/:id', {
      schema: {
        tags: ['surveys'],
        summary: 'A survey and its questions; whether the caller has answered, never what',
        params: idParam,
        response: { 200: surveyDetail },
      },
      handler: async (request) => surveyForAnswering(ctx.db, actorOf(request), request.params.id),
    });

    app.post('/surveys/:id/responses', {
      schema: {
        tags: ['surveys'],
        summary: 'Answer a survey anonymously: 409 when closed or already answered; nothing returned identifies the response',
        params: idParam,
        body: responseBody,
        response: { 201: z.object({ received: z.literal(true) }), 409: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        await respondToSurvey(ctx, actorOf(request), request.params.id, request.body.answers);
        return reply.status(201).send({ received: true as const });
      },
    });

    app.get('/surveys/:id/results', {
      schema: {
        tags: ['surveys'],
        summary: 'Results per group; a group below the threshold is merged into its parent, never shown (owner/admin/champion)',
        params: idParam,
        querystring: resultsQuery,
        response: { 200: resultsView },
      },
      handler: async (request) => surveyResults(ctx.db, actorOf(request), request.params.id, request.query.teamId),
    });

    app.patch('/surveys/:id', {
      schema: {
        tags: ['surveys'],
        summary: 'Change how a survey series repeats; "once" stops it (owner/admin/champion)',
        params: idParam,
        body: scheduleBody,
        response: { 200: surveyView },
      },
      handler: async (request) => present(await setSeriesSchedule(ctx.db, actorOf(request), request.params.id, request.body.schedule)),
    });

    app.post('/surveys/:id/close', {
      schema: {
        tags: ['surveys'],
        summary: 'Close a survey now (owner/admin/champion)',
        params: idParam,
        response: { 200: surveyView, 409: problemSchema },
      },
      handler: async (request) => present(await closeSurvey(ctx.db, actorOf(request), request.params.id)),
    });

    app.post('/surveys/:id/texts', {
      schema: {
        tags: ['surveys'],
        summary: 'Hide or show free-text answers in the results (owner/admin/champion)',
        params: idParam,
        body: hideBody,
        response: { 200: z.object({ changed: z.number() }) },
      },
      handler: async (request) => ({
        changed: await setTextHidden(ctx.db, actorOf(request), request.params.id, request.body.textIds, request.body.hidden),
      }),
    });

    app.get('/surveys/settings', {
      schema: { tags: ['surveys'], summary: 'The fewest responses a group’s results are shown with', response: { 200: thresholdBody } },
      handler: async (request) => ({ surveyMinGroupSize: await surveyMinGroupSize(ctx.db, actorOf(request).orgId) }),
    });

    app.put('/surveys/settings', {
      schema: {
        tags: ['surveys'],
        summary: 'Set the fewest responses a group is shown with (3 or more; owner/admin/champion)',
        body: thresholdBody,
        response: { 200: thresholdBody, 422: problemSchema },
      },
      handler: async (request) => ({
        surveyMinGroupSize: await setSurveyMinGroupSize(ctx.db, actorOf(request), request.body.surveyMinGroupSize),
      }),
    });
  };
