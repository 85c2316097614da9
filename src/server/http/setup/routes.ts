import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { countUsers } from '../../services/create-account.js';
import { presentOrganization } from '../presenters/organization.js';
import { presentUser } from '../presenters/people.js';
import { problemSchema } from '../schemas.js';
import { sessionView } from './schema.js';
import { setupRequestBody, setupOrganization } from '../../services/setup.js';
import { signInAfterCreate } from './sign-in.js';

export const setupRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/setup', {
      schema: { tags: ['setup'], summary: 'Whether first-run setup is still needed', response: { 200: z.object({ needed: z.boolean() }) } },
      handler: async () => ({ needed: (await countUsers(ctx.db)) === 0 }),
    });

    app.post('/setup', {
      schema: {
        tags: ['setup'],
        summary: 'First-run setup: create the organisation and its owner, and sign the owner in',
        description:
          'Only while no user exists; afterwards 409 already-set-up. `setupCode` is the one-time code Cairn printed to its log at first start (or CAIRN_SETUP_TOKEN); a wrong one is 403 naming `setupCode`.',
        body: setupRequestBody,
        response: { 201: sessionView, 400: problemSchema, 403: problemSchema, 409: problemSchema },
      },
      handler: async (request, reply) => {
        const { setupCode, ...input } = request.body;
        const { organization, owner } = await setupOrganization(ctx.db, input, { setupCode, configuredCode: ctx.config.setupToken });
        await signInAfterCreate(ctx.auth, request, reply, owner.email, request.body.password);
        return reply.status(201).send({ user: presentUser(owner), organization: presentOrganization(organization) });
      },
    });
  };
