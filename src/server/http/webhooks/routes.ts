import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolvedWebhookUrlProblem } from '../../services/webhook-url.js';
import {
  createEndpoint,
  deleteEndpoint,
  deliveriesOf,
  listEndpoints,
  rotateSecret,
  updateEndpoint,
} from '../../services/webhooks/endpoints.js';
import { sendTestEvent } from '../../services/webhooks/test-event.js';
import { actorOf, type AppContext } from '../context.js';
import { presentDelivery, presentWebhook, presentWebhookWithSecret } from '../presenters/webhooks.js';
import { Problem } from '../problem.js';
import { idParam, problemSchema } from '../schemas.js';
import { deliverySchema, testResult, webhookBody, webhookPatch, webhookSchema, webhookWithSecret } from './schemas.js';

const tags = ['webhooks'];
// Managing where the organisation's news goes is administration, for tokens too.
const config = { scope: 'admin' as const };

/** A private address is malformed input for this field (400), checked after DNS resolution as well. */
async function checkUrl(url: string | undefined, allowPrivate: boolean): Promise<void> {
  const problem = url === undefined ? null : await resolvedWebhookUrlProblem(url, allowPrivate);
  if (problem) throw new Problem(400, 'validation-failed', `url: ${problem}`, [{ field: 'url', message: problem }]);
}

/** Signed event webhooks (issue 20, docs/webhooks.md): admins and champions. */
export const webhookRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const allowPrivate = ctx.config.webhookAllowPrivate;

    app.get('/webhooks', {
      config,
      schema: { tags, summary: "The organisation's webhook endpoints (never their secrets)", response: { 200: z.array(webhookSchema) } },
      handler: async (request) => (await listEndpoints(ctx.db, actorOf(request))).map(presentWebhook),
    });

    app.post('/webhooks', {
      config,
      schema: {
        tags,
        summary: 'Register an endpoint for chosen events; `secret` is shown this once',
        body: webhookBody,
        response: { 201: webhookWithSecret, 403: problemSchema },
      },
      handler: async (request, reply) => {
        await checkUrl(request.body.url, allowPrivate);
        const row = await createEndpoint(ctx.db, actorOf(request), request.body, allowPrivate);
        return reply.status(201).send(presentWebhookWithSecret(row));
      },
    });

    app.patch('/webhooks/:id', {
      config,
      schema: {
        tags,
        summary: 'Change the URL, events, description or enable/disable',
        params: idParam,
        body: webhookPatch,
        response: { 200: webhookSchema },
      },
      handler: async (request) => {
        await checkUrl(request.body.url, allowPrivate);
        return presentWebhook(await updateEndpoint(ctx.db, actorOf(request), request.params.id, request.body, allowPrivate));
      },
    });

    app.delete('/webhooks/:id', {
      config,
      schema: { tags, summary: 'Remove an endpoint and its delivery log', params: idParam, response: { 204: z.null() } },
      handler: async (request, reply) => {
        await deleteEndpoint(ctx.db, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.post('/webhooks/:id/rotate-secret', {
      config,
      schema: {
        tags,
        summary: 'Replace the signing secret; the new one is shown this once',
        params: idParam,
        response: { 200: webhookWithSecret },
      },
      handler: async (request) => presentWebhookWithSecret(await rotateSecret(ctx.db, actorOf(request), request.params.id)),
    });

    app.post('/webhooks/:id/test', {
      config,
      schema: {
        tags,
        summary: 'Send a `webhook.test` event now, signed and logged like any other',
        params: idParam,
        response: { 200: testResult },
      },
      handler: async (request) => sendTestEvent(ctx, actorOf(request), request.params.id),
    });

    app.get('/webhooks/:id/deliveries', {
      config,
      schema: {
        tags,
        summary: "The endpoint's delivery log, newest first (last 100 attempts)",
        params: idParam,
        response: { 200: z.array(deliverySchema) },
      },
      handler: async (request) => (await deliveriesOf(ctx.db, actorOf(request), request.params.id)).map(presentDelivery),
    });
  };
