import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { saveSlackInstallation, slackInstallation } from '../../services/slack/installation.js';
import { createSlackLinkCode, slackLinkOf, unlinkSlack } from '../../services/slack/links.js';
import { actorOf, type AppContext } from '../context.js';
import { problemSchema } from '../schemas.js';
import { slackCredentialsBody, slackInstallationView, slackLinkCodeView, slackLinkView } from './schema.js';

/** The Slack app's settings (admins) and each person's link to their Slack account. */
export const slackRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/slack/installation', {
      schema: {
        tags: ['slack'],
        summary: 'The Slack app: whether it is set up, its request URL and manifest (admins)',
        response: { 200: slackInstallationView },
      },
      handler: async (request) => slackInstallation(ctx, actorOf(request)),
    });

    app.put('/slack/installation', {
      config: { scope: 'session' },
      schema: {
        tags: ['slack'],
        summary: 'Store the Slack app’s signing secret and bot token (admins); they are never returned',
        body: slackCredentialsBody,
        response: { 200: slackInstallationView, 422: problemSchema },
      },
      handler: async (request) => saveSlackInstallation(ctx, actorOf(request), request.body),
    });

    app.get('/slack/link', {
      schema: { tags: ['slack'], summary: 'Whether my Cairn account is linked to a Slack user', response: { 200: slackLinkView } },
      handler: async (request) => slackLinkOf(ctx.db, actorOf(request)),
    });

    app.post('/slack/link-code', {
      config: { scope: 'session' },
      schema: {
        tags: ['slack'],
        summary: 'A one-time code (15 minutes) to type in Slack as /cairn link CODE',
        response: { 201: slackLinkCodeView },
      },
      handler: async (request, reply) => {
        reply.code(201);
        return createSlackLinkCode(ctx.db, actorOf(request), ctx.clock());
      },
    });

    app.delete('/slack/link', {
      schema: { tags: ['slack'], summary: 'Unlink my Slack user', response: { 204: z.null() } },
      handler: async (request, reply) => {
        await unlinkSlack(ctx.db, actorOf(request));
        return reply.code(204).send(null);
      },
    });
  };
