import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { saveSamlConfig } from '../../services/sso/saml-config.js';
import { loadSsoConfig, removeSsoConfig, saveSsoConfig } from '../../services/sso/sso-config.js';
import { signInProviders } from '../../services/sso/sso-sign-in.js';
import { actorOf, type AppContext } from '../context.js';
import { problemSchema } from '../schemas.js';
import { signInProvidersView, ssoConfigBody, ssoConfigView } from './schema.js';
import { samlConfigBody } from './saml-schema.js';

/** Single sign-on (OpenID Connect or SAML 2.0): the organisation's provider, and what the sign-in page offers. */
export const ssoRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/organization/sso', {
      schema: {
        tags: ['sso'],
        summary: 'The single sign-on configuration (owner/admin); the client secret is never returned',
        response: { 200: ssoConfigView, 403: problemSchema },
      },
      handler: async (request) => loadSsoConfig(ctx.db, actorOf(request), ctx.config.publicUrl),
    });

    app.put('/organization/sso', {
      schema: {
        tags: ['sso'],
        summary: "Configure single sign-on (owner/admin); the issuer's discovery document must be reachable",
        body: ssoConfigBody,
        response: { 200: ssoConfigView, 403: problemSchema, 422: problemSchema },
      },
      handler: async (request) => saveSsoConfig(ctx.db, actorOf(request), request.body, ctx.config.publicUrl),
    });

    app.put('/organization/sso/saml', {
      schema: {
        tags: ['sso'],
        summary:
          "Configure single sign-on with SAML 2.0 (owner/admin): the IdP's metadata XML, or its sign-in URL, entity ID and signing certificate",
        body: samlConfigBody,
        response: { 200: ssoConfigView, 403: problemSchema, 422: problemSchema },
      },
      handler: async (request) => saveSamlConfig(ctx.db, actorOf(request), request.body, ctx.config.publicUrl),
    });

    app.delete('/organization/sso', {
      schema: {
        tags: ['sso'],
        summary: 'Remove single sign-on (owner/admin)',
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        await removeSsoConfig(ctx.db, actorOf(request));
        return reply.status(204).send(null);
      },
    });

    app.get('/sso/providers', {
      schema: {
        tags: ['sso'],
        summary: 'The identity providers the sign-in page offers (names only)',
        response: { 200: signInProvidersView },
      },
      handler: async () => ({ providers: await signInProviders(ctx.db) }),
    });
  };
