import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { passwordSchema } from '../../auth/password-rules.js';
import {
  acceptInvitation,
  createInvitation,
  findOpenInvitation,
  listPendingInvitations,
  revokeInvitation,
  setEmailStatus,
} from '../../services/invitations.js';
import { actorOf, type AppContext } from '../context.js';
import { presentInvitation } from '../presenters/invitations.js';
import { presentUser } from '../presenters/people.js';
import { emailField, idParam, nameField, problemSchema, roleField } from '../schemas.js';
import { userSchema } from '../setup/schema.js';
import { signInAfterCreate } from '../setup/sign-in.js';
import { invitationLink } from '../../services/invitation-link.js';
import { bulkInvitationRoutes } from './bulk-routes.js';
import { invitationEmail } from './email.js';
import { createdInvitation, invitationSchema } from './schema.js';

const invitationBody = z.object({
  email: emailField,
  role: roleField.exclude(['owner']).default('member'),
  teamId: z.uuid().nullable().optional(),
});
const tokenParam = z.object({ token: z.string().min(10).max(200) });
const acceptBody = z.object({ token: z.string().min(10).max(200), name: nameField, password: passwordSchema });

export const invitationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(bulkInvitationRoutes(ctx));

    app.get('/invitations', {
      schema: {
        tags: ['people'],
        summary: 'Pending invitations (owner/admin)',
        response: { 200: z.array(invitationSchema), 403: problemSchema },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        return (await listPendingInvitations(ctx.db, actor)).map(presentInvitation);
      },
    });

    app.post('/invitations', {
      schema: {
        tags: ['people'],
        summary: 'Invite a person by email (owner/admin). The link is e-mailed when SMTP is set, and always returned.',
        body: invitationBody,
        response: { 201: createdInvitation, 400: problemSchema, 403: problemSchema, 409: problemSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const { invitation, token } = await createInvitation(ctx.db, actor, request.body, ctx.secret);
        const link = invitationLink(ctx.config.publicUrl, token);
        // Mail goes after the commit, so a slow or failing SMTP server never holds a transaction open.
        const emailStatus = await ctx.mailer.send(invitationEmail({ to: invitation.email, inviter: actor.name, link }));
        await setEmailStatus(ctx.db, invitation.id, emailStatus);
        return reply.status(201).send({ ...presentInvitation({ ...invitation, emailStatus }), link });
      },
    });

    app.delete('/invitations/:id', {
      schema: {
        tags: ['people'],
        summary: 'Revoke a pending invitation',
        params: idParam,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        await revokeInvitation(ctx.db, actor, request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.get('/invitations/by-token/:token', {
      schema: {
        tags: ['people'],
        summary: 'Public: what an invitation link is for',
        params: tokenParam,
        response: { 200: z.object({ email: z.string(), name: z.string().nullable(), organization: z.string() }), 404: problemSchema },
      },
      handler: async (request) => {
        const { invitation, organization } = await findOpenInvitation(ctx.db, request.params.token);
        return { email: invitation.email, name: invitation.name, organization };
      },
    });

    app.post('/invitations/accept', {
      schema: {
        tags: ['people'],
        summary: 'Public: accept an invitation, create the account and sign in',
        body: acceptBody,
        response: { 201: userSchema, 400: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        const user = await acceptInvitation(ctx.db, request.body);
        await signInAfterCreate(ctx.auth, request, reply, user.email, request.body.password);
        return reply.status(201).send(presentUser(user));
      },
    });
  };
