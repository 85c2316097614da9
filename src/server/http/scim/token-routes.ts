import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { scimTokens } from '../../../db/schema/index.js';
import { createScimToken, listScimTokens, revokeScimToken } from '../../services/scim/scim-tokens.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, iso, problemSchema } from '../schemas.js';
import { SCIM_BASE } from './scim-resources.js';
import { scimTokenBody, scimTokenCreated, scimTokenList } from './token-schema.js';

const presentScimToken = (t: typeof scimTokens.$inferSelect) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: iso(t.createdAt)!,
  lastUsedAt: iso(t.lastUsedAt),
});

/** The bearer tokens identity providers provision people with (admins). */
export const scimTokenRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const baseUrl = `${ctx.config.publicUrl.replace(/\/$/, '')}${SCIM_BASE}`;

    app.get('/scim-tokens', {
      schema: {
        tags: ['tokens'],
        summary: "The organisation's SCIM tokens and the SCIM base URL (admins)",
        response: { 200: scimTokenList },
      },
      handler: async (request) => ({ baseUrl, tokens: (await listScimTokens(ctx.db, actorOf(request))).map(presentScimToken) }),
    });

    app.post('/scim-tokens', {
      schema: {
        tags: ['tokens'],
        summary: 'Issue a SCIM token for an identity provider (admins, from a session); `token` is shown this once',
        body: scimTokenBody,
        response: { 201: scimTokenCreated, 403: problemSchema },
      },
      handler: async (request, reply) => {
        const { row, token } = await createScimToken(ctx.db, actorOf(request), request.body.name);
        return reply.status(201).send({ ...presentScimToken(row), token });
      },
    });

    app.delete('/scim-tokens/:id', {
      schema: {
        tags: ['tokens'],
        summary: 'Revoke a SCIM token: the identity provider using it is refused at once (admins)',
        params: idParam,
        response: { 204: z.null(), 404: problemSchema },
      },
      handler: async (request, reply) => {
        await revokeScimToken(ctx.db, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
