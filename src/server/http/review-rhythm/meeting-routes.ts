import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addAction,
  addDecision,
  addNote,
  postUpdate,
  searchDecisions,
  setActionDone,
  openActionsOf,
} from '../../services/meetings/meeting-parts.js';
import { meetingView } from '../../services/meetings/meeting-view.js';
import { createMeeting, listMeetings, loadMeeting, scheduleNext } from '../../services/meetings/meetings.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { presentAction, presentMeeting, presentMeetingPage } from './meeting-presenters.js';
import {
  actionBody,
  actionPatch,
  actionView,
  decisionBody,
  decisionView,
  meetingCreate,
  meetingPage,
  meetingSummary,
  noteBody,
  updateBody,
} from './meeting-schema.js';

const tags = ['meetings'];
const created = { 201: z.object({ id: z.string() }), 403: problemSchema, 404: problemSchema, 422: problemSchema };

export const meetingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const page = async (actor: ReturnType<typeof actorOf>, id: string) =>
      presentMeetingPage(await meetingView(ctx.db, actor, await loadMeeting(ctx.db, actor, id), ctx.clock()));

    app.get('/meetings', {
      schema: {
        tags,
        summary: 'Meetings the caller may see, soonest first (one-on-ones only your own)',
        response: { 200: z.array(meetingSummary) },
      },
      handler: async (request) => (await listMeetings(ctx.db, actorOf(request))).map(presentMeeting),
    });

    app.post('/meetings', {
      schema: {
        tags,
        summary: 'Schedule a weekly session, monthly deep dive, quarterly review or one-on-one',
        body: meetingCreate,
        response: { 201: meetingSummary, 403: problemSchema, 404: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        const { startsAt, asyncDeadline, ...rest } = request.body;
        const input = { ...rest, startsAt: new Date(startsAt), asyncDeadline: asyncDeadline ? new Date(asyncDeadline) : null };
        return reply.status(201).send(presentMeeting(await createMeeting(ctx, actorOf(request), input)));
      },
    });

    app.get('/meetings/:id', {
      schema: {
        tags,
        summary: 'A meeting with its generated agenda, asynchronous parts, notes, decisions and actions',
        params: idParam,
        response: { 200: meetingPage, 404: problemSchema },
      },
      handler: async (request) => page(actorOf(request), request.params.id),
    });

    app.post('/meetings/:id/next', {
      schema: {
        tags,
        summary: 'Schedule the next meeting of a recurring series',
        params: idParam,
        response: { 201: meetingSummary, 403: problemSchema, 404: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) =>
        reply.status(201).send(presentMeeting(await scheduleNext(ctx, actorOf(request), request.params.id))),
    });

    app.put('/meetings/:id/my-update', {
      schema: {
        tags,
        summary: "Post (or replace) the caller's asynchronous part: update, confidence, blockers, commitments",
        params: idParam,
        body: updateBody,
        response: created,
      },
      handler: async (request, reply) =>
        reply.status(201).send({ id: (await postUpdate(ctx, actorOf(request), request.params.id, request.body)).id }),
    });

    app.post('/meetings/:id/notes', {
      schema: { tags, summary: 'A note on one agenda item (participants)', params: idParam, body: noteBody, response: created },
      handler: async (request, reply) =>
        reply.status(201).send({ id: (await addNote(ctx, actorOf(request), request.params.id, request.body)).id }),
    });

    app.post('/meetings/:id/decisions', {
      schema: { tags, summary: 'Log a decision (participants)', params: idParam, body: decisionBody, response: created },
      handler: async (request, reply) =>
        reply.status(201).send({ id: (await addDecision(ctx, actorOf(request), request.params.id, request.body)).id }),
    });

    app.post('/meetings/:id/actions', {
      schema: {
        tags,
        summary: 'Agree an action with an owner and a due date (participants)',
        params: idParam,
        body: actionBody,
        response: created,
      },
      handler: async (request, reply) =>
        reply.status(201).send({ id: (await addAction(ctx, actorOf(request), request.params.id, request.body)).id }),
    });

    app.patch('/meeting-actions/:id', {
      schema: {
        tags,
        summary: 'Mark an action done or open again (its owner or a participant)',
        params: idParam,
        body: actionPatch,
        response: { 200: actionView, 403: problemSchema, 404: problemSchema },
      },
      handler: async (request) => presentAction(await setActionDone(ctx, actorOf(request), request.params.id, request.body.done)),
    });

    app.get('/me/actions', {
      schema: {
        tags,
        summary: "The caller's open meeting actions, soonest due first (their week)",
        response: { 200: z.array(actionView) },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        return (await openActionsOf(ctx.db, actor.orgId, actor.userId)).map(presentAction);
      },
    });

    app.get('/decisions', {
      schema: {
        tags,
        summary: 'The decision log across the organisation, newest first; q searches its words',
        querystring: z.object({ q: z.string().max(200).optional() }),
        response: { 200: z.array(decisionView) },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        return (await searchDecisions(ctx.db, actor, request.query.q)).map((r) => ({
          ...r.decision,
          ownerName: r.ownerName,
          objectiveTitle: r.objectiveTitle,
        }));
      },
    });
  };
