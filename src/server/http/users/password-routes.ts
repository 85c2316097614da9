import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { APIError } from 'better-auth/api';
import { toHeaders } from '../../auth/actor.js';
import { PASSWORD_MAX, passwordSchema } from '../../auth/password-rules.js';
import { recordActivity } from '../../services/activity.js';
import { actorOf, type AppContext } from '../context.js';
import { forbidden, invalid } from '../../errors.js';
import { problemSchema } from '../schemas.js';

const WRONG_PASSWORD = 'INVALID_PASSWORD';

/**
 * Changing one's own password, with Cairn's password rule and errors that name the field. Better
 * Auth checks the current password, stores the new one and signs every other session out; the new
 * session cookie it sets is handed to the browser.
 */
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
        const actor = actorOf(request);
        if (actor.via !== 'session') throw forbidden('Change your password signed in, in the browser: an API token cannot.');
        const { currentPassword, newPassword } = request.body;
        if (newPassword === currentPassword) throw invalid('newPassword', 'Choose a password other than the current one.');
        const response = await ctx.auth.api
          .changePassword({
            body: { currentPassword, newPassword, revokeOtherSessions: true },
            headers: toHeaders(request),
            asResponse: true,
          })
          .catch((error: unknown) => {
            if (error instanceof APIError) return Response.json(error.body ?? {}, { status: error.statusCode });
            throw error;
          });
        if (!response.ok) {
          const body = (await response.json().catch(() => ({}))) as { code?: string };
          if (body.code === WRONG_PASSWORD) throw invalid('currentPassword', 'That is not your current password.');
          throw new Error(`changing the password failed: ${response.status} ${body.code ?? ''}`);
        }
        await recordActivity(ctx.db, {
          orgId: actor.orgId,
          actorId: actor.userId,
          action: 'user.password-changed',
          entityType: 'user',
          entityId: actor.userId,
        });
        const cookies = response.headers.getSetCookie();
        if (cookies.length > 0) reply.header('set-cookie', cookies);
        return reply.code(204).send(null);
      },
    });
  };
