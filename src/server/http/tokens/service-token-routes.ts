import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createServiceToken, listServiceTokens, revokeServiceToken } from '../../services/service-tokens.js';
import { actorOf, type AppContext } from '../context.js';
import { presentServiceToken, presentToken } from '../presenters/tokens.js';
import { idParam, problemSchema } from '../schemas.js';
import { serviceTokenSchema, tokenBody, tokenSchema } from './schemas.js';

/** The organisation's service tokens, for integrations; admins only. */
export const serviceTokenRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/service-tokens', {
      schema: {
        tags: ['tokens'],
        summary: "The organisation's service tokens with their owner and last use (admins)",
        response: { 200: z.array(serviceTokenSchema) },
      },
      handler: async (request) => (await listServiceTokens(ctx.db, actorOf(request))).map(presentServiceToken),
    });

    app.post('/service-tokens', {
      schema: {
        tags: ['tokens'],
        summary: 'Issue a service token owned by you (admins, from a session); `token` is shown this once',
        body: tokenBody,
        response: { 201: tokenSchema.extend({ token: z.string() }), 403: problemSchema },
      },
      handler: async (request, reply) => {
        const { row, token } = await createServiceToken(ctx.db, actorOf(request), request.body);
        return reply.status(201).send({ ...presentToken(row), token });
      },
    });

    app.delete('/service-tokens/:id', {
      schema: {
        tags: ['tokens'],
        summary: 'Revoke a service token (admins)',
        params: idParam,
        response: { 204: z.null(), 404: problemSchema },
      },
      handler: async (request, reply) => {
        await revokeServiceToken(ctx.db, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
