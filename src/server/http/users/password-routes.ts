import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PASSWORD_MAX, passwordSchema } from '../../auth/password-rules.js';
import { changeOwnPassword } from '../../services/passwords.js';
import { actorOf, type AppContext } from '../context.js';
import { problemSchema } from '../schemas.js';

/** Changing one's own password, with Cairn's password rule and errors that name the field. */
export const passwordRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.put('/me/password', {
      schema: {
        tags: ['people'],
        summary: 'Change your own password; every other session is signed out (signed-in browser only, not an API token)',
        body: z.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: passwordSchema }),
        response: { 204: z.null(), 403: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        const { currentPassword, newPassword } = request.body;
        await changeOwnPassword(ctx.db, actorOf(request), currentPassword, newPassword);
        return reply.code(204).send(null);
      },
    });
  };
