import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bulkInvite } from '../../services/bulk-invitations.js';
import { invitationLink } from '../../services/invitation-link.js';
import { rowsOfCsv } from '../../services/invitation-rows.js';
import { pendingInvitationToken, setEmailStatus } from '../../services/invitations.js';
import { actorOf, type AppContext } from '../context.js';
import { presentInvitation } from '../presenters/invitations.js';
import { idParam, problemSchema } from '../schemas.js';
import { invitationEmail } from './email.js';
import { bulkBody, bulkResponse, linkResponse } from './schema.js';

export const bulkInvitationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/invitations/bulk', {
      schema: {
        tags: ['people'],
        summary: 'Invite many people at once (owner/admin): a CSV or a list of rows, with a result per row',
        body: bulkBody,
        response: { 200: bulkResponse, 403: problemSchema, 422: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        const rows = request.body.csv !== undefined ? rowsOfCsv(request.body.csv) : request.body.rows!;
        const results = await bulkInvite(ctx.db, actor, rows, ctx.secret);
        // Mail goes after the commit, so a slow SMTP server never holds the transaction open.
        const presented = [];
        for (const { invitation, token, ...result } of results) {
          if (!invitation || !token) {
            presented.push(result);
            continue;
          }
          const link = invitationLink(ctx.config.publicUrl, token);
          const emailStatus = await ctx.mailer.send(invitationEmail({ to: invitation.email, inviter: actor.name, link }));
          await setEmailStatus(ctx.db, invitation.id, emailStatus);
          presented.push({ ...result, invitation: { ...presentInvitation({ ...invitation, emailStatus }), link } });
        }
        return { created: presented.filter((r) => r.outcome === 'created').length, results: presented };
      },
    });

    app.post('/invitations/:id/link', {
      schema: {
        tags: ['people'],
        summary: 'The link of a pending invitation, to copy again (owner/admin)',
        params: idParam,
        response: { 200: linkResponse, 403: problemSchema, 404: problemSchema },
      },
      handler: async (request) => {
        const token = await pendingInvitationToken(ctx.db, actorOf(request), request.params.id, ctx.secret);
        return { link: invitationLink(ctx.config.publicUrl, token) };
      },
    });
  };
