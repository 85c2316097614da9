import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { emailField } from '../../fields.js';
import { PASSWORD_MAX } from '../../auth/password-rules.js';
import { requestPasswordReset, resetPassword } from '../../services/password-reset-requests.js';
import { problemSchema } from '../schemas.js';

const sent = z.object({ message: z.string() });

/** "Forgot password?": a single-use, short-lived link by e-mail, then a new password with it. */
export const passwordResetRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/password-reset', {
      schema: {
        tags: ['password-reset'],
        summary: 'E-mail a password reset link',
        description: 'Answers 202 the same whether the address has an account or not. The link works once, for 30 minutes.',
        body: z.object({ email: emailField }),
        response: { 202: sent, 400: problemSchema },
      },
      handler: async (request, reply) => {
        await requestPasswordReset(ctx.auth, request.body.email);
        return reply.status(202).send({ message: 'If this address has an account, a reset link is on its way.' });
      },
    });

    app.post('/password-reset/confirm', {
      schema: {
        tags: ['password-reset'],
        summary: 'Set a new password with the token from the reset e-mail',
        description: 'Signs the person out everywhere. A used, expired or unknown token is 400 naming `token`.',
        body: z.object({
          token: z.string().min(1).max(200),
          newPassword: z.string().max(PASSWORD_MAX),
        }),
        response: { 200: sent, 400: problemSchema },
      },
      handler: async (request) => {
        await resetPassword(ctx.auth, request.body.token, request.body.newPassword);
        return { message: 'Your password is changed. Sign in with it.' };
      },
    });
  };
