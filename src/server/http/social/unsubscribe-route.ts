import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unsubscribeByLink, unsubscribeTarget } from '../../services/notifications/unsubscribe-link.js';
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

const shell = (title: string, main: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Cairn</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #212529">
<main>${main}</main>
</body></html>`;

/** GET only asks: link scanners and prefetchers follow links, so nothing changes until the button is pressed. */
const confirmPage = (action: string, name: string, kind: string) =>
  shell(
    'Unsubscribe',
    `<h1>Stop these e-mails?</h1>
<p>${escapeHtml(name)}, Cairn will no longer e-mail you about ${escapeHtml(KIND_NAMES[kind] ?? kind)}. You will still see them in the app.</p>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Unsubscribe</button></form>`,
  );

const donePage = (publicUrl: string, name: string, kind: string) =>
  shell(
    'Unsubscribed',
    `<h1>You are unsubscribed</h1>
<p>${escapeHtml(name)}, Cairn will no longer e-mail you about ${escapeHtml(KIND_NAMES[kind] ?? kind)}. You still see them in the app.</p>
<p><a href="${escapeHtml(publicUrl)}/notifications">Change your notification settings</a></p>`,
  );

const linkQuery = z.object({
  u: z.string().min(1).max(64),
  k: z.string().min(1).max(40),
  e: z.string().regex(/^\d{1,12}$/, 'Must be the link’s expiry.'),
  s: z.string().min(1).max(128),
});

const html = z.string().describe('An HTML page');

/** The signed link in every notification e-mail and its List-Unsubscribe header; public, as it is opened from a mailbox. */
export const unsubscribeRoute =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // RFC 8058: mail clients POST `List-Unsubscribe=One-Click` as a form; so does the confirm page.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    app.get('/unsubscribe', {
      schema: {
        tags: ['notifications'],
        summary:
          'Open an e-mail’s unsubscribe link: a page with a button that confirms (nothing changes yet); an altered or expired link is refused (403)',
        security: [],
        querystring: linkQuery,
        response: { 200: html, 400: problemSchema, 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        const { kind, name } = await unsubscribeTarget(ctx.db, ctx.secret, request.query, ctx.clock());
        // Relative, so the form posts to the address the page came from (CSP form-action 'self').
        const action = `/api/v1/unsubscribe?${new URLSearchParams(request.query).toString()}`;
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(confirmPage(action, name, kind));
      },
    });

    app.post('/unsubscribe', {
      schema: {
        tags: ['notifications'],
        summary:
          'One-click unsubscribe (RFC 8058, also the confirm page’s button): turns that kind of e-mail off and answers an HTML page; an altered or expired link is refused (403)',
        security: [],
        querystring: linkQuery,
        body: z
          .object({ 'List-Unsubscribe': z.string().max(40).optional() })
          .passthrough()
          .nullish(),
        response: { 200: html, 400: problemSchema, 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        const { kind, name } = await unsubscribeByLink(ctx.db, ctx.secret, request.query, ctx.clock());
        return reply.type('text/html; charset=utf-8').send(donePage(ctx.config.publicUrl, name, kind));
      },
    });
  };
