import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cycleReport } from '../../services/reports/cycle-report.js';
import { listReportShares, reportShareUrl, revokeReportShare, shareByToken, shareReport } from '../../services/reports/report-shares.js';
import { anyoneIn } from '../../services/visibility/objective-visible.js';
import { actorOf, type AppContext } from '../context.js';
import { idParam, problemSchema } from '../schemas.js';
import { presentReport, reportQuery, reportView, shareCreate, shareView } from './report-schema.js';

const tags = ['reports'];

/** Reports for stakeholders: a cycle's or team's report, and read-only links to it that expire. */
export const reportRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const shareUrl = (id: string) => reportShareUrl(ctx.config.publicUrl, ctx.secret, id);

    app.get('/cycles/:id/report', {
      schema: {
        tags,
        summary: "A cycle's (or one team's) report: progress against pace, statuses, highlights, risks, decisions, lessons",
        params: idParam,
        querystring: reportQuery,
        response: { 200: reportView, 404: problemSchema },
      },
      handler: async (request) =>
        presentReport(await cycleReport(ctx.db, actorOf(request), request.params.id, request.query.teamId ?? null, ctx.clock())),
    });

    app.post('/report-shares', {
      schema: {
        tags,
        summary: 'A read-only link to a report that expires (admins and champions)',
        body: shareCreate,
        response: { 201: shareView, 403: problemSchema, 404: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        const input = { ...request.body, teamId: request.body.teamId ?? null };
        const share = await shareReport(ctx, actorOf(request), input);
        const [listed] = (await listReportShares(ctx.db, actorOf(request), ctx.clock())).filter((row) => row.share.id === share.id);
        return reply.status(201).send(presentShare(shareUrl, listed!));
      },
    });

    app.get('/report-shares', {
      schema: {
        tags,
        summary: 'Report links that still work, newest first (admins)',
        response: { 200: z.array(shareView), 403: problemSchema },
      },
      handler: async (request) => (await listReportShares(ctx.db, actorOf(request), ctx.clock())).map((row) => presentShare(shareUrl, row)),
    });

    app.delete('/report-shares/:id', {
      schema: {
        tags,
        summary: 'Revoke a report link (admins)',
        params: idParam,
        response: { 204: z.null(), 403: problemSchema, 404: problemSchema },
      },
      handler: async (request, reply) => {
        await revokeReportShare(ctx, actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });

    app.get('/shared-reports/:token', {
      config: { public: true },
      schema: {
        tags,
        summary: 'A shared report, opened by its signed link; forged, revoked or expired links are not found',
        params: z.object({ token: z.string().max(200) }),
        response: { 200: reportView, 404: problemSchema },
      },
      handler: async (request) => {
        const now = ctx.clock();
        const share = await shareByToken(ctx.db, ctx.secret, request.params.token, now);
        return presentReport(await cycleReport(ctx.db, anyoneIn(share.orgId), share.cycleId, share.teamId, now));
      },
    });
  };

type ShareRow = Awaited<ReturnType<typeof listReportShares>>[number];
function presentShare(shareUrl: (id: string) => string, row: ShareRow) {
  const { share } = row;
  return {
    id: share.id,
    url: shareUrl(share.id),
    cycleId: share.cycleId,
    cycleName: row.cycleName,
    teamId: share.teamId,
    teamName: row.teamName,
    createdByName: row.createdByName,
    createdAt: share.createdAt.toISOString(),
    expiresAt: share.expiresAt.toISOString(),
  };
}
