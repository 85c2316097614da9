import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unsubscribeByLink } from '../../services/notifications/unsubscribe-link.js';
import type { AppContext } from '../context.js';
import { problemSchema } from '../schemas.js';

const KIND_NAMES: Record<string, string> = {
  reminder: 'check-in reminders',
  escalation: 'missing check-in escalations',
  digest: 'weekly digests',
  mention: 'mentions',
  comment: 'comments on your OKRs',
  celebration: 'targets reached',
  blocker: 'blockers',
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (publicUrl: string, name: string, kind: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Unsubscribed · Cairn</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #212529">
<main><h1>You are unsubscribed</h1>
<p>${escapeHtml(name)}, Cairn will no longer e-mail you about ${escapeHtml(KIND_NAMES[kind] ?? kind)}. You still see them in the app.</p>
<p><a href="${escapeHtml(publicUrl)}/notifications">Change your notification settings</a></p></main>
</body></html>`;

/** The signed one-click link in every notification e-mail; public, as it is opened from a mailbox. */
export const unsubscribeRoute =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/unsubscribe', {
      schema: {
        tags: ['notifications'],
        summary:
          'Follow an e-mail’s unsubscribe link: turns that kind of e-mail off and answers an HTML page; an altered link is refused (403)',
        security: [],
        querystring: z.object({ u: z.string().min(1).max(64), k: z.string().min(1).max(40), s: z.string().min(1).max(128) }),
        response: {
          200: z.string().describe('An HTML page saying what was turned off'),
          400: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
      handler: async (request, reply) => {
        const { kind, name } = await unsubscribeByLink(ctx.db, ctx.secret, request.query);
        return reply.type('text/html; charset=utf-8').send(page(ctx.config.publicUrl, name, kind));
      },
    });
  };
