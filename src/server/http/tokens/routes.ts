import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createMyToken, listTokens, revokeToken } from '../../services/tokens.js';
import { actorOf, scopeOf, type AppContext } from '../context.js';
import { presentToken } from '../presenters/tokens.js';
import { idParam, problemSchema } from '../schemas.js';
import { tokenBody, tokenSchema } from './schemas.js';

export const tokenRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/tokens', {
      schema: { tags: ['tokens'], summary: 'My personal API tokens (never the secrets)', response: { 200: z.array(tokenSchema) } },
      handler: async (request) => (await listTokens(ctx.db, scopeOf(actorOf(request)))).map(presentToken),
    });

    app.post('/tokens', {
      schema: {
        tags: ['tokens'],
        summary:
          'Create a personal API token with scopes and an expiry, from a signed-in session only; `token` is shown this once. Send it as `Authorization: Bearer …`',
        body: tokenBody,
        response: { 201: tokenSchema.extend({ token: z.string() }), 400: problemSchema, 403: problemSchema },
      },
      handler: async (request, reply) => {
        const { row, token } = await createMyToken(ctx.db, actorOf(request), request.body);
        return reply.status(201).send({ ...presentToken(row), token });
      },
    });

    app.delete('/tokens/:id', {
      schema: { tags: ['tokens'], summary: 'Revoke one of my tokens', params: idParam, response: { 204: z.null(), 404: problemSchema } },
      handler: async (request, reply) => {
        await revokeToken(ctx.db, scopeOf(actorOf(request)), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
